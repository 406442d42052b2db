// Review level by level through the real gateway and all four subgraphs, with the applicant
// following the status live over graphql-ws on the gateway's /graphql: the unit returns one
// flagged module (the applicant hears 被退回), the applicant fixes only that module and
// resubmits, the unit forwards a batch with its 推荐报告 (through /files/review), the bureau
// passes and the committee's 通过 arrives live as 终审通过. The audit trail verifies.
import { codeOf } from '../support/graphql';
import {
  bindToDemoUnit,
  completeTitleModules,
  demoAgent,
  demoStaff,
  files,
  Followed,
  liveClient,
  ok,
  postFile,
  signedIn,
  TITLE_CATALOGUE_FILES,
  uploadToDeclaration,
} from '../support/flows';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_review', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const CASE = `query($id: ID!) { reviewCase(declarationId: $id) {
  statusText phase currentTask { sequence level organisationName stateText }
  allowedActions { __typename }
  timeline { levelText organisationName actorName stepText opinion }
} }`;

interface CaseJson {
  statusText: string;
  phase: string;
  currentTask: { sequence: number; level: string; organisationName: string; stateText: string } | null;
  timeline: Array<{
    levelText: string;
    organisationName: string;
    actorName: string;
    stepText: string;
    opinion: string | null;
  }>;
}

const reviewCase = async (session: Parameters<typeof ok>[0], id: string) =>
  (await ok<{ reviewCase: CaseJson }>(session, CASE, { id })).reviewCase;

async function decide(session: Parameters<typeof ok>[0], id: string, variables: Record<string, unknown>) {
  const current = await reviewCase(session, id);
  return session.request<{ decideReview: CaseJson }>(
    `mutation($id: ID!, $seq: Int!, $decision: ReviewDecision!, $opinion: String!, $modules: [ModuleKey!], $target: ReturnTarget) {
      decideReview(declarationId: $id, taskSequence: $seq, decision: $decision, opinion: $opinion, modules: $modules, target: $target) { statusText }
    }`,
    { id, seq: current.currentTask!.sequence, ...variables },
  );
}

test('unit returns a flagged module → 被退回 live → fix and resubmit → batch → bureau → committee → 终审通过 live', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const agent = await demoAgent(stack);
  const unit = await bindToDemoUnit(stack, applicant, agent);

  // A complete declaration, submitted.
  const { notices } = await ok<{ notices: Array<{ id: string }> }>(
    applicant,
    `{ notices(channelCode: "TITLE_NORMAL", openOnly: true) { id } }`,
  );
  const { startDeclaration: draft } = await ok<{
    startDeclaration: { id: string; version: number };
  }>(applicant, `mutation($n: ID!) { startDeclaration(noticeId: $n, category: NORMAL) { id version } }`, {
    n: notices[0].id,
  });
  const SAVE = `mutation($id: ID!, $v: Int!, $input: DeclarationModulesInput!) {
    saveDeclaration(id: $id, expectedVersion: $v, input: $input) { id version modules { education { id } } } }`;
  const { saveDeclaration: saved } = await ok<{
    saveDeclaration: { id: string; version: number; modules: { education: Array<{ id: string }> } };
  }>(applicant, SAVE, { id: draft.id, v: draft.version, input: completeTitleModules(unit.name) });
  const educationId = saved.modules.education[0].id;
  for (const [slot, name, bytes, type] of TITLE_CATALOGUE_FILES)
    expect((await uploadToDeclaration(stack, applicant, draft.id, slot, name, bytes(), type)).status).toBe(
      201,
    );
  const proof = { kind: 'ENTRY', module: 'EDUCATION', entryId: educationId };
  expect(
    (
      await uploadToDeclaration(
        stack,
        applicant,
        draft.id,
        proof,
        '毕业证书.pdf',
        files.pdf(),
        'application/pdf',
      )
    ).status,
  ).toBe(201);
  const SUBMIT = `mutation($id: ID!, $v: Int!) { submitDeclaration(id: $id, expectedVersion: $v, pledge: true) { statusText version } }`;
  await ok(applicant, SUBMIT, { id: draft.id, v: saved.version });

  // The applicant follows the status live; nobody else may, and not without a token.
  const STATUS = `subscription($id: ID!) { declarationStatusChanged(id: $id) { status statusText } }`;
  const live = liveClient(stack, applicant.token);
  const followed = new Followed<{ declarationStatusChanged: { statusText: string } }>(live, STATUS, {
    id: draft.id,
  });
  const other = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  const stranger = liveClient(stack, other.token);
  const refused = new Followed(stranger, STATUS, { id: draft.id });
  const anonymous = liveClient(stack);
  const refusedAnonymous = new Followed(anonymous, STATUS, { id: draft.id });
  await expect(refused.next(() => false, 2000)).rejects.toThrow(/NOT_FOUND|subscription failed/);
  await expect(refusedAnonymous.next(() => false, 2000)).rejects.toThrow(
    /UNAUTHENTICATED|subscription failed/,
  );

  // The submission reached review: the unit's queue shows it with a masked id number.
  await stack.settleEvents();
  const { reviewQueue } = await ok<{
    reviewQueue: {
      totalCount: number;
      edges: Array<{ node: { declarationId: string; applicant: { idNumberMasked: string } } }>;
    };
  }>(
    agent,
    `{ reviewQueue(state: PENDING) { totalCount edges { node { declarationId applicant { idNumberMasked } } } } }`,
  );
  expect(reviewQueue.edges.map((e) => e.node.declarationId)).toContain(draft.id);
  expect(reviewQueue.edges[0].node.applicant.idNumberMasked).toMatch(/\*{6,}/);

  // Bad input: no opinion; a return without a module; a committee result at the unit level.
  expect(codeOf(await decide(agent, draft.id, { decision: 'PASS', opinion: '' }))).toBe('BAD_USER_INPUT');
  expect(
    codeOf(
      await decide(agent, draft.id, {
        decision: 'RETURN',
        opinion: '请补充',
        modules: [],
        target: 'APPLICANT',
      }),
    ),
  ).toBe('BAD_USER_INPUT');
  const bureau = await demoStaff(stack, 'bureau.province');
  expect(codeOf(await bureau.request(CASE, { id: draft.id }))).toBe('NOT_FOUND');

  // The unit returns 学习教育经历 to the applicant: 被退回 arrives live within 2 s.
  const before = followed.results.length;
  const returned = await decide(agent, draft.id, {
    decision: 'RETURN',
    opinion: '毕业证书不清晰，请重新上传。',
    modules: ['EDUCATION'],
    target: 'APPLICANT',
  });
  expect(returned.errors).toBeUndefined();
  await stack.settleEvents();
  await followed.next((r) => r.data?.declarationStatusChanged.statusText === '被退回', 2000, before);

  // Only the flagged module is editable; the fix and resubmission go back to the unit.
  const { declaration: back } = await ok<{
    declaration: { version: number; returnOpinion: string; editableModules: string[] };
  }>(applicant, `query($id: ID!) { declaration(id: $id) { version returnOpinion editableModules } }`, {
    id: draft.id,
  });
  expect(back.returnOpinion).toBe('毕业证书不清晰，请重新上传。');
  expect(back.editableModules).toEqual(['EDUCATION']);
  const notFlagged = await applicant.request(SAVE, {
    id: draft.id,
    v: back.version,
    input: { workExperience: completeTitleModules(unit.name).workExperience },
  });
  expect(notFlagged.errors?.[0]?.extensions).toMatchObject({ reason: 'MODULE_NOT_FLAGGED' });
  const { saveDeclaration: fixed } = await ok<{ saveDeclaration: { version: number } }>(applicant, SAVE, {
    id: draft.id,
    v: back.version,
    input: {
      education: [
        { ...completeTitleModules(unit.name).education[0], id: educationId, school: '吉林大学（重新核对）' },
      ],
    },
  });
  const resubmitFrom = followed.results.length;
  await ok(applicant, SUBMIT, { id: draft.id, v: fixed.version });
  await followed.next((r) => r.data?.declarationStatusChanged.statusText === '已申报', 2000, resubmitFrom);
  await stack.settleEvents();

  // The unit passes (待送审), uploads its 推荐报告 through /files/review and forwards the batch.
  expect(
    (await decide(agent, draft.id, { decision: 'PASS', opinion: '材料齐全，同意推荐。' })).errors,
  ).toBeUndefined();
  expect((await reviewCase(agent, draft.id)).currentTask?.stateText).toBe('待送审');
  const withoutReport = await agent.request(
    `mutation($ids: [ID!]!) { forwardBatch(declarationIds: $ids, attachmentId: "00000000-0000-4000-8000-000000000000") { id } }`,
    { ids: [draft.id] },
  );
  expect(codeOf(withoutReport)).toBeTruthy();
  const report = files.pdf();
  const { requestBatchAttachmentUpload } = await ok<{ requestBatchAttachmentUpload: { url: string } }>(
    agent,
    `mutation($size: Int!) { requestBatchAttachmentUpload(fileName: "推荐报告.pdf", sizeBytes: $size, contentType: "application/pdf") { url } }`,
    { size: report.length },
  );
  expect(requestBatchAttachmentUpload.url).toMatch(/^\/files\/review\//);
  const stored = await postFile(stack, agent, requestBatchAttachmentUpload.url, report, 'application/pdf');
  expect(stored.status).toBe(201);
  await ok(
    agent,
    `mutation($ids: [ID!]!, $a: ID!) { forwardBatch(declarationIds: $ids, attachmentId: $a) { id } }`,
    {
      ids: [draft.id],
      a: stored.body.attachment!.id,
    },
  );
  await stack.settleEvents();

  // The province bureau passes; the committee's 通过 arrives live as 终审通过.
  expect(
    (await decide(bureau, draft.id, { decision: 'PASS', opinion: '符合申报条件，同意提交评审。' })).errors,
  ).toBeUndefined();
  await stack.settleEvents();
  const committee = await demoStaff(stack, 'committee.engineering');
  const finalFrom = followed.results.length;
  await ok(
    committee,
    `mutation($id: ID!) { recordCommitteeResult(declarationId: $id, result: PASS, opinion: "经评审委员会评议，通过。") { statusText } }`,
    { id: draft.id },
  );
  await stack.settleEvents();
  await followed.next((r) => r.data?.declarationStatusChanged.statusText === '终审通过', 2000, finalFrom);

  // The timeline names every step; the hash-chained audit trail verifies.
  const timeline = (await reviewCase(committee, draft.id)).timeline;
  expect(timeline.map((t) => t.organisationName)).toEqual(
    expect.arrayContaining([unit.name, '吉林省人力资源和社会保障厅', '吉林省工程系列高级职称评审委员会']),
  );
  const { verifyAuditTrail } = await ok<{ verifyAuditTrail: { ok: boolean; length: number } }>(
    committee,
    `query($id: ID!) { verifyAuditTrail(declarationId: $id) { ok length } }`,
    { id: draft.id },
  );
  expect(verifyAuditTrail).toEqual({ ok: true, length: timeline.length });

  for (const client of [live, stranger, anonymous]) await client.dispose();
});
