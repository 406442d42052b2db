// 人才分类定级 reaches a result through the real gateway and all five subgraphs: a talent
// declaration under the demo notice goes through the unit and the province bureau to 材料审核通过;
// the bureau (the route's last seat) records 暂缓, then 通过; the applicant hears both live in
// 流程推送 and reads 终审通过; exactly one 人才分类定级证书 is issued (a replayed stream and a
// duplicate approval issue nothing more) and it verifies by number + name, as a credential and
// offline against did.json. 不通过 ends another declaration and issues nothing. Nobody but that
// bureau may record a result, not twice, and not for a forged declaration.
import { randomUUID } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import pino from 'pino';
import { createPostgresTransport } from '@zhicheng/events';
import { readPdf } from '@zhicheng/testing';
import {
  bindToDemoUnit,
  DEMO_APPLICANTS,
  demoAgent,
  demoStaff,
  files,
  Followed,
  liveClient,
  ok,
  postFile,
  signedIn,
  submittedTalentDeclaration,
  type DemoPerson,
} from '../support/flows';
import { GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let agent: GraphQLSession;
let bureau: GraphQLSession;
beforeAll(async () => {
  stack = await startStack('gw_talent', { demoData: true });
  await stack.settleEvents();
  agent = await demoAgent(stack);
  bureau = await demoStaff(stack, 'bureau.province');
});
afterAll(async () => {
  await stack?.stop();
});

const CASE = `query($id: ID!) { reviewCase(declarationId: $id) {
  status statusText currentTask { sequence state origin }
  allowedActions { type taskSequence results appliedTalentLevel { code name } talentLevels { code } } } }`;
const RESULT = `mutation($id: ID!, $result: CommitteeResult!, $opinion: String!, $task: Int, $level: String) {
  recordTalentResult(declarationId: $id, result: $result, opinion: $opinion, taskSequence: $task, levelCode: $level) {
    phase status statusText currentTask { state } } }`;
const DECLARATION = `query($id: ID!) { declaration(id: $id) { status statusText reviewPosition { level organisationName deferred } } }`;

interface CaseJson {
  status: string;
  statusText: string;
  currentTask: { sequence: number; state: string; origin: string } | null;
  allowedActions: Array<{
    type: string;
    taskSequence: number;
    results: string[];
    appliedTalentLevel: { code: string; name: string } | null;
    talentLevels: Array<{ code: string }>;
  }>;
}

const reviewCase = async (session: GraphQLSession, id: string) =>
  (await ok<{ reviewCase: CaseJson }>(session, CASE, { id })).reviewCase;

async function pass(session: GraphQLSession, id: string, opinion: string) {
  const { currentTask } = await reviewCase(session, id);
  await ok(
    session,
    `mutation($id: ID!, $seq: Int!, $opinion: String!) {
      decideReview(declarationId: $id, taskSequence: $seq, decision: PASS, opinion: $opinion) { statusText } }`,
    { id, seq: currentTask!.sequence, opinion },
  );
  await stack.settleEvents();
}

/** The person's talent declaration through the unit (batch with 推荐报告) and the bureau: 材料审核通过. */
async function atMaterialsApproved(person: DemoPerson) {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: person.mobile });
  const unit = await bindToDemoUnit(stack, applicant, agent);
  const id = await submittedTalentDeclaration(stack, applicant, person, unit.name);
  await pass(agent, id, '材料齐全，同意推荐。');
  const report = files.pdf();
  const { requestBatchAttachmentUpload } = await ok<{ requestBatchAttachmentUpload: { url: string } }>(
    agent,
    `mutation($size: Int!) { requestBatchAttachmentUpload(fileName: "推荐报告.pdf", sizeBytes: $size, contentType: "application/pdf") { url } }`,
    { size: report.length },
  );
  const stored = await postFile(stack, agent, requestBatchAttachmentUpload.url, report, 'application/pdf');
  await ok(
    agent,
    `mutation($ids: [ID!]!, $a: ID!) { forwardBatch(declarationIds: $ids, attachmentId: $a) { id } }`,
    {
      ids: [id],
      a: stored.body.attachment!.id,
    },
  );
  await stack.settleEvents();
  await pass(bureau, id, '材料齐全，同意认定。');
  return { applicant, id };
}

const certificateCount = async (declarationId: string) =>
  (
    await stack.sql(
      `select (select count(*) from certificate.certificate where declaration_id = $1::uuid) as certificates,
              (select count(*) from certificate.outbox_event where type = 'CertificateIssued' and payload->>'declarationId' = $1::text) as events`,
      [declarationId],
    )
  ).rows[0];

test('材料审核通过 → the bureau’s 暂缓 → 通过: heard live, one 人才分类定级证书 that verifies', async () => {
  const { applicant, id } = await atMaterialsApproved(DEMO_APPLICANTS.张伟);
  expect(await ok(applicant, DECLARATION, { id })).toMatchObject({
    declaration: {
      status: 'MATERIALS_APPROVED',
      statusText: '材料审核通过',
      reviewPosition: { level: 'BUREAU', organisationName: '吉林省人力资源和社会保障厅', deferred: false },
    },
  });
  const waiting = await reviewCase(bureau, id);
  expect(waiting.currentTask).toMatchObject({ state: 'PENDING', origin: 'MATERIALS_APPROVED' });
  expect(waiting.allowedActions).toEqual([
    expect.objectContaining({
      type: 'RECORD_TALENT_RESULT',
      results: ['PASS', 'FAIL', 'DEFER'],
      appliedTalentLevel: { code: 'C', name: 'C类' },
    }),
  ]);
  expect(await certificateCount(id)).toEqual({ certificates: '0', events: '0' });

  // The applicant follows 流程推送 live through the gateway.
  const TIMELINE = `subscription($id: ID!) { declarationTimelineChanged(id: $id) { statusText entry { step stepText opinion organisationName } } }`;
  const live = liveClient(stack, applicant.token);
  const followed = new Followed<{
    declarationTimelineChanged: { statusText: string; entry: { step: string; stepText: string } | null };
  }>(live, TIMELINE, { id });

  // Nobody else records it: the applicant, the unit, another bureau, a committee, a forged id.
  const vars = { id, result: 'PASS', opinion: '经认定，符合人才分类定级标准，同意认定。' };
  const codeOf = (answer: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
    answer.errors?.[0]?.extensions?.code;
  expect(codeOf(await applicant.request(RESULT, vars))).toBe('FORBIDDEN');
  expect(codeOf(await agent.request(RESULT, vars))).toBe('FORBIDDEN');
  expect(codeOf(await (await demoStaff(stack, 'bureau.city')).request(RESULT, vars))).toBe('NOT_FOUND');
  expect(codeOf(await (await demoStaff(stack, 'committee.engineering')).request(RESULT, vars))).toBe(
    'NOT_FOUND',
  );
  expect(codeOf(await bureau.request(RESULT, { ...vars, id: randomUUID() }))).toBe('NOT_FOUND');
  expect(codeOf(await new GraphQLSession(stack.graphqlUrl).request(RESULT, vars))).toBe('UNAUTHENTICATED');
  // Bad input: every problem at once.
  const bad = await bureau.request(RESULT, { ...vars, opinion: ' ', level: 'F' });
  expect(bad.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: [
      expect.objectContaining({ field: 'opinion', code: 'OPINION_REQUIRED' }),
      expect.objectContaining({ field: 'levelCode', code: 'TALENT_LEVEL_INVALID' }),
    ],
  });

  // 暂缓: still 材料审核通过, deferred at the bureau; heard live.
  const deferred = await ok<{ recordTalentResult: { status: string; currentTask: { state: string } } }>(
    bureau,
    RESULT,
    { id, result: 'DEFER', opinion: '认定材料待进一步核实，暂缓认定。' },
  );
  expect(deferred.recordTalentResult).toMatchObject({
    status: 'MATERIALS_APPROVED',
    currentTask: { state: 'DEFERRED' },
  });
  await followed.next((r) => r.data?.declarationTimelineChanged.entry?.step === 'COMMITTEE_DEFER', 3000);
  await stack.settleEvents();
  expect(await ok(applicant, DECLARATION, { id })).toMatchObject({
    declaration: { status: 'MATERIALS_APPROVED', reviewPosition: { level: 'BUREAU', deferred: true } },
  });

  // 通过 with the class applied for: 终审通过, heard live with the class.
  const { currentTask } = await reviewCase(bureau, id);
  await ok(bureau, RESULT, { ...vars, task: currentTask!.sequence });
  const heard = await followed.next(
    (r) => r.data?.declarationTimelineChanged.entry?.step === 'COMMITTEE_PASS',
    3000,
  );
  expect(heard.data!.declarationTimelineChanged).toMatchObject({
    statusText: '终审通过',
    entry: { stepText: '评审通过（认定为C类）', organisationName: '吉林省人力资源和社会保障厅' },
  });
  await stack.settleEvents();
  expect(await ok(applicant, DECLARATION, { id })).toMatchObject({
    declaration: { status: 'FINALLY_APPROVED', statusText: '终审通过', reviewPosition: null },
  });

  // Not twice: the same task again, and another result.
  expect(codeOf(await bureau.request(RESULT, { ...vars, task: currentTask!.sequence }))).toBe('CONFLICT');
  expect(codeOf(await bureau.request(RESULT, { ...vars, result: 'FAIL' }))).toBe('CONFLICT');

  // One certificate of the talent kind, in 我的证照 and on the declaration.
  const { myCertificates } = await ok<{
    myCertificates: Array<{
      kind: string;
      kindText: string;
      number: string;
      holderName: string;
      levelName: string;
      recognitionStandard: string | null;
      committeeName: string;
      credential: string;
      pdfUrl: string;
      declaration: { id: string };
    }>;
  }>(
    applicant,
    `{ myCertificates { kind kindText number holderName levelName recognitionStandard committeeName credential pdfUrl declaration { id } } }`,
  );
  expect(myCertificates).toHaveLength(1);
  const [certificate] = myCertificates;
  expect(certificate).toMatchObject({
    kind: 'TALENT_LEVEL',
    kindText: '人才分类定级证书',
    holderName: '张伟',
    levelName: 'C类',
    recognitionStandard: '享受国务院政府特殊津贴专家',
    committeeName: '吉林省人力资源和社会保障厅',
    declaration: { id },
  });
  expect(await certificateCount(id)).toEqual({ certificates: '1', events: '1' });

  // Replays: the certificate consumer reads the whole stream again, and a duplicate approval
  // arrives under a new event id. Still one.
  await stack.sql(`update eventbus.subscription set position = 0 where consumer = 'certificate'`);
  const bus = createPostgresTransport(stack.databaseUrl, pino({ level: 'silent' }));
  await bus.publish([
    {
      id: randomUUID(),
      type: 'DeclarationFinallyApproved',
      source: 'review',
      occurredAt: new Date().toISOString(),
      payload: {
        declarationId: id,
        result: 'PASS',
        committee: null,
        opinion: '重复',
        approvedAt: new Date().toISOString(),
        kind: 'TALENT_LEVEL',
        talent: {
          levelCode: 'A',
          levelName: 'A类',
          decidedBy: { level: 'BUREAU', organisationId: randomUUID(), name: '重复' },
        },
      },
    },
  ]);
  await bus.close();
  await stack.settleEvents();
  expect(await certificateCount(id)).toEqual({ certificates: '1', events: '1' });

  // It verifies: by number + name (anyone), as a credential, and offline against did.json.
  const anyone = new GraphQLSession(stack.graphqlUrl);
  const byNumber = await ok<{ verifyCertificate: Record<string, unknown> }>(
    anyone,
    `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { outcome certificate { kind kindText levelName statusText } } }`,
    { n: certificate.number, h: '张伟' },
  );
  expect(byNumber.verifyCertificate).toEqual({
    outcome: 'VALID',
    certificate: { kind: 'TALENT_LEVEL', kindText: '人才分类定级证书', levelName: 'C类', statusText: '有效' },
  });
  const byCredential = await ok<{ verifyCredential: Record<string, unknown> }>(
    anyone,
    `query($c: String!) { verifyCredential(credential: $c) { outcome valid certificate { kind number } } }`,
    { c: certificate.credential },
  );
  expect(byCredential.verifyCredential).toEqual({
    outcome: 'VALID',
    valid: true,
    certificate: { kind: 'TALENT_LEVEL', number: certificate.number },
  });
  const did = (await (await fetch(`${stack.origin}/.well-known/did.json`)).json()) as {
    id: string;
    verificationMethod: Array<{ id: string; publicKeyJwk: JWK }>;
  };
  const method = did.verificationMethod.find(
    (m) => m.id === decodeProtectedHeader(certificate.credential).kid,
  )!;
  const { payload } = await compactVerify(
    certificate.credential,
    await importJWK(method.publicKeyJwk, 'EdDSA'),
  );
  const vc = JSON.parse(new TextDecoder().decode(payload));
  expect(vc.type).toEqual(['VerifiableCredential', 'TalentClassificationCertificate']);
  expect(vc.credentialSubject).toMatchObject({
    type: 'TalentClassificationHolder',
    name: '张伟',
    certificateNumber: certificate.number,
    talentCategory: 'C类',
    recognisedBy: '吉林省人力资源和社会保障厅',
  });

  // The PDF through the gateway is titled 人才分类定级证书.
  const pdf = Buffer.from(await (await fetch(`${stack.origin}${certificate.pdfUrl}`)).arrayBuffer());
  const text = readPdf(pdf).text;
  expect(text).toContain('人才分类定级证书');
  expect(text).toContain('C类');

  await live.dispose();
});

test('不通过 ends the declaration (审核不通过终止审核) and issues nothing', async () => {
  const { applicant, id } = await atMaterialsApproved(DEMO_APPLICANTS.李娜);
  await ok(bureau, RESULT, { id, result: 'FAIL', opinion: '经认定，不符合所申请类别的认定标准。' });
  await stack.settleEvents();
  expect(await ok(applicant, DECLARATION, { id })).toMatchObject({
    declaration: { status: 'TERMINATED', reviewPosition: null },
  });
  expect(await certificateCount(id)).toEqual({ certificates: '0', events: '0' });
  expect(
    (await ok<{ myCertificates: unknown[] }>(applicant, `{ myCertificates { id } }`)).myCertificates,
  ).toEqual([]);
});
