// 人才分类定级证书: the bureau's 评审结果 通过 (DeclarationFinallyApproved, kind TALENT_LEVEL) issues a
// certificate of its own kind — its credential type and subject, its PDF title and fields — once,
// whatever the delivery; older approvals (no kind) stay titles.
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { attachments, readPdf } from '@zhicheng/testing';
import {
  approved,
  startTestCertificate,
  submitted,
  talentApproved,
  talentSubmitted,
  type TestCertificate,
} from './helpers';

let t: TestCertificate;
beforeAll(async () => {
  t = await startTestCertificate();
});
afterAll(async () => {
  await t?.close();
});

const MINE = `{ myCertificates { id kind kindText number holderName titleName levelName committeeName
  recognitionStandard approvedOn issuerName status credential pdfUrl declaration { id } } }`;
const VERIFY_CREDENTIAL = `query($c: String!) { verifyCredential(credential: $c) {
  outcome valid certificate { kind kindText number levelName recognitionStandard } } }`;
const VERIFY_NUMBER = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) {
  outcome valid certificate { kind kindText levelName committeeName } } }`;

interface Mine {
  id: string;
  kind: string;
  kindText: string;
  number: string;
  levelName: string;
  credential: string;
  pdfUrl: string;
  declaration: { id: string };
}

const countFor = async (declarationId: string) =>
  Number(
    (
      await t.sql.query('select count(*) from certificate.certificate where declaration_id = $1', [
        declarationId,
      ])
    ).rows[0].count,
  );

test('通过 issues one 人才分类定级证书: kind, class, standard, deciding body, credential and PDF', async () => {
  const holder = await t.applicant('刘洋');
  const declarationId = randomUUID();
  const approval = talentApproved(declarationId, 'C', new Date('2026-12-01T02:00:00Z'));
  await t.publish(talentSubmitted(declarationId, holder.principal.accountId, '刘洋'), approval);
  // Redelivered, replayed under a new id, a late repeated submission: still one.
  await t.publish(approval);
  await t.publish(talentApproved(declarationId));
  await t.publish(talentSubmitted(declarationId, holder.principal.accountId, '刘洋'));
  expect(await countFor(declarationId)).toBe(1);

  const [certificate] = (await holder.client.ok<{ myCertificates: Mine[] }>(MINE)).myCertificates;
  expect(certificate).toMatchObject({
    kind: 'TALENT_LEVEL',
    kindText: '人才分类定级证书',
    holderName: '刘洋',
    titleName: '人才分类定级',
    levelName: 'C类',
    committeeName: '吉林省人力资源和社会保障厅',
    recognitionStandard: '享受国务院政府特殊津贴专家',
    approvedOn: '2026-12-01',
    status: 'VALID',
    declaration: { id: declarationId },
  });

  const vc = decodeJwt(certificate.credential);
  expect(vc.type).toEqual(['VerifiableCredential', 'TalentClassificationCertificate']);
  expect(vc.name).toBe('人才分类定级电子证书');
  expect(vc.credentialSubject).toEqual({
    type: 'TalentClassificationHolder',
    name: '刘洋',
    idNumberMasked: '220***********1234',
    certificateNumber: certificate.number,
    talentCategory: 'C类',
    recognitionStandard: '享受国务院政府特殊津贴专家',
    recognisedBy: '吉林省人力资源和社会保障厅',
    recognitionDate: '2026-12-01',
    declarationId,
  });

  const byCredential = await t.client().ok<{ verifyCredential: Record<string, unknown> }>(VERIFY_CREDENTIAL, {
    c: certificate.credential,
  });
  expect(byCredential.verifyCredential).toMatchObject({
    outcome: 'VALID',
    valid: true,
    certificate: { kind: 'TALENT_LEVEL', kindText: '人才分类定级证书', levelName: 'C类' },
  });
  const byNumber = await t.client().ok<{ verifyCertificate: Record<string, unknown> }>(VERIFY_NUMBER, {
    n: certificate.number,
    h: '刘洋',
  });
  expect(byNumber.verifyCertificate).toMatchObject({
    outcome: 'VALID',
    certificate: { kind: 'TALENT_LEVEL' },
  });

  const pdf = Buffer.from(await (await fetch(new URL(certificate.pdfUrl, t.server.url))).arrayBuffer());
  const text = readPdf(pdf).text;
  expect(text).toContain('人才分类定级证书');
  expect(text).not.toContain('专业技术职务任职资格证书');
  for (const printed of ['刘洋', 'C类', '享受国务院政府特殊津贴专家', '认定机构', certificate.number])
    expect(text).toContain(printed);
  expect((await attachments(pdf)).get('credential.jwt')!.toString('utf8')).toBe(certificate.credential);

  const issued = await t.outbox('CertificateIssued');
  expect(issued.filter((row) => row.payload.declarationId === declarationId)).toHaveLength(1);
});

test('an approval that arrives before its submission issues the talent certificate when it comes', async () => {
  const holder = await t.applicant('周敏');
  const declarationId = randomUUID();
  await t.publish(talentApproved(declarationId, 'D'));
  expect(await countFor(declarationId)).toBe(0);
  await t.publish(talentSubmitted(declarationId, holder.principal.accountId, '周敏', 'B'));
  const [certificate] = (await holder.client.ok<{ myCertificates: Mine[] }>(MINE)).myCertificates;
  // Awarded D类 for a B类 application: the class awarded, and no standard that does not support it.
  expect(certificate).toMatchObject({ kind: 'TALENT_LEVEL', levelName: 'D类', recognitionStandard: null });
});

test('材料审核通过 alone issues nothing; an approval without kind stays a title certificate', async () => {
  const holder = await t.applicant('陈静');
  const pending = randomUUID();
  await t.publish(talentSubmitted(pending, holder.principal.accountId, '陈静'));
  expect(await countFor(pending)).toBe(0);

  const title = randomUUID();
  await t.publish(submitted(title, holder.principal.accountId, '陈静'), approved(title));
  const { rows } = await t.sql.query('select kind from certificate.certificate where declaration_id = $1', [
    title,
  ]);
  expect(rows).toEqual([{ kind: 'TITLE' }]);
  const vc = decodeJwt(
    (await t.sql.query('select credential from certificate.certificate where declaration_id = $1', [title]))
      .rows[0].credential,
  );
  expect(vc.type).toEqual(['VerifiableCredential', 'ProfessionalTitleCertificate']);
});

test('a talent approval without the class awarded is refused, not issued as something else', async () => {
  const holder = await t.applicant();
  const declarationId = randomUUID();
  const broken = talentApproved(declarationId);
  broken.payload.talent = null;
  await t.publish(talentSubmitted(declarationId, holder.principal.accountId), broken);
  expect(await countFor(declarationId)).toBe(0);
});
