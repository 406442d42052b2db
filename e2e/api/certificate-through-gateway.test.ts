// Certificates through the real gateway and all five subgraphs: a declaration reaches 终审通过
// by the review flow, the applicant hears the new certificate live (certificateIssued over
// graphql-ws on the gateway), exactly one certificate is issued even when the stream is replayed,
// anyone verifies it by number + name (a wrong name answers like an unknown number), and the
// downloaded credential verifies offline with jose against /.well-known/did.json fetched from the
// gateway's own origin. The holder downloads the certificate PDF through the gateway's
// /files/certificates/<link>: its text holds the name, it carries the credential and its QR
// decodes to the /verify link; nobody else gets a link, and a changed link reads nothing.
import { randomUUID } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import pino from 'pino';
import { createPostgresTransport } from '@zhicheng/events';
import { attachments, decodePrintedQr, pageFacts, pdfSignature, readPdf } from '@zhicheng/testing';
import {
  bindToDemoUnit,
  demoAgent,
  demoStaff,
  files,
  Followed,
  liveClient,
  ok,
  postFile,
  signedIn,
  submittedTitleDeclaration,
} from '../support/flows';
import { GraphQLSession } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_certificate', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const CASE = `query($id: ID!) { reviewCase(declarationId: $id) { currentTask { sequence } } }`;

async function pass(session: GraphQLSession, id: string, opinion: string) {
  const { reviewCase } = await ok<{ reviewCase: { currentTask: { sequence: number } } }>(session, CASE, {
    id,
  });
  await ok(
    session,
    `mutation($id: ID!, $seq: Int!, $opinion: String!) {
      decideReview(declarationId: $id, taskSequence: $seq, decision: PASS, opinion: $opinion) { statusText } }`,
    { id, seq: reviewCase.currentTask.sequence, opinion },
  );
  await stack.settleEvents();
}

/** The applicant's complete 正常职称申报, submitted and reviewed up to the committee. */
async function declarationAtCommittee(applicant: GraphQLSession) {
  const agent = await demoAgent(stack);
  const unit = await bindToDemoUnit(stack, applicant, agent);
  const id = await submittedTitleDeclaration(stack, applicant, unit.name);
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
  await pass(await demoStaff(stack, 'bureau.province'), id, '符合申报条件，同意提交评审。');
  return id;
}

interface CertificateJson {
  id: string;
  number: string;
  holderName: string;
  holderIdNumberMasked: string;
  titleName: string;
  committeeName: string;
  credential: string;
  declaration: { id: string };
}
const FIELDS = `id number holderName holderIdNumberMasked titleName committeeName credential declaration { id }`;

test('终审通过 → one certificate, heard live → verified by number + name and offline against did.json', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const declarationId = await declarationAtCommittee(applicant);

  // The applicant follows their certificates live through the gateway; anonymous may not.
  const ISSUED = `subscription { certificateIssued { resync certificate { ${FIELDS} } } }`;
  const live = liveClient(stack, applicant.token);
  const followed = new Followed<{ certificateIssued: { certificate: CertificateJson | null } }>(live, ISSUED);
  const anonymous = liveClient(stack);
  const refused = new Followed(anonymous, ISSUED);
  await expect(refused.next(() => false, 1500)).rejects.toThrow(/UNAUTHENTICATED|subscription failed/);

  // The committee's 通过 sets 终审通过; the certificate arrives without asking.
  const committee = await demoStaff(stack, 'committee.engineering');
  await ok(
    committee,
    `mutation($id: ID!) { recordCommitteeResult(declarationId: $id, result: PASS, opinion: "经评审委员会评议，通过。") { statusText } }`,
    { id: declarationId },
  );
  await stack.settleEvents();
  const heard = await followed.next((r) => Boolean(r.data?.certificateIssued.certificate), 3000);
  const certificate = heard.data!.certificateIssued.certificate!;
  expect(certificate).toMatchObject({
    number: expect.stringMatching(/^JL\d{12}$/),
    titleName: expect.any(String),
    committeeName: '吉林省工程系列高级职称评审委员会',
    holderIdNumberMasked: expect.stringMatching(/^\d{3}\*+\w{4}$/),
    declaration: { id: declarationId },
  });

  // 我的证照 and the declaration's certificate, through the gateway's query plan.
  const mine = await ok<{ myCertificates: CertificateJson[] }>(applicant, `{ myCertificates { ${FIELDS} } }`);
  expect(mine.myCertificates.map((c) => c.number)).toEqual([certificate.number]);
  const other = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  expect(
    (await ok<{ myCertificates: unknown[] }>(other, `{ myCertificates { id } }`)).myCertificates,
  ).toEqual([]);

  // The PDF: the holder's link, on the gateway's origin, downloads a signed file holding its proof.
  const withLink = await ok<{ myCertificates: Array<{ pdfUrl: string | null }> }>(
    applicant,
    `{ myCertificates { pdfUrl } }`,
  );
  const pdfUrl = withLink.myCertificates[0].pdfUrl!;
  expect(pdfUrl).toMatch(/^\/files\/certificates\/[\w-]+\.[\w-]+$/);
  const download = await fetch(`${stack.origin}${pdfUrl}`);
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe('application/pdf');
  expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
  expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  const pdf = Buffer.from(await download.arrayBuffer());
  expect(await pageFacts(pdf)).toEqual([{ width: 841.89, height: 595.28 }]);
  expect(readPdf(pdf).text).toContain(certificate.holderName);
  expect((await attachments(pdf)).get('credential.jwt')?.toString()).toBe(certificate.credential);
  expect(await decodePrintedQr(pdf)).toBe(`http://localhost:4000/verify#${certificate.credential}`);
  expect(pdfSignature(pdf).digestMatches).toBe(true);

  // Nobody else gets a link; a changed link is refused at the certificate service.
  const othersView = await ok<{ declaration: { certificate: { pdfUrl: string } | null } | null }>(
    await demoStaff(stack, 'bureau.province'),
    `query($id: ID!) { declaration(id: $id) { certificate { pdfUrl } } }`,
    { id: declarationId },
  );
  expect(othersView.declaration?.certificate ?? null).toBeNull();
  const [linkBody, linkMac] = pdfUrl.split('/').pop()!.split('.');
  const claims = JSON.parse(Buffer.from(linkBody, 'base64url').toString());
  claims.p.holderPersonId = randomUUID();
  const tampered = await fetch(
    `${stack.origin}/files/certificates/${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${linkMac}`,
  );
  expect(tampered.status).toBe(403);
  expect(await tampered.json()).toMatchObject({ error: { code: 'TOKEN_INVALID' } });

  // Replays: the certificate consumer reads the whole stream again, and a duplicate approval
  // arrives under a new event id. Nothing more is issued.
  await stack.sql(`update eventbus.subscription set position = 0 where consumer = 'certificate'`);
  const bus = createPostgresTransport(stack.databaseUrl, pino({ level: 'silent' }));
  await bus.publish([
    {
      id: randomUUID(),
      type: 'DeclarationFinallyApproved',
      source: 'review',
      occurredAt: new Date().toISOString(),
      payload: {
        declarationId,
        result: 'PASS',
        committee: null,
        opinion: '重复',
        approvedAt: new Date().toISOString(),
      },
    },
  ]);
  await bus.close();
  await stack.settleEvents();
  const { rows } = await stack.sql(
    `select (select count(*) from certificate.certificate where declaration_id = $1::uuid) as certificates,
            (select count(*) from certificate.outbox_event where type = 'CertificateIssued' and payload->>'declarationId' = $1::text) as events`,
    [declarationId],
  );
  expect(rows[0]).toEqual({ certificates: '1', events: '1' });

  // Anyone, not signed in, verifies by number + name; a wrong name answers like an unknown number.
  const publicSession = new GraphQLSession(stack.graphqlUrl);
  const VERIFY = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) {
    outcome valid message certificate { number holderName titleName statusText } } }`;
  const valid = await ok<{ verifyCertificate: { outcome: string; certificate: { holderName: string } } }>(
    publicSession,
    VERIFY,
    { n: certificate.number, h: certificate.holderName },
  );
  expect(valid.verifyCertificate).toMatchObject({
    outcome: 'VALID',
    certificate: { holderName: certificate.holderName, statusText: '有效' },
  });
  const wrongName = await publicSession.request(VERIFY, {
    n: certificate.number,
    h: `${certificate.holderName}甲`,
  });
  const unknown = await publicSession.request(VERIFY, { n: 'JL209900000001', h: certificate.holderName });
  expect(wrongName.data).toEqual(unknown.data);
  expect(wrongName.data).toMatchObject({ verifyCertificate: { outcome: 'NOT_FOUND', certificate: null } });

  // The whole credential through GraphQL, and a one-character change.
  const VERIFY_CREDENTIAL = `query($c: String!) { verifyCredential(credential: $c) { outcome valid message } }`;
  expect(
    (
      await ok<{ verifyCredential: { outcome: string } }>(publicSession, VERIFY_CREDENTIAL, {
        c: certificate.credential,
      })
    ).verifyCredential.outcome,
  ).toBe('VALID');
  const [h, p, s] = certificate.credential.split('.');
  const changed = `${h}.${p.slice(0, 50)}${p[50] === 'A' ? 'B' : 'A'}${p.slice(51)}.${s}`;
  expect(
    (await ok<{ verifyCredential: { outcome: string } }>(publicSession, VERIFY_CREDENTIAL, { c: changed }))
      .verifyCredential.outcome,
  ).toBe('BAD_SIGNATURE');

  // Offline: the keys from the gateway's own origin, the signature checked with jose alone.
  const didAnswer = await fetch(`${stack.origin}/.well-known/did.json`);
  expect(didAnswer.status).toBe(200);
  const did = (await didAnswer.json()) as {
    id: string;
    verificationMethod: Array<{ id: string; publicKeyJwk: JWK }>;
  };
  const { kid } = decodeProtectedHeader(certificate.credential);
  const method = did.verificationMethod.find((m) => m.id === kid)!;
  expect(method).toBeDefined();
  expect(method.publicKeyJwk).not.toHaveProperty('d');
  const { payload } = await compactVerify(
    certificate.credential,
    await importJWK(method.publicKeyJwk, 'EdDSA'),
  );
  const vc = JSON.parse(new TextDecoder().decode(payload));
  expect(vc.issuer.id).toBe(did.id);
  expect(vc.credentialSubject).toMatchObject({
    certificateNumber: certificate.number,
    name: certificate.holderName,
  });
  await expect(compactVerify(changed, await importJWK(method.publicKeyJwk, 'EdDSA'))).rejects.toThrow();

  // The status list is on the gateway's origin too, signed by the same issuer.
  const list = await fetch(`${stack.origin}/credentials/status/1`);
  expect(list.status).toBe(200);
  expect(list.headers.get('content-type')).toContain('application/vc+jwt');

  for (const client of [live, anonymous]) await client.dispose();
});
