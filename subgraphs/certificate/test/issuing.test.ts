// Issuing on 终审通过: exactly one certificate per approved declaration, whatever the delivery
// (redelivered, replayed under a new id, approval before submission), numbered from the year's
// sequence, announced with CertificateIssued; and who may read it.
import { randomUUID } from 'node:crypto';
import { issueIfReady } from '../src/services/issue';
import { approved, startTestCertificate, submitted, type TestCertificate } from './helpers';

let t: TestCertificate;
beforeAll(async () => {
  t = await startTestCertificate();
});
afterAll(async () => {
  await t?.close();
});

const MINE = `{ myCertificates { id number holderName holderIdNumberMasked titleName seriesName specialtyName levelName
  committeeName approvedOn issuedAt issuerName status statusText declaration { id } credential } }`;

const countFor = async (declarationId: string) =>
  Number(
    (
      await t.sql.query('select count(*) from certificate.certificate where declaration_id = $1', [
        declarationId,
      ])
    ).rows[0].count,
  );

test('终审通过 issues one certificate with the holder, title, committee and a JL-year-serial number', async () => {
  const applicant = await t.applicant('张三');
  const declarationId = randomUUID();
  await t.publish(submitted(declarationId, applicant.principal.accountId, '张三'));
  expect(await countFor(declarationId)).toBe(0);
  await t.publish(approved(declarationId, new Date('2026-11-30T18:00:00Z')));

  const { myCertificates } = await applicant.client.ok<{ myCertificates: Array<Record<string, unknown>> }>(
    MINE,
  );
  expect(myCertificates).toHaveLength(1);
  const [certificate] = myCertificates;
  expect(certificate).toMatchObject({
    holderName: '张三',
    holderIdNumberMasked: '220***********1234',
    titleName: '高级工程师',
    seriesName: '工程系列',
    specialtyName: '土木建筑工程',
    levelName: '副高级',
    committeeName: '吉林省工程系列高级职称评审委员会',
    // 18:00 UTC is the next morning in China.
    approvedOn: '2026-12-01',
    issuerName: '吉林省人力资源和社会保障厅',
    status: 'VALID',
    statusText: '有效',
    declaration: { id: declarationId },
  });
  expect(certificate.number).toMatch(new RegExp(`^JL${new Date().getUTCFullYear()}\\d{8}$`));
  expect(String(certificate.credential).split('.')).toHaveLength(3);

  const issued = await t.outbox('CertificateIssued');
  expect(issued.map((row) => row.payload.declarationId)).toContain(declarationId);
});

test('a redelivered or replayed approval, or a repeated submission, issues nothing more', async () => {
  const applicant = await t.applicant();
  const declarationId = randomUUID();
  const approval = approved(declarationId);
  await t.publish(submitted(declarationId, applicant.principal.accountId), approval);
  expect(await countFor(declarationId)).toBe(1);
  const before = (await t.outbox('CertificateIssued')).length;

  await t.publish(approval); // the same event again (the inbox skips it)
  await t.publish(approved(declarationId)); // the same fact under a new event id
  await t.publish(submitted(declarationId, applicant.principal.accountId)); // a late resubmission
  expect(await countFor(declarationId)).toBe(1);
  expect((await t.outbox('CertificateIssued')).length).toBe(before);
});

test('an approval that arrives before its submission waits for it, then issues once', async () => {
  const applicant = await t.applicant('李四');
  const declarationId = randomUUID();
  await t.publish(approved(declarationId));
  expect(await countFor(declarationId)).toBe(0);
  await t.publish(submitted(declarationId, applicant.principal.accountId, '李四'));
  expect(await countFor(declarationId)).toBe(1);
  const { myCertificates } = await applicant.client.ok<{ myCertificates: Array<{ holderName: string }> }>(
    MINE,
  );
  expect(myCertificates.map((c) => c.holderName)).toEqual(['李四']);
});

test('numbers come in order from the year’s sequence and never repeat', async () => {
  const applicant = await t.applicant();
  for (let i = 0; i < 3; i++) {
    const id = randomUUID();
    await t.publish(submitted(id, applicant.principal.accountId), approved(id));
  }
  const { rows } = await t.sql.query<{ number: string }>(
    'select number from certificate.certificate order by created_at',
  );
  const serials = rows.map((r) => Number(r.number.slice(6)));
  expect(new Set(serials).size).toBe(serials.length);
  expect(serials).toEqual([...serials].sort((a, b) => a - b));
});

test('a submission never approved (or 材料审核通过 only) issues nothing', async () => {
  const applicant = await t.applicant();
  const declarationId = randomUUID();
  await t.publish(submitted(declarationId, applicant.principal.accountId));
  expect(await countFor(declarationId)).toBe(0);
});

test('myCertificates: the holder only; anonymous and staff are refused; others see none of them', async () => {
  const holder = await t.applicant();
  const declarationId = randomUUID();
  await t.publish(submitted(declarationId, holder.principal.accountId), approved(declarationId));
  const [certificate] = (await holder.client.ok<{ myCertificates: Array<{ id: string }> }>(MINE))
    .myCertificates;

  const anonymous = await t.client().request(MINE);
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const staff = await t.staff();
  expect((await staff.client.request(MINE)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const other = await t.applicant();
  expect((await other.client.ok<{ myCertificates: unknown[] }>(MINE)).myCertificates).toEqual([]);

  // Federation: Person.certificates and Declaration.certificate for the holder only, as is the
  // Certificate entity by reference.
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Person { certificates { id } } ... on Declaration { certificate { id } } ... on Certificate { number } } }`;
  const representations = [
    { __typename: 'Person', id: holder.principal.accountId },
    { __typename: 'Declaration', id: declarationId },
    { __typename: 'Certificate', id: certificate.id },
  ];
  const mine = await holder.client.ok<{ _entities: Array<Record<string, unknown> | null> }>(entities, {
    r: representations,
  });
  expect(mine._entities[0]).toEqual({ certificates: [{ id: certificate.id }] });
  expect(mine._entities[1]).toEqual({ certificate: { id: certificate.id } });
  expect(mine._entities[2]).toMatchObject({ number: expect.stringMatching(/^JL/) });
  const theirs = await other.client.request<{ _entities: Array<Record<string, unknown> | null> }>(entities, {
    r: representations,
  });
  expect(theirs.data?._entities).toEqual([{ certificates: [] }, { certificate: null }, null]);
});

test('two replicas issuing the same declaration at once make one certificate', async () => {
  const applicant = await t.applicant();
  const declarationId = randomUUID();
  // The facts are in, as if both events had been stored but not yet acted on.
  await t.sql.query(
    `insert into certificate.declaration_fact (declaration_id, person_id, holder_name, title_name, level_name, approved_at, updated_at)
     values ($1, $2, '钱九', '高级工程师', '副高级', now(), now())`,
    [declarationId, applicant.principal.accountId],
  );
  const results = await Promise.all(
    [1, 2, 3].map(() =>
      t.server.orm.em.fork().transactional((em) => issueIfReady(em, t.server.deps, declarationId)),
    ),
  );
  expect(results.filter((r) => r === 'ISSUED')).toHaveLength(1);
  expect(results.filter((r) => r === 'ALREADY_ISSUED')).toHaveLength(2);
  expect(await countFor(declarationId)).toBe(1);
});

test('a DeclarationSubmitted recorded before certificates existed (no mask, no series names) still issues', async () => {
  const applicant = await t.applicant('孙十');
  const declarationId = randomUUID();
  const old = submitted(declarationId, applicant.principal.accountId, '孙十');
  delete old.payload.applicantIdNumberMasked;
  delete old.payload.title.seriesName;
  delete old.payload.title.specialtyName;
  await t.publish(old, approved(declarationId));
  const { myCertificates } = await applicant.client.ok<{ myCertificates: Array<Record<string, unknown>> }>(
    MINE,
  );
  expect(myCertificates[0]).toMatchObject({
    holderName: '孙十',
    holderIdNumberMasked: null,
    seriesName: null,
    specialtyName: null,
    titleName: '高级工程师',
  });
});
