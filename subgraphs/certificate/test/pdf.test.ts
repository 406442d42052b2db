// The certificate PDF as the holder downloads it (Certificate.pdfUrl): one A4 landscape page,
// the holder's Chinese name in its text, the credential attached as credential.jwt, a QR code
// that decodes to the /verify link with that credential, a PDF signature over the whole file;
// and who may have it (the holder only; another person's or a forged link reads nothing).
import { randomUUID } from 'node:crypto';
import { attachments, decodePrintedQr, pageFacts, pdfSignature, readPdf } from '@zhicheng/testing';
import {
  approved,
  PUBLIC_URL,
  startTestCertificate,
  submitted,
  type Actor,
  type TestCertificate,
} from './helpers';

let t: TestCertificate;
let holder: Actor;
let certificate: { id: string; number: string; credential: string; pdfUrl: string | null };
let pdf: Buffer;
let answer: Response;

const MINE = '{ myCertificates { id number credential pdfUrl } }';

beforeAll(async () => {
  t = await startTestCertificate();
  holder = await t.applicant('欧阳娜娜');
  const declarationId = randomUUID();
  await t.publish(submitted(declarationId, holder.principal.accountId, '欧阳娜娜'), approved(declarationId));
  const { myCertificates } = await holder.client.ok<{ myCertificates: Array<typeof certificate> }>(MINE);
  certificate = myCertificates[0];
  answer = await fetch(new URL(certificate.pdfUrl!, t.server.url));
  pdf = Buffer.from(await answer.arrayBuffer());
});
afterAll(async () => {
  await t?.close();
});

test('the holder’s pdfUrl is a short-lived /files/certificates link that downloads the PDF as an attachment', () => {
  expect(certificate.pdfUrl).toMatch(/^\/files\/certificates\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/pdf');
  expect(answer.headers.get('content-disposition')).toMatch(/^attachment;/);
  expect(decodeURIComponent(answer.headers.get('content-disposition')!)).toContain(
    `${certificate.number}.pdf`,
  );
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('one A4 landscape page whose text holds the holder’s Chinese name, the number and the title, in the embedded font', async () => {
  const sizes = await pageFacts(pdf);
  expect(sizes).toHaveLength(1);
  expect(sizes[0].width).toBeCloseTo(841.89, 1);
  expect(sizes[0].height).toBeCloseTo(595.28, 1);
  const facts = readPdf(pdf);
  expect(facts.fontsEmbedded).toBe(true);
  expect(facts.text).toContain('专业技术职务任职资格证书');
  expect(facts.text).toContain('欧阳娜娜');
  expect(facts.text).toContain(certificate.number);
  expect(facts.text).toContain('高级工程师');
  expect(facts.text).toContain('220***********1234');
  expect(facts.text).toContain('吉林省人力资源和社会保障厅');
});

test('the attached credential.jwt is the certificate’s credential, byte for byte', async () => {
  const files = await attachments(pdf);
  expect([...files.keys()]).toEqual(['credential.jwt']);
  expect(files.get('credential.jwt')!.toString('utf8')).toBe(certificate.credential);
});

test('the printed QR code decodes to the /verify link with the credential in the fragment, which verifies', async () => {
  const link = await decodePrintedQr(pdf);
  expect(link).toBe(`${PUBLIC_URL}/verify#${certificate.credential}`);
  const { verifyCredential } = await t
    .client()
    .ok<{ verifyCredential: { outcome: string } }>(
      'query($c: String!) { verifyCredential(credential: $c) { outcome } }',
      { c: new URL(link!).hash.slice(1) },
    );
  expect(verifyCredential.outcome).toBe('VALID');
});

test('the PDF carries a detached PKCS#7 signature over the whole file, by the issuer; one changed byte breaks it', () => {
  const signature = pdfSignature(pdf);
  expect(signature).toMatchObject({
    digestMatches: true,
    signer: '吉林省人力资源和社会保障厅',
    subFilter: 'adbe.pkcs7.detached',
  });
  const tampered = Buffer.from(pdf);
  const at = pdf.indexOf('/Title');
  tampered[at + 1] = 'X'.charCodeAt(0);
  expect(pdfSignature(tampered).digestMatches).toBe(false);
});

test('only the holder gets a link: another person and staff read no pdfUrl', async () => {
  const other = await t.applicant('李四');
  const query = `query($id: ID!) { _entities(representations: [{ __typename: "Certificate", id: $id }]) {
    ... on Certificate { pdfUrl } } }`;
  for (const client of [other.client, (await t.staff()).client]) {
    const { _entities } = await client.ok<{ _entities: Array<{ pdfUrl: string | null } | null> }>(query, {
      id: certificate.id,
    });
    expect(_entities[0]?.pdfUrl ?? null).toBeNull();
  }
  const { myCertificates } = await other.client.ok<{ myCertificates: unknown[] }>(MINE);
  expect(myCertificates).toEqual([]);
});

test('a tampered, foreign or expired link is refused and reads nothing', async () => {
  const url = new URL(certificate.pdfUrl!, t.server.url);
  const [body, mac] = url.pathname.split('/').pop()!.split('.');
  const get = (token: string) => fetch(new URL(`/files/certificates/${token}`, t.server.url));

  // The body changed (another certificate id) under the old MAC.
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  claims.p.holderPersonId = randomUUID();
  const forged = await get(`${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`);
  expect(forged.status).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { code: 'TOKEN_INVALID' } });

  // A valid link made for someone who is not (or no longer) the holder.
  const foreign = t.server.deps.pdfLinks.link(certificate.id, randomUUID(), new Date());
  const notTheirs = await fetch(new URL(foreign.url, t.server.url));
  expect(notTheirs.status).toBe(404);
  expect(await notTheirs.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });

  const expired = t.server.deps.pdfLinks.link(
    certificate.id,
    holder.principal.accountId,
    new Date(Date.now() - 3600_000),
  );
  const late = await fetch(new URL(expired.url, t.server.url));
  expect(late.status).toBe(410);
  expect(await late.json()).toMatchObject({ error: { code: 'TOKEN_EXPIRED' } });
});

test('the PDF signer is stored with the signing key (the same across restarts and replicas) and rotates with it', async () => {
  const stored = async () =>
    (
      await t.sql.query(
        'select pdf_certificate_pem from certificate.signing_key where retired_at is null order by created_at desc limit 1',
      )
    ).rows[0].pdf_certificate_pem as string;
  const download = async () => {
    const { myCertificates } = await holder.client.ok<{ myCertificates: Array<{ pdfUrl: string }> }>(
      '{ myCertificates { pdfUrl } }',
    );
    return Buffer.from(await (await fetch(new URL(myCertificates[0].pdfUrl, t.server.url))).arrayBuffer());
  };
  const before = await stored();
  expect(pdfSignature(pdf).certificatePem.trim()).toBe(before.trim());
  // Its private key is stored encrypted, never as PEM.
  const { rows } = await t.sql.query('select pdf_private_key_encrypted from certificate.signing_key');
  for (const row of rows) expect(row.pdf_private_key_encrypted).not.toMatch(/PRIVATE KEY/);

  await t.server.deps.keys.rotate(t.server.orm.em.fork());
  const after = await stored();
  expect(after).not.toBe(before);
  const signed = pdfSignature(await download());
  expect(signed.digestMatches).toBe(true);
  expect(signed.certificatePem.trim()).toBe(after.trim());
});

test('a signing key made before PDF signing gets its PDF signer when the service starts', async () => {
  await t.sql.query(
    'update certificate.signing_key set pdf_certificate_pem = null, pdf_private_key_encrypted = null where retired_at is null',
  );
  await t.server.deps.keys.ensureKey(t.server.orm.em.fork());
  const { rows } = await t.sql.query(
    'select pdf_certificate_pem from certificate.signing_key where retired_at is null',
  );
  expect(rows[0].pdf_certificate_pem).toMatch(/BEGIN CERTIFICATE/);
});
