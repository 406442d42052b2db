// 证书补办/换发 and 历史职称数据登记 through the real gateway and all five subgraphs: the demo
// applicant's certificate (issued on 终审通过; the approval events are published here as review
// would publish them, the review flow itself is certificate-through-gateway's), the three PDFs
// uploaded through the gateway's /files/certificates/uploads/<ticket>, the status followed live
// (reissueApplicationChanged over graphql-ws on the gateway), the city bureau's staff approving
// → the old certificate verifies 已作废 naming the new one, the new one valid; a paper certificate
// registered, approved, verifiable as 已登记的纸质证书, then reissued as an e-certificate. And the
// hostile and broken requests: missing PDFs, an executable renamed .pdf, one registration file,
// another person's certificate, staff of another region, a second pending application, forged
// ids, _entities, the materials' links. The bureau reading 李娜's materials is in her
// 谁查看了我的信息 (myDataAccessLog), her own reading is not.
import { randomUUID } from 'node:crypto';
import { makeResidentId } from '@zhicheng/domain-codes';
import { GraphQLClient } from '@zhicheng/testing';
import {
  certificateByEvents,
  demoStaff,
  files,
  Followed,
  liveClient,
  ok,
  postFile,
  signedIn,
  DEMO_APPLICANT_ID_NUMBER,
} from '../support/flows';
import { codeOf, GraphQLSession, type GraphQLAnswer } from '../support/graphql';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('gw_reissue', { demoData: true });
  await stack.settleEvents();
});
afterAll(async () => {
  await stack?.stop();
});

const reasonOf = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.reason;
const fieldsOf = (answer: GraphQLAnswer) =>
  (answer.errors?.[0]?.extensions?.fields as Array<{ field: string; code: string }> | undefined) ?? [];

const TICKET = `mutation($purpose: CertificateMaterialPurpose!, $slot: String!, $fileName: String!, $sizeBytes: Int!) {
  requestCertificateMaterialUpload(purpose: $purpose, slot: $slot, fileName: $fileName, sizeBytes: $sizeBytes, contentType: "application/pdf") { url } }`;

async function upload(
  session: GraphQLSession,
  purpose: string,
  slot: string,
  bytes = files.pdf(),
  name = 'scan.pdf',
) {
  const { requestCertificateMaterialUpload } = await ok<{
    requestCertificateMaterialUpload: { url: string };
  }>(session, TICKET, { purpose, slot, fileName: name, sizeBytes: bytes.length });
  return postFile(stack, session, requestCertificateMaterialUpload.url, bytes, 'application/pdf');
}

async function uploaded(session: GraphQLSession, purpose: string, slots: string[]) {
  const ids: string[] = [];
  for (const slot of slots) {
    const answer = await upload(session, purpose, slot);
    if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
    ids.push(answer.body.attachment!.id);
  }
  return ids;
}
const ALL_THREE = ['ORIGINAL_DOCUMENTS', 'VOID_NOTICE', 'REISSUE_FORM'];

async function cityChoice() {
  const { certificateRegions } = await ok<{
    certificateRegions: Array<{ code: string; points: Array<{ id: string }> }>;
  }>(new GraphQLSession(stack.graphqlUrl), `{ certificateRegions { code name points { id name } } }`);
  const city = certificateRegions.find((r) => r.code === '220100')!;
  return { regionCode: city.code, declarationPointId: city.points[0].id };
}

const APPLY = `mutation($input: ReissueApplicationInput!) { applyForReissue(input: $input) { id status statusText } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $opinion: String) {
  decideReissueApplication(id: $id, approve: $approve, opinion: $opinion) { status newCertificateNumber } }`;
const VERIFY = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) {
  outcome valid message certificate { number form formText status replacesNumber replacedByNumber } } }`;

async function apply(session: GraphQLSession, target: Record<string, string>, fileIds: string[]) {
  return session.request<{ applyForReissue: { id: string; status: string } }>(APPLY, {
    input: {
      ...target,
      declarationType: 'REVIEW',
      businessType: 'REISSUE',
      ...(await cityChoice()),
      reason: '纸质证书遗失，已在《吉林日报》登报声明作废',
      fileIds,
    },
  });
}

test('补办 through the gateway: apply with three PDFs, followed live, the city bureau approves, old 已作废 naming the new', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const old = await certificateByEvents(stack, applicant, '张伟');
  const live = liveClient(stack, applicant.token);
  const followed = new Followed<{
    reissueApplicationChanged: { application: { status: string; statusText: string } };
  }>(
    live,
    `subscription { reissueApplicationChanged { resync application { id status statusText newCertificateNumber } } }`,
  );
  try {
    const fileIds = await uploaded(applicant, 'REISSUE', ALL_THREE);
    const applied = await apply(applicant, { certificateId: old.id }, fileIds);
    expect(applied.errors).toBeUndefined();
    const id = applied.data!.applyForReissue.id;
    await followed.next((r) => r.data?.reissueApplicationChanged.application?.status === 'PENDING', 5000);

    // Another region's bureau sees nothing; the city bureau sees it, with the PDFs to download.
    const county = await demoStaff(stack, 'bureau.county');
    const countyQueue = await ok<{ reissueAuditQueue: { items: Array<{ id: string }> } }>(
      county,
      `{ reissueAuditQueue(status: PENDING) { items { id } } }`,
    );
    expect(countyQueue.reissueAuditQueue.items).toEqual([]);
    const countyDecides = await county.request(DECIDE, { id, approve: true });
    expect([codeOf(countyDecides), reasonOf(countyDecides)]).toEqual(['NOT_FOUND', 'APPLICATION_NOT_FOUND']);

    const city = await demoStaff(stack, 'bureau.city');
    const { reissueAuditQueue } = await ok<{
      reissueAuditQueue: {
        totalCount: number;
        items: Array<{ id: string; files: Array<{ slotName: string; url: string }> }>;
      };
    }>(
      city,
      `{ reissueAuditQueue(status: PENDING, first: 10) { totalCount items { id files { slotName url } } } }`,
    );
    const item = reissueAuditQueue.items.find((i) => i.id === id)!;
    expect(item.files).toHaveLength(3);
    const pdf = await fetch(new URL(item.files[0].url, stack.origin));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // A changed link reads nothing.
    const [body, mac] = item.files[0].url.split('/').pop()!.split('.');
    const forged = JSON.parse(Buffer.from(body, 'base64url').toString());
    forged.p.fileId = randomUUID();
    const tampered = await fetch(
      `${stack.origin}/files/certificates/materials/${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`,
    );
    expect(tampered.status).toBe(403);

    const decided = await ok<{ decideReissueApplication: { status: string; newCertificateNumber: string } }>(
      city,
      DECIDE,
      {
        id,
        approve: true,
        opinion: '材料齐全，同意补办',
      },
    );
    const newNumber = decided.decideReissueApplication.newCertificateNumber;
    const heard = await followed.next(
      (r) => r.data?.reissueApplicationChanged.application?.status === 'APPROVED',
      5000,
    );
    expect(heard.data!.reissueApplicationChanged.application).toMatchObject({
      statusText: '审核通过',
      newCertificateNumber: newNumber,
    });

    const publicSession = new GraphQLSession(stack.graphqlUrl);
    const oldAnswer = await ok<{ verifyCertificate: Record<string, unknown> }>(publicSession, VERIFY, {
      n: old.number,
      h: '张伟',
    });
    expect(oldAnswer.verifyCertificate).toMatchObject({
      outcome: 'REVOKED',
      valid: false,
      certificate: { replacedByNumber: newNumber },
    });
    const newAnswer = await ok<{ verifyCertificate: Record<string, unknown> }>(publicSession, VERIFY, {
      n: newNumber,
      h: '张伟',
    });
    expect(newAnswer.verifyCertificate).toMatchObject({
      outcome: 'VALID',
      valid: true,
      certificate: { replacesNumber: old.number, form: 'ELECTRONIC' },
    });
    // The status list on the gateway's origin has the old one's bit set (the credential verifies as revoked).
    const { myCertificates } = await ok<{
      myCertificates: Array<{ number: string; credential: string; statusText: string }>;
    }>(applicant, `{ myCertificates { number credential statusText } }`);
    const oldCredential = myCertificates.find((c) => c.number === old.number)!;
    expect(oldCredential.statusText).toBe('已作废');
    const byCredential = await ok<{ verifyCredential: { outcome: string } }>(
      publicSession,
      `query($c: String!) { verifyCredential(credential: $c) { outcome } }`,
      { c: oldCredential.credential },
    );
    expect(byCredential.verifyCredential.outcome).toBe('REVOKED');
  } finally {
    followed.stop();
    await live.dispose();
  }
});

test('bad 补办 input through the gateway: missing PDFs, an executable renamed .pdf, another person’s certificate, a second pending one, forged ids, _entities', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  const certificate = await certificateByEvents(stack, applicant, '李娜');

  // The executable renamed .pdf: refused by content at upload (415), nothing recorded.
  const exe = await upload(applicant, 'REISSUE', 'REISSUE_FORM', files.exe(), 'form.pdf');
  expect(exe.status).toBe(415);
  expect(exe.body.error?.code).toBe('FILE_TYPE_NOT_ALLOWED');

  const two = await uploaded(applicant, 'REISSUE', ['ORIGINAL_DOCUMENTS', 'VOID_NOTICE']);
  const missing = await apply(applicant, { certificateId: certificate.id }, two);
  expect(codeOf(missing)).toBe('BAD_USER_INPUT');
  expect(fieldsOf(missing)).toEqual([
    expect.objectContaining({ field: 'fileIds', code: 'MATERIALS_MISSING' }),
  ]);
  expect(missing.errors![0].message).toContain('证书补办（换发）申请表');
  const { rows } = await stack.sql(
    `select count(*)::int as n from certificate.reissue_application where applicant_person_id = $1`,
    [certificate.personId],
  );
  expect(rows[0].n).toBe(0);

  // Another person (张伟) applying for 李娜's certificate; a forged id.
  const other = await signedIn(stack, { kind: 'PERSON', account: '13800000001' });
  const otherFiles = await uploaded(other, 'REISSUE', ALL_THREE);
  const foreign = await apply(other, { certificateId: certificate.id }, otherFiles);
  expect([codeOf(foreign), reasonOf(foreign)]).toEqual(['NOT_FOUND', 'CERTIFICATE_NOT_FOUND']);
  const forged = await apply(other, { certificateId: randomUUID() }, otherFiles);
  expect(reasonOf(forged)).toBe('CERTIFICATE_NOT_FOUND');
  const malformed = await apply(other, { certificateId: 'x' }, ['y']);
  expect(fieldsOf(malformed).map((f) => f.code)).toEqual(expect.arrayContaining(['INVALID_ID']));

  // The third file, then a second application while the first is pending.
  const third = await uploaded(applicant, 'REISSUE', ['REISSUE_FORM']);
  const first = await apply(applicant, { certificateId: certificate.id }, [...two, ...third]);
  expect(first.errors).toBeUndefined();
  const second = await apply(
    applicant,
    { certificateId: certificate.id },
    await uploaded(applicant, 'REISSUE', ALL_THREE),
  );
  expect([codeOf(second), reasonOf(second)]).toEqual(['CONFLICT', 'REISSUE_PENDING']);

  // _entities through the gateway's subgraph: neither another applicant nor another region's staff read it.
  const id = first.data!.applyForReissue.id;
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ReissueApplication { id reason } } }`;
  const direct = (token?: string) => new GraphQLClient(stack.certificate.url, token);
  const county = await demoStaff(stack, 'bureau.county');
  expect(
    (await direct(county.token).request(entities, { r: [{ __typename: 'ReissueApplication', id }] })).data,
  ).toEqual({
    _entities: [null],
  });
  expect(
    (await direct(other.token).request(entities, { r: [{ __typename: 'ReissueApplication', id }] })).data,
  ).toEqual({
    _entities: [null],
  });
  // The gateway itself exposes no _entities.
  const viaGateway = await other.request(entities, { r: [{ __typename: 'ReissueApplication', id }] });
  expect(codeOf(viaGateway)).toBe('GRAPHQL_VALIDATION_FAILED');
  // Reading it by id: the applicant yes, others NOT_FOUND.
  const READ = `query($id: ID!) { reissueApplication(id: $id) { id statusText } }`;
  expect(
    (await ok<{ reissueApplication: { statusText: string } }>(applicant, READ, { id })).reissueApplication
      .statusText,
  ).toBe('待审核');
  expect(codeOf(await other.request(READ, { id }))).toBe('NOT_FOUND');
  expect(codeOf(await county.request(READ, { id }))).toBe('NOT_FOUND');
  expect(codeOf(await other.request(READ, { id: 'not-an-id' }))).toBe('NOT_FOUND');
});

test('历史职称数据登记 through the gateway: one file refused; approved → verifiable as a paper certificate; 补办 → e-certificate', async () => {
  const applicant = await signedIn(stack, { kind: 'PERSON', account: '13800000002' });
  const REGISTER = `mutation($input: HistoricalRegistrationInput!) { registerHistoricalCertificate(input: $input) { id status statusText } }`;
  const input = {
    certificateNumber: '吉职字〔2006〕第0815号',
    holderName: '李娜',
    idNumber: makeResidentId({ region: '220102', birthDate: '19900722', sequence: 202 }),
    obtainedBy: 'INITIAL',
    titleName: '助理工程师',
    seriesName: '工程系列',
    specialtyName: '电气工程',
    levelName: '助理级',
    obtainedOn: '2006-07-01',
    committeeName: null,
    approvalDocumentNumber: '吉人职字〔2006〕8号',
    issuerName: '长春市人事局',
    issuedOn: '2006-08-01',
    workUnit: '长春市第二实验中学',
    regionCode: '220100',
  };
  const one = await uploaded(applicant, 'HISTORICAL', ['OLD_CERTIFICATE']);
  const tooFew = await applicant.request(REGISTER, { input: { ...input, fileIds: one } });
  expect(fieldsOf(tooFew)).toEqual([
    expect.objectContaining({ field: 'fileIds', code: 'MATERIALS_TOO_FEW' }),
  ]);

  const two = [...one, ...(await uploaded(applicant, 'HISTORICAL', ['APPROVAL_DOCUMENT']))];
  // 李娜 registering 张伟's paper certificate under her own name: the printed ID number must be
  // the account's (identity's PersonRegistered), not only the name.
  const someoneElses = await applicant.request(REGISTER, {
    input: { ...input, idNumber: DEMO_APPLICANT_ID_NUMBER, fileIds: two },
  });
  expect(fieldsOf(someoneElses)).toEqual([
    expect.objectContaining({ field: 'idNumber', code: 'NOT_ACCOUNT_HOLDER' }),
  ]);
  const { registerHistoricalCertificate } = await ok<{
    registerHistoricalCertificate: { id: string; statusText: string };
  }>(applicant, REGISTER, { input: { ...input, fileIds: two } });
  expect(registerHistoricalCertificate.statusText).toBe('待审核');
  const city = await demoStaff(stack, 'bureau.city');

  // 谁查看了我的信息: the city bureau opening her registration (links to her materials) and
  // downloading one is in her access log with the bureau's name; her own reading is not.
  const READ_REGISTRATION = `query($id: ID!) { historicalRegistration(id: $id) { files { url } } }`;
  const LOG = `{ myDataAccessLog(first: 50) { edges { node {
    viewerRole viewerRoleText organisationName items itemsText declarationId viewCount } } } }`;
  type LogJson = {
    myDataAccessLog: { edges: Array<{ node: { items: string[] } & Record<string, unknown> }> };
  };
  const materialLines = async () =>
    (await ok<LogJson>(applicant, LOG)).myDataAccessLog.edges
      .map((e) => e.node)
      .filter((n) => n.items.includes('CERTIFICATE_MATERIALS'));
  const own = await ok<{ historicalRegistration: { files: Array<{ url: string }> } }>(
    applicant,
    READ_REGISTRATION,
    { id: registerHistoricalCertificate.id },
  );
  expect((await fetch(new URL(own.historicalRegistration.files[0].url, stack.origin))).status).toBe(200);
  await stack.settleEvents();
  expect(await materialLines()).toEqual([]);
  const audited = await ok<{ historicalRegistration: { files: Array<{ url: string }> } }>(
    city,
    READ_REGISTRATION,
    { id: registerHistoricalCertificate.id },
  );
  expect(audited.historicalRegistration.files).toHaveLength(2);
  expect((await fetch(new URL(audited.historicalRegistration.files[1].url, stack.origin))).status).toBe(200);
  await stack.settleEvents();
  expect(await materialLines()).toEqual([
    {
      viewerRole: 'BUREAU_REVIEWER',
      viewerRoleText: '人社部门审核人员',
      organisationName: '长春市人力资源和社会保障局',
      items: ['CERTIFICATE_MATERIALS'],
      itemsText: ['补办/登记材料'],
      declarationId: null,
      // The links and the download a moment later are one line.
      viewCount: 2,
    },
  ]);

  await ok(
    city,
    `mutation($id: ID!) { decideHistoricalRegistration(id: $id, approve: true, opinion: "与档案一致") { status } }`,
    {
      id: registerHistoricalCertificate.id,
    },
  );

  const publicSession = new GraphQLSession(stack.graphqlUrl);
  const paper = await ok<{ verifyCertificate: Record<string, unknown> }>(publicSession, VERIFY, {
    n: input.certificateNumber,
    h: '李娜',
  });
  expect(paper.verifyCertificate).toMatchObject({
    outcome: 'REGISTERED_PAPER',
    valid: true,
    certificate: { form: 'REGISTERED_PAPER', formText: '已登记的纸质证书' },
  });

  const applied = await apply(
    applicant,
    { historicalRegistrationId: registerHistoricalCertificate.id },
    await uploaded(applicant, 'REISSUE', ALL_THREE),
  );
  expect(applied.errors).toBeUndefined();
  const decided = await ok<{ decideReissueApplication: { newCertificateNumber: string } }>(city, DECIDE, {
    id: applied.data!.applyForReissue.id,
    approve: true,
  });
  const number = decided.decideReissueApplication.newCertificateNumber;
  const electronic = await ok<{ verifyCertificate: Record<string, unknown> }>(publicSession, VERIFY, {
    n: number,
    h: '李娜',
  });
  expect(electronic.verifyCertificate).toMatchObject({
    outcome: 'VALID',
    certificate: { form: 'ELECTRONIC', replacesNumber: input.certificateNumber },
  });
  const superseded = await ok<{ verifyCertificate: Record<string, unknown> }>(publicSession, VERIFY, {
    n: input.certificateNumber,
    h: '李娜',
  });
  expect(superseded.verifyCertificate).toMatchObject({
    outcome: 'REVOKED',
    certificate: { replacedByNumber: number },
  });
  // The new certificate is in 我的证照 with a PDF link, and no declaration behind it.
  const { myCertificates } = await ok<{
    myCertificates: Array<{ number: string; pdfUrl: string; declaration: unknown }>;
  }>(applicant, `{ myCertificates { number pdfUrl declaration { id } } }`);
  const issued = myCertificates.find((c) => c.number === number)!;
  expect(issued.declaration).toBeNull();
  const pdf = await fetch(new URL(issued.pdfUrl, stack.origin));
  expect(pdf.status).toBe(200);
});
