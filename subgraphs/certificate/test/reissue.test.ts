// 证书补办/换发 and 历史职称数据登记 against real PostgreSQL: the materials through upload tickets
// (checked by content), the holder-only application with all three PDFs, one pending application
// per certificate, the region's bureau deciding (another region's staff cannot see or decide),
// and on approval the new certificate naming the old one, the old one revoked naming the new one,
// in one transaction; a registered paper certificate verifies as such and a 补办 of it issues its
// first e-certificate. Nothing is half-saved when a submission is refused.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { demoOrganisationId } from '@zhicheng/server-kit';
import { ACCESS_LOG_UNAVAILABLE } from '@zhicheng/events';
import { makeResidentId } from '@zhicheng/domain-codes';
import { minimalPdf } from '@zhicheng/testing';
import { loadDemoData } from '../src/demo-data';
import {
  approved,
  personRegistered,
  startTestCertificate,
  submitted,
  type Actor,
  type TestCertificate,
} from './helpers';

let t: TestCertificate;
beforeAll(async () => {
  t = await startTestCertificate();
  await loadDemoData(t.server.orm.em.fork());
});
afterAll(async () => {
  await t?.close();
});

const CITY = demoOrganisationId('city');
const COUNTY = demoOrganisationId('county');

type Answer<T> = {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
};
const codeOf = (a: Answer<unknown>) => a.errors?.[0]?.extensions?.code;
const reasonOf = (a: Answer<unknown>) => a.errors?.[0]?.extensions?.reason;
const fieldsOf = (a: Answer<unknown>) =>
  (a.errors?.[0]?.extensions?.fields as Array<{ field: string; code: string }> | undefined) ?? [];

async function ok<T>(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await actor.client.request<T>(query, variables);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

/** A 终审通过 certificate for the applicant (as the events deliver it). */
async function certificateOf(applicant: Actor): Promise<{ id: string; number: string }> {
  const declarationId = randomUUID();
  await t.publish(submitted(declarationId, applicant.principal.accountId, applicant.principal.displayName));
  await t.publish(approved(declarationId));
  const { myCertificates } = await ok<{ myCertificates: Array<{ id: string; number: string }> }>(
    applicant,
    `{ myCertificates { id number } }`,
  );
  return myCertificates[0];
}

const TICKET = `mutation($purpose: CertificateMaterialPurpose!, $slot: String!, $fileName: String!, $sizeBytes: Int!, $contentType: String!) {
  requestCertificateMaterialUpload(purpose: $purpose, slot: $slot, fileName: $fileName, sizeBytes: $sizeBytes, contentType: $contentType) { url maxBytes slot } }`;

async function upload(
  applicant: Actor,
  purpose: string,
  slot: string,
  bytes = minimalPdf(3000),
  fileName = `${slot}.pdf`,
) {
  const { requestCertificateMaterialUpload: ticket } = await ok<{
    requestCertificateMaterialUpload: { url: string };
  }>(applicant, TICKET, { purpose, slot, fileName, sizeBytes: bytes.length, contentType: 'application/pdf' });
  const response = await fetch(new URL(ticket.url, t.server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: new Uint8Array(bytes),
  });
  return {
    status: response.status,
    body: (await response.json()) as { attachment?: { id: string }; error?: { code: string } },
  };
}

async function reissueFiles(applicant: Actor, slots = ['ORIGINAL_DOCUMENTS', 'VOID_NOTICE', 'REISSUE_FORM']) {
  const ids: string[] = [];
  for (const slot of slots) {
    const answer = await upload(applicant, 'REISSUE', slot);
    expect(answer.status).toBe(201);
    ids.push(answer.body.attachment!.id);
  }
  return ids;
}

async function cityPoint() {
  const { certificateRegions } = await ok<{
    certificateRegions: Array<{ code: string; name: string; points: Array<{ id: string; name: string }> }>;
  }>({ client: t.client() } as Actor, `{ certificateRegions { code name points { id name } } }`);
  const city = certificateRegions.find((r) => r.code === '220100')!;
  return { regionCode: city.code, declarationPointId: city.points[0].id, all: certificateRegions };
}

const APPLY = `mutation($input: ReissueApplicationInput!) { applyForReissue(input: $input) {
  id status statusText certificateNumber businessTypeText declarationTypeText regionName declarationPointName } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $opinion: String) {
  decideReissueApplication(id: $id, approve: $approve, opinion: $opinion) { id status statusText opinion decidedByName newCertificateNumber } }`;
const VERIFY = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) {
  outcome valid message certificate { number kind kindText form formText status replacesNumber replacedByNumber revocationReason } } }`;

async function apply(
  applicant: Actor,
  certificateId: string,
  fileIds: string[],
  extra: Record<string, unknown> = {},
) {
  const point = await cityPoint();
  return applicant.client.request<{ applyForReissue: { id: string; status: string } }>(APPLY, {
    input: {
      certificateId,
      declarationType: 'REVIEW',
      businessType: 'REISSUE',
      regionCode: point.regionCode,
      declarationPointId: point.declarationPointId,
      reason: '纸质证书遗失，已登报声明作废',
      fileIds,
      ...extra,
    },
  });
}

/** The PersonalDataViewed events (谁查看了我的信息) recorded for a person, oldest first. */
const viewsOf = async (personId: string) => {
  const { rows } = await t.sql.query(
    `select payload from certificate.outbox_event
      where type = 'PersonalDataViewed' and payload->>'personId' = $1 order by occurred_at, id`,
    [personId],
  );
  return rows.map((r: { payload: Record<string, unknown> }) => r.payload);
};

const counts = async () => {
  const { rows } = await t.sql.query(
    `select (select count(*) from certificate.reissue_application)::int as applications,
            (select count(*) from certificate.application_file where reissue_application_id is not null)::int as claimed`,
  );
  return rows[0] as { applications: number; claimed: number };
};

test('the regions and 申报点 are public options; the materials are listed per form', async () => {
  const { all } = await cityPoint();
  expect(all.map((r) => r.name)).toEqual(['吉林省省本级', '长春市本级', '长春市朝阳区']);
  const { certificateMaterialKinds } = await ok<{
    certificateMaterialKinds: Array<{ code: string; name: string }>;
  }>({ client: t.client() } as Actor, `{ certificateMaterialKinds(purpose: REISSUE) { code name } }`);
  expect(certificateMaterialKinds.map((m) => m.name)).toEqual([
    '原申报表/老证书/批文',
    '证书作废登报声明',
    '证书补办（换发）申请表',
  ]);
});

test('补办 approved: a new certificate names the old one, the old one is revoked naming the new one', async () => {
  const applicant = await t.applicant('孙七');
  const old = await certificateOf(applicant);
  const files = await reissueFiles(applicant);
  const applied = await apply(applicant, old.id, files);
  expect(applied.errors).toBeUndefined();
  expect(applied.data!.applyForReissue).toMatchObject({
    status: 'PENDING',
    statusText: '待审核',
    certificateNumber: old.number,
    businessTypeText: '补办',
    declarationTypeText: '评审',
    regionName: '长春市本级',
  });
  const id = applied.data!.applyForReissue.id;

  // The applicant sees it, with the certificate marked as having a pending application.
  const mine = await ok<{
    myReissueApplications: Array<{ id: string; files: Array<{ slotName: string; url: string }> }>;
    reissuableCertificates: Array<{ certificateId: string; pendingApplicationId: string | null }>;
  }>(
    applicant,
    `{ myReissueApplications { id files { slotName url } } reissuableCertificates { certificateId pendingApplicationId } }`,
  );
  expect(mine.myReissueApplications[0].files.map((f) => f.slotName).sort()).toEqual(
    ['原申报表/老证书/批文', '证书作废登报声明', '证书补办（换发）申请表'].sort(),
  );
  expect(mine.reissuableCertificates.find((c) => c.certificateId === old.id)?.pendingApplicationId).toBe(id);

  // The city bureau audits it, seeing the files; its link downloads the PDF.
  const staff = await t.staffOf(CITY);
  const queue = await ok<{
    reissueAuditQueue: {
      totalCount: number;
      items: Array<{ id: string; certificate: { number: string }; files: Array<{ url: string }> }>;
    };
  }>(
    staff,
    `{ reissueAuditQueue(status: PENDING) { totalCount items { id certificate { number } files { url } } } }`,
  );
  const item = queue.reissueAuditQueue.items.find((i) => i.id === id)!;
  expect(item.certificate.number).toBe(old.number);
  const download = await fetch(new URL(item.files[0].url, t.server.url));
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toContain('application/pdf');
  expect((await download.text()).startsWith('%PDF-')).toBe(true);

  const decided = await ok<{
    decideReissueApplication: { status: string; newCertificateNumber: string; decidedByName: string };
  }>(staff, DECIDE, { id, approve: true, opinion: '材料齐全，同意补办' });
  expect(decided.decideReissueApplication).toMatchObject({ status: 'APPROVED', decidedByName: '市局审核员' });
  const newNumber = decided.decideReissueApplication.newCertificateNumber;
  expect(newNumber).toMatch(/^JL\d{12}$/);
  expect(newNumber).not.toBe(old.number);

  const client = t.client();
  const oldAnswer = await client.request<{ verifyCertificate: Record<string, unknown> }>(VERIFY, {
    n: old.number,
    h: '孙七',
  });
  expect(oldAnswer.data!.verifyCertificate).toMatchObject({
    outcome: 'REVOKED',
    valid: false,
    certificate: { status: 'REVOKED', replacedByNumber: newNumber, form: 'ELECTRONIC' },
  });
  expect(oldAnswer.data!.verifyCertificate.message).toContain(newNumber);
  const newAnswer = await client.request<{ verifyCertificate: Record<string, unknown> }>(VERIFY, {
    n: newNumber,
    h: '孙七',
  });
  expect(newAnswer.data!.verifyCertificate).toMatchObject({
    outcome: 'VALID',
    valid: true,
    certificate: { status: 'VALID', replacesNumber: old.number, replacedByNumber: null },
  });

  // In the database: one successor, the same declaration, the events of both.
  const { rows } = await t.sql.query(
    `select number, replaces_id, replaced_by_id, declaration_id, revoked_at is not null as revoked
       from certificate.certificate where holder_person_id = $1 order by issued_at`,
    [applicant.principal.accountId],
  );
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({
    number: newNumber,
    replaces_id: old.id,
    revoked: false,
    declaration_id: rows[0].declaration_id,
  });
  expect(rows[0]).toMatchObject({ revoked: true });
  expect(rows[0].replaced_by_id).toBeTruthy();
  const revoked = await t.outbox('CertificateRevoked');
  expect(revoked.some((e) => e.payload.certificateId === old.id && e.payload.replacedByCertificateId)).toBe(
    true,
  );

  // 我的证照 shows both; the old one names its successor; the declaration's certificate is the new one.
  const { myCertificates } = await ok<{
    myCertificates: Array<{ number: string; status: string; replacedByNumber: string | null }>;
  }>(applicant, `{ myCertificates { number status replacedByNumber } }`);
  expect(myCertificates.find((c) => c.number === old.number)).toMatchObject({
    status: 'REVOKED',
    replacedByNumber: newNumber,
  });

  // Deciding again is a conflict; the old certificate can no longer be applied for.
  const again = await staff.client.request(DECIDE, { id, approve: false, opinion: '重复' });
  expect([codeOf(again), reasonOf(again)]).toEqual(['CONFLICT', 'ALREADY_DECIDED']);
  const revokedAgain = await apply(applicant, old.id, await reissueFiles(applicant));
  expect([codeOf(revokedAgain), reasonOf(revokedAgain)]).toEqual(['CONFLICT', 'CERTIFICATE_REVOKED']);
});

test('the database keeps one original certificate per declaration, whatever the code does', async () => {
  const applicant = await t.applicant('周八');
  const old = await certificateOf(applicant);
  await expect(
    t.sql.query(
      `insert into certificate.certificate (id, number, declaration_id, holder_person_id, holder_name, title_name, level_name,
         approved_on, issued_at, issuer_name, status_list_index, kid, credential, created_at)
       select $1, 'JL209900000099', declaration_id, holder_person_id, holder_name, title_name, level_name, approved_on,
              now(), issuer_name, 999999, kid, credential, now() from certificate.certificate where id = $2`,
      [randomUUID(), old.id],
    ),
  ).rejects.toThrow(/certificate_declaration_original_unique/);
});

test('bad 补办 input: missing PDFs, an executable renamed .pdf, someone else’s certificate, a second pending one — nothing half-saved', async () => {
  const applicant = await t.applicant('吴九');
  const certificate = await certificateOf(applicant);
  const before = await counts();

  // Two of three PDFs: every missing one named, nothing saved, the files stay unclaimed.
  const two = await reissueFiles(applicant, ['ORIGINAL_DOCUMENTS', 'VOID_NOTICE']);
  const missing = await apply(applicant, certificate.id, two, { reason: '' });
  expect(codeOf(missing)).toBe('BAD_USER_INPUT');
  expect(fieldsOf(missing)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ field: 'fileIds', code: 'MATERIALS_MISSING' }),
      expect.objectContaining({ field: 'reason', code: 'REQUIRED' }),
    ]),
  );
  expect(missing.errors![0].message).toBeTruthy();
  expect(await counts()).toEqual(before);

  // An executable renamed .pdf is refused by content, and no file is recorded.
  const exe = await upload(
    applicant,
    'REISSUE',
    'REISSUE_FORM',
    Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 7)]),
    'form.pdf',
  );
  expect(exe.status).toBe(415);
  expect(exe.body.error?.code).toBe('FILE_TYPE_NOT_ALLOWED');
  // So is a file that starts like a PDF but does not parse.
  const fake = await upload(
    applicant,
    'REISSUE',
    'REISSUE_FORM',
    Buffer.from('%PDF-1.7\n<html>not a pdf</html>\n'.repeat(20)),
    'form.pdf',
  );
  expect(fake.status).toBeGreaterThanOrEqual(400);
  // A ticket for anything but a PDF is refused before any byte is sent.
  const exeTicket = await applicant.client.request(TICKET, {
    purpose: 'REISSUE',
    slot: 'REISSUE_FORM',
    fileName: 'form.exe',
    sizeBytes: 100,
    contentType: 'application/octet-stream',
  });
  expect(fieldsOf(exeTicket)).toEqual([
    expect.objectContaining({ field: 'fileName', code: 'FILE_TYPE_NOT_ALLOWED' }),
  ]);
  const { rows } = await t.sql.query(
    `select count(*)::int as n from certificate.application_file where owner_person_id = $1`,
    [applicant.principal.accountId],
  );
  expect(rows[0].n).toBe(2);

  // Someone else's certificate reads as unknown; so do forged ids.
  const other = await t.applicant('郑十');
  const otherFiles = await reissueFiles(other);
  const foreign = await apply(other, certificate.id, otherFiles);
  expect([codeOf(foreign), reasonOf(foreign)]).toEqual(['NOT_FOUND', 'CERTIFICATE_NOT_FOUND']);
  const forged = await apply(other, randomUUID(), otherFiles);
  expect([codeOf(forged), reasonOf(forged)]).toEqual(['NOT_FOUND', 'CERTIFICATE_NOT_FOUND']);
  const malformed = await apply(other, 'not-an-id', ['x']);
  expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
  // Another person's files cannot be used either.
  const stolen = await apply(applicant, certificate.id, otherFiles);
  expect(fieldsOf(stolen).filter((f) => f.code === 'FILE_NOT_FOUND')).toHaveLength(3);
  // A staff account does not apply.
  const staff = await t.staffOf(CITY);
  const byStaff = await apply(staff, certificate.id, two);
  expect([codeOf(byStaff), reasonOf(byStaff)]).toEqual(['FORBIDDEN', 'ROLE_NOT_ALLOWED']);
  // A 申报点 of another region.
  const { all } = await cityPoint();
  const countyPoint = all.find((r) => r.code === '220104')!.points[0].id;
  const third = await upload(applicant, 'REISSUE', 'REISSUE_FORM');
  const wrongPoint = await apply(applicant, certificate.id, [...two, third.body.attachment!.id], {
    declarationPointId: countyPoint,
  });
  expect(fieldsOf(wrongPoint)).toEqual([
    expect.objectContaining({ field: 'declarationPointId', code: 'POINT_NOT_IN_REGION' }),
  ]);
  expect(await counts()).toEqual(before);

  // All three: accepted. A second application while it is pending: refused with a code.
  const first = await apply(applicant, certificate.id, [...two, third.body.attachment!.id]);
  expect(first.errors).toBeUndefined();
  const second = await apply(applicant, certificate.id, await reissueFiles(applicant));
  expect([codeOf(second), reasonOf(second)]).toEqual(['CONFLICT', 'REISSUE_PENDING']);
  expect(second.errors![0].extensions!.applicationId).toBe(first.data!.applyForReissue.id);
  // Files already used by the first cannot go with another.
  expect((await counts()).applications).toBe(before.applications + 1);

  // Withdrawn: then a new application is possible.
  const withdrawn = await ok<{ withdrawReissueApplication: { status: string; statusText: string } }>(
    applicant,
    `mutation($id: ID!) { withdrawReissueApplication(id: $id) { status statusText } }`,
    { id: first.data!.applyForReissue.id },
  );
  expect(withdrawn.withdrawReissueApplication).toEqual({ status: 'WITHDRAWN', statusText: '已撤回' });
  const reused = await apply(applicant, certificate.id, [...two, third.body.attachment!.id]);
  expect(fieldsOf(reused).filter((f) => f.code === 'FILE_ALREADY_USED')).toHaveLength(3);
  const fresh = await apply(applicant, certificate.id, await reissueFiles(applicant));
  expect(fresh.errors).toBeUndefined();
});

test('only the region’s bureau audits: another region’s staff sees nothing and decides nothing, also by _entities', async () => {
  const applicant = await t.applicant('冯十一');
  const certificate = await certificateOf(applicant);
  const applied = await apply(applicant, certificate.id, await reissueFiles(applicant));
  const id = applied.data!.applyForReissue.id;

  const county = await t.staffOf(COUNTY, '区局审核员');
  const queue = await ok<{ reissueAuditQueue: { items: Array<{ id: string }> } }>(
    county,
    `{ reissueAuditQueue { items { id } } }`,
  );
  expect(queue.reissueAuditQueue.items.map((i) => i.id)).not.toContain(id);
  const decide = await county.client.request(DECIDE, { id, approve: true });
  expect([codeOf(decide), reasonOf(decide)]).toEqual(['NOT_FOUND', 'APPLICATION_NOT_FOUND']);
  const read = await county.client.request(`query($id: ID!) { reissueApplication(id: $id) { id } }`, { id });
  expect(codeOf(read)).toBe('NOT_FOUND');

  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ReissueApplication { id reason files { url } } } }`;
  const reps = { r: [{ __typename: 'ReissueApplication', id }] };
  expect((await county.client.request(ENTITIES, reps)).data).toEqual({ _entities: [null] });
  expect((await (await t.applicant()).client.request(ENTITIES, reps)).data).toEqual({ _entities: [null] });
  // Anonymous callers get no _entities at all (server-kit), a malformed id reads nothing.
  expect(codeOf(await t.client().request(ENTITIES, reps))).toBe('UNAUTHENTICATED');
  expect(
    (await county.client.request(ENTITIES, { r: [{ __typename: 'ReissueApplication', id: 'x' }] })).data,
  ).toEqual({ _entities: [null] });
  const city = await t.staffOf(CITY);
  const own = await city.client.request<{ _entities: Array<{ id: string; files: unknown[] }> }>(
    ENTITIES,
    reps,
  );
  expect(own.data!._entities[0]).toMatchObject({ id });
  expect(own.data!._entities[0].files).toHaveLength(3);

  // An applicant and an anonymous caller cannot read queues.
  const applicantQueue = await applicant.client.request(`{ reissueAuditQueue { totalCount } }`);
  expect([codeOf(applicantQueue), reasonOf(applicantQueue)]).toEqual(['FORBIDDEN', 'ROLE_NOT_ALLOWED']);
  expect(codeOf(await t.client().request(`{ reissueAuditQueue { totalCount } }`))).toBe('UNAUTHENTICATED');

  // Refusing needs an opinion; the refusal is final and the applicant reads the opinion.
  const noOpinion = await city.client.request(DECIDE, { id, approve: false });
  expect(fieldsOf(noOpinion)).toEqual([
    expect.objectContaining({ field: 'opinion', code: 'OPINION_REQUIRED' }),
  ]);
  const refused = await ok<{
    decideReissueApplication: { status: string; statusText: string; opinion: string };
  }>(city, DECIDE, {
    id,
    approve: false,
    opinion: '登报声明不清晰，请重新上传',
  });
  expect(refused.decideReissueApplication).toEqual(
    expect.objectContaining({ status: 'REJECTED', statusText: '审核不通过' }),
  );
  const { rows } = await t.sql.query(`select revoked_at from certificate.certificate where id = $1`, [
    certificate.id,
  ]);
  expect(rows[0].revoked_at).toBeNull();
});

const REGISTER = `mutation($input: HistoricalRegistrationInput!) { registerHistoricalCertificate(input: $input) {
  id status statusText certificateNumber holderIdNumberMasked regionName } }`;

function paperInput(name: string, fileIds: string[], extra: Record<string, unknown> = {}) {
  return {
    certificateNumber: `吉职字〔2008〕第${Math.floor(Math.random() * 1e6)}号`,
    holderName: name,
    idNumber: makeResidentId({ region: '220102', birthDate: '19700101', sequence: 77 }),
    obtainedBy: 'REVIEW',
    titleName: '工程师',
    seriesName: '工程系列',
    specialtyName: '机械设计',
    levelName: '中级',
    obtainedOn: '2008-06-30',
    committeeName: '长春市工程系列中级职称评审委员会',
    approvalDocumentNumber: '长人社字〔2008〕12号',
    issuerName: '长春市人事局',
    issuedOn: '2008-09-01',
    regionCode: '220100',
    fileIds,
    ...extra,
  };
}

test('历史职称数据登记: one file refused, approved → verifiable as a registered paper certificate, 补办 → e-certificate', async () => {
  const applicant = await t.applicant('陈十二');
  const one = await upload(applicant, 'HISTORICAL', 'OLD_CERTIFICATE');
  const tooFew = await applicant.client.request(REGISTER, {
    input: paperInput('陈十二', [one.body.attachment!.id], {
      idNumber: '220102197001010000',
      holderName: '别人',
    }),
  });
  expect(codeOf(tooFew)).toBe('BAD_USER_INPUT');
  expect(fieldsOf(tooFew).map((f) => `${f.field}:${f.code}`)).toEqual(
    expect.arrayContaining([
      'fileIds:MATERIALS_TOO_FEW',
      'holderName:NOT_ACCOUNT_HOLDER',
      'idNumber:ID_CHECK_DIGIT',
    ]),
  );
  const { rows: none } = await t.sql.query(
    `select count(*)::int as n from certificate.historical_registration where applicant_person_id = $1`,
    [applicant.principal.accountId],
  );
  expect(none[0].n).toBe(0);

  const two = await upload(applicant, 'HISTORICAL', 'APPROVAL_DOCUMENT');
  // Identity has not announced the account's ID document yet: the check cannot pass (fails closed).
  const input0 = paperInput('陈十二', [one.body.attachment!.id, two.body.attachment!.id]);
  const unknownHolder = await applicant.client.request(REGISTER, { input: input0 });
  expect(fieldsOf(unknownHolder).map((f) => `${f.field}:${f.code}`)).toEqual(['idNumber:NOT_ACCOUNT_HOLDER']);
  // Announced: another person's ID number with the account's name is still not the account's.
  await t.publish(personRegistered(applicant, input0.idNumber));
  const someoneElses = await applicant.client.request(REGISTER, {
    input: {
      ...input0,
      idNumber: makeResidentId({ region: '220102', birthDate: '19860315', sequence: 101 }),
    },
  });
  expect(fieldsOf(someoneElses).map((f) => `${f.field}:${f.code}`)).toEqual(['idNumber:NOT_ACCOUNT_HOLDER']);
  // A reissue material cannot stand in for a registration's.
  const wrongKind = await upload(applicant, 'REISSUE', 'VOID_NOTICE');
  const input = paperInput('陈十二', [one.body.attachment!.id, two.body.attachment!.id]);
  const mixed = await applicant.client.request(REGISTER, {
    input: { ...input, fileIds: [one.body.attachment!.id, wrongKind.body.attachment!.id] },
  });
  expect(fieldsOf(mixed).map((f) => f.code)).toEqual(
    expect.arrayContaining(['FILE_NOT_FOUND', 'MATERIALS_TOO_FEW']),
  );

  const registered = await ok<{
    registerHistoricalCertificate: { id: string; status: string; holderIdNumberMasked: string };
  }>(applicant, REGISTER, { input });
  expect(registered.registerHistoricalCertificate).toMatchObject({
    status: 'PENDING',
    holderIdNumberMasked: `${input.idNumber.slice(0, 3)}${'*'.repeat(11)}${input.idNumber.slice(-4)}`,
  });
  const id = registered.registerHistoricalCertificate.id;
  // The full ID number is nowhere in the database.
  const { rows: stored } = await t.sql.query(
    `select row_to_json(h)::text as row from certificate.historical_registration h where id = $1`,
    [id],
  );
  expect(stored[0].row).not.toContain(input.idNumber);
  // A namesake (another account, another ID number) cannot register it as theirs.
  const namesake = await t.applicant('陈十二');
  await t.publish(
    personRegistered(namesake, makeResidentId({ region: '220102', birthDate: '19700101', sequence: 79 })),
  );
  const namesakeFiles = [
    (await upload(namesake, 'HISTORICAL', 'OLD_CERTIFICATE')).body.attachment!.id,
    (await upload(namesake, 'HISTORICAL', 'DECLARATION_FORM')).body.attachment!.id,
  ];
  const namesakes = await namesake.client.request(REGISTER, { input: { ...input, fileIds: namesakeFiles } });
  expect(fieldsOf(namesakes).map((f) => `${f.field}:${f.code}`)).toEqual(['idNumber:NOT_ACCOUNT_HOLDER']);
  // The same printed number once (pending or registered): a second registration is a conflict.
  const againFiles = [
    (await upload(applicant, 'HISTORICAL', 'OLD_CERTIFICATE')).body.attachment!.id,
    (await upload(applicant, 'HISTORICAL', 'DECLARATION_FORM')).body.attachment!.id,
  ];
  const duplicate = await applicant.client.request(REGISTER, { input: { ...input, fileIds: againFiles } });
  expect([codeOf(duplicate), reasonOf(duplicate)]).toEqual(['CONFLICT', 'ALREADY_REGISTERED']);

  // Not verifiable while pending.
  const client = t.client();
  const pending = await client.request<{ verifyCertificate: { outcome: string } }>(VERIFY, {
    n: input.certificateNumber,
    h: '陈十二',
  });
  expect(pending.data!.verifyCertificate.outcome).toBe('NOT_FOUND');

  const county = await t.staffOf(COUNTY);
  const countyDecides = await county.client.request(
    `mutation($id: ID!) { decideHistoricalRegistration(id: $id, approve: true) { id } }`,
    { id },
  );
  expect(reasonOf(countyDecides)).toBe('APPLICATION_NOT_FOUND');
  const city = await t.staffOf(CITY);
  const queue = await ok<{
    historicalRegistrationAuditQueue: { items: Array<{ id: string; files: Array<{ url: string }> }> };
  }>(city, `{ historicalRegistrationAuditQueue(status: PENDING) { items { id files { url } } } }`);
  expect(queue.historicalRegistrationAuditQueue.items.find((i) => i.id === id)?.files).toHaveLength(2);
  // The bureau's links to her materials are in her access log (谁查看了我的信息).
  expect(await viewsOf(applicant.principal.accountId)).toEqual([
    expect.objectContaining({
      items: ['CERTIFICATE_MATERIALS'],
      viewer: expect.objectContaining({ kind: 'STAFF', organisationId: CITY }),
    }),
  ]);
  await ok(
    city,
    `mutation($id: ID!) { decideHistoricalRegistration(id: $id, approve: true, opinion: "与档案一致") { status } }`,
    { id },
  );

  const paper = await client.request<{ verifyCertificate: Record<string, unknown> }>(VERIFY, {
    n: ` ${input.certificateNumber} `,
    h: '陈 十二',
  });
  expect(paper.data!.verifyCertificate).toMatchObject({
    outcome: 'REGISTERED_PAPER',
    valid: true,
    certificate: {
      kind: 'TITLE',
      kindText: '职称证书',
      form: 'REGISTERED_PAPER',
      formText: '已登记的纸质证书',
      status: 'VALID',
      number: input.certificateNumber,
    },
  });
  const wrongName = await client.request<{ verifyCertificate: { outcome: string } }>(VERIFY, {
    n: input.certificateNumber,
    h: '陈十三',
  });
  expect(wrongName.data!.verifyCertificate.outcome).toBe('NOT_FOUND');

  // 补办 of the paper certificate: found by its printed number, then its first e-certificate.
  const found = await ok<{ findReissuableCertificate: { form: string; historicalRegistrationId: string } }>(
    applicant,
    `query($n: String!) { findReissuableCertificate(number: $n) { form historicalRegistrationId } }`,
    { n: input.certificateNumber },
  );
  expect(found.findReissuableCertificate).toEqual({ form: 'REGISTERED_PAPER', historicalRegistrationId: id });
  const point = await cityPoint();
  const applied = await ok<{ applyForReissue: { id: string } }>(applicant, APPLY, {
    input: {
      historicalRegistrationId: id,
      declarationType: 'REVIEW',
      businessType: 'RENEWAL',
      regionCode: point.regionCode,
      declarationPointId: point.declarationPointId,
      reason: '历史证书电子化',
      fileIds: await reissueFiles(applicant),
    },
  });
  const decided = await ok<{ decideReissueApplication: { newCertificateNumber: string } }>(city, DECIDE, {
    id: applied.applyForReissue.id,
    approve: true,
  });
  const number = decided.decideReissueApplication.newCertificateNumber;
  const electronic = await client.request<{ verifyCertificate: Record<string, unknown> }>(VERIFY, {
    n: number,
    h: '陈十二',
  });
  expect(electronic.data!.verifyCertificate).toMatchObject({
    outcome: 'VALID',
    certificate: { form: 'ELECTRONIC', replacesNumber: input.certificateNumber },
  });
  const superseded = await client.request<{ verifyCertificate: Record<string, unknown> }>(VERIFY, {
    n: input.certificateNumber,
    h: '陈十二',
  });
  expect(superseded.data!.verifyCertificate).toMatchObject({
    outcome: 'REVOKED',
    valid: false,
    certificate: { form: 'REGISTERED_PAPER', replacedByNumber: number },
  });
  const { myCertificates } = await ok<{
    myCertificates: Array<{ number: string; declaration: unknown; titleName: string }>;
  }>(applicant, `{ myCertificates { number titleName declaration { id } } }`);
  expect(myCertificates).toEqual([{ number, titleName: '工程师', declaration: null }]);
});

test('谁查看了我的信息: the bureau’s reads of the materials (links, downloads) are logged for the applicant, her own are not', async () => {
  const applicant = await t.applicant('周九');
  const personId = applicant.principal.accountId;
  const old = await certificateOf(applicant);
  const applied = await apply(applicant, old.id, await reissueFiles(applicant));
  expect(applied.errors).toBeUndefined();
  const id = applied.data!.applyForReissue.id;

  // Her own reads, links and download: nothing recorded.
  const own = await ok<{
    myReissueApplications: Array<{ files: Array<{ url: string }> }>;
    reissueApplication: { files: Array<{ url: string }> };
  }>(
    applicant,
    `query($id: ID!) { myReissueApplications { files { url } } reissueApplication(id: $id) { files { url } } }`,
    { id },
  );
  expect(own.reissueApplication.files).toHaveLength(3);
  expect((await fetch(new URL(own.reissueApplication.files[0].url, t.server.url))).status).toBe(200);
  expect(await viewsOf(personId)).toEqual([]);

  // A queue row without links shows no material: nothing recorded. Another region's staff get
  // no links, so nothing either.
  const city = await t.staffOf(CITY, '长春市局审核员');
  await ok(city, `{ reissueAuditQueue(status: PENDING) { items { id applicantName } } }`);
  const county = await t.staffOf(COUNTY);
  await county.client.request(`query($id: ID!) { reissueApplication(id: $id) { files { url } } }`, { id });
  expect(await viewsOf(personId)).toEqual([]);

  // The city bureau opens it (three links, one request): one event, naming the bureau's reviewer.
  const read = await ok<{ reissueApplication: { files: Array<{ url: string }> } }>(
    city,
    `query($id: ID!) { reissueApplication(id: $id) { files { url } } }`,
    { id },
  );
  expect(read.reissueApplication.files).toHaveLength(3);
  const viewer = {
    kind: 'STAFF',
    id: city.principal.accountId,
    name: '长春市局审核员',
    roles: ['BUREAU_REVIEWER'],
    unitId: null,
    organisationId: CITY,
  };
  expect(await viewsOf(personId)).toEqual([
    {
      personId,
      declarationId: null,
      items: ['CERTIFICATE_MATERIALS'],
      viewer,
      viewedAt: expect.any(String),
      requestId: expect.any(String),
    },
  ]);

  // The queue rows that carry links: one more.
  await ok(city, `{ reissueAuditQueue(status: PENDING) { items { id files { url } } } }`);
  expect(await viewsOf(personId)).toHaveLength(2);

  // Downloading one of her materials through the bureau's link: logged before the bytes leave.
  const download = await fetch(new URL(read.reissueApplication.files[1].url, t.server.url));
  expect(download.status).toBe(200);
  expect((await download.text()).startsWith('%PDF-')).toBe(true);
  const views = await viewsOf(personId);
  expect(views).toHaveLength(3);
  expect(views[2]).toMatchObject({ items: ['CERTIFICATE_MATERIALS'], viewer, declarationId: null });

  // A link for the bureau that does not say who it was made for (made before the log) is refused
  // as an old link rather than served unlogged.
  const { rows: files } = await t.sql.query(
    `select id from certificate.application_file where reissue_application_id = $1 limit 1`,
    [id],
  );
  const unnamed = t.server.deps.materialLinks.download(files[0].id, city.principal.accountId, new Date());
  const refused = await fetch(new URL(unnamed.url, t.server.url));
  expect(refused.status).toBe(410);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TOKEN_EXPIRED');
  expect(await viewsOf(personId)).toHaveLength(3);

  // A download that cannot be recorded is not served (fail closed); nor is a GraphQL read's link.
  await t.sql.query(`alter table certificate.outbox_event rename to outbox_event_away`);
  try {
    const withheld = await fetch(new URL(read.reissueApplication.files[2].url, t.server.url));
    expect(withheld.status).toBe(500);
    expect(await withheld.json()).toEqual({
      error: { code: 'INTERNAL_SERVER_ERROR', message: ACCESS_LOG_UNAVAILABLE },
    });
    const answer = await city.client.request<{ reissueApplication: unknown }>(
      `query($id: ID!) { reissueApplication(id: $id) { files { url } } }`,
      { id },
    );
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({
      message: ACCESS_LOG_UNAVAILABLE,
      extensions: { reason: 'ACCESS_LOG_UNAVAILABLE' },
    });
  } finally {
    await t.sql.query(`alter table certificate.outbox_event_away rename to outbox_event`);
  }
  expect(await viewsOf(personId)).toHaveLength(3);
});
