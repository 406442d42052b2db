// Verification, online and offline: the credential's shape, its signature round trip across a
// key rotation, every kind of tampering with its own code, verification by number + name (an
// unknown number and a wrong name answer alike, rate-limited per address), revocation through
// the status list, and did.json.
import { randomUUID } from 'node:crypto';
import {
  compactVerify,
  CompactSign,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { statusBitOf } from '../src/domain/status-list';
import { revokeCertificate } from '../src/services/issue';
import {
  approved,
  PUBLIC_URL,
  startTestCertificate,
  submitted,
  type Actor,
  type TestCertificate,
} from './helpers';

let t: TestCertificate;
beforeAll(async () => {
  t = await startTestCertificate({ VERIFY_LIMIT_PER_IP: '1000' });
});
afterAll(async () => {
  await t?.close();
});

const DID = 'did:web:zhicheng.example.gov.cn';

const VERIFY_CREDENTIAL = `query($c: String!) { verifyCredential(credential: $c) {
  outcome valid message keyId certificate { number holderName status revokedAt revocationReason } } }`;
const VERIFY_NUMBER = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) {
  outcome valid message certificate { number holderName titleName status } } }`;

interface Verification {
  outcome: string;
  valid: boolean;
  message: string;
  keyId: string | null;
  certificate: Record<string, unknown> | null;
}

async function issue(holder?: Actor, name = '王五') {
  const applicant = holder ?? (await t.applicant(name));
  const declarationId = randomUUID();
  await t.publish(submitted(declarationId, applicant.principal.accountId, name), approved(declarationId));
  const { rows } = await t.sql.query(
    'select id, number, credential from certificate.certificate where declaration_id = $1',
    [declarationId],
  );
  return rows[0] as { id: string; number: string; credential: string };
}

const verifyCredential = async (credential: string) =>
  (await t.client().ok<{ verifyCredential: Verification }>(VERIFY_CREDENTIAL, { c: credential }))
    .verifyCredential;

const didDocument = async () =>
  (await (await fetch(new URL('/.well-known/did.json', t.server.url))).json()) as {
    id: string;
    verificationMethod: Array<{ id: string; publicKeyJwk: JWK }>;
    assertionMethod: string[];
  };

/** What a third party does offline: pick the key named by kid from did.json and check the JWS. */
async function verifyOffline(jws: string) {
  const { kid } = decodeProtectedHeader(jws);
  const method = (await didDocument()).verificationMethod.find((m) => m.id === kid);
  if (!method) throw new Error(`no key ${kid}`);
  const { payload } = await compactVerify(jws, await importJWK(method.publicKeyJwk, 'EdDSA'));
  return JSON.parse(new TextDecoder().decode(payload));
}

test('the credential is a W3C VC 2.0 with did:web issuer, validFrom, subject and a status list entry', async () => {
  const certificate = await issue(undefined, '王五');
  const header = decodeProtectedHeader(certificate.credential);
  expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc' });
  expect(header.kid).toMatch(new RegExp(`^${DID}#key-\\d{8}-[0-9a-f]{8}$`));
  const vc = await verifyOffline(certificate.credential);
  expect(vc).toMatchObject({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `urn:uuid:${certificate.id}`,
    type: ['VerifiableCredential', 'ProfessionalTitleCertificate'],
    issuer: { id: DID, name: '吉林省人力资源和社会保障厅' },
    validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    credentialSubject: {
      name: '王五',
      idNumberMasked: '220***********1234',
      certificateNumber: certificate.number,
      titleName: '高级工程师',
      level: '副高级',
      committee: '吉林省工程系列高级职称评审委员会',
    },
    credentialStatus: {
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: `${PUBLIC_URL}/credentials/status/1`,
    },
  });
  expect(await verifyCredential(certificate.credential)).toMatchObject({
    outcome: 'VALID',
    valid: true,
    keyId: header.kid,
    certificate: { number: certificate.number, holderName: '王五', status: 'VALID' },
  });
});

test('after a key rotation old certificates keep verifying, online and offline; new ones use the new key', async () => {
  const old = await issue();
  const oldKid = decodeProtectedHeader(old.credential).kid;
  const newKeyId = await t.server.deps.keys.rotate(t.server.orm.em.fork());
  const fresh = await issue();
  const freshKid = decodeProtectedHeader(fresh.credential).kid;
  expect(freshKid).toBe(`${DID}#${newKeyId}`);
  expect(freshKid).not.toBe(oldKid);

  const document = await didDocument();
  expect(document.id).toBe(DID);
  expect(document.assertionMethod).toEqual(expect.arrayContaining([oldKid, freshKid]));
  for (const method of document.verificationMethod) expect(method.publicKeyJwk).not.toHaveProperty('d');
  await expect(verifyOffline(old.credential)).resolves.toMatchObject({ id: `urn:uuid:${old.id}` });
  await expect(verifyOffline(fresh.credential)).resolves.toMatchObject({ id: `urn:uuid:${fresh.id}` });
  expect((await verifyCredential(old.credential)).outcome).toBe('VALID');
  expect((await verifyCredential(fresh.credential)).outcome).toBe('VALID');
});

test('private keys are stored encrypted: no key material in the table in the clear', async () => {
  const { rows } = await t.sql.query('select public_jwk, private_key_encrypted from certificate.signing_key');
  for (const row of rows) {
    expect(row.public_jwk).not.toHaveProperty('d');
    expect(row.private_key_encrypted).not.toMatch(/PRIVATE KEY/);
    expect(Buffer.from(row.private_key_encrypted, 'base64').toString('utf8')).not.toMatch(/PRIVATE KEY/);
  }
});

test('malformed, truncated, re-signed, unknown-key and one-character-changed credentials each get their code', async () => {
  const { credential } = await issue();
  const [header, payload, signature] = credential.split('.');
  const changeOne = (text: string, at: number) =>
    text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

  // A stranger's key, once under an id of ours and once under its own.
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const vc = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const ourKid = decodeProtectedHeader(credential).kid!;
  const resign = (kid: string, body = vc) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(body)))
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'vc+jwt', cty: 'vc' })
      .sign(privateKey);
  void exportJWK(publicKey);
  const hs256 = `${Buffer.from(JSON.stringify({ alg: 'HS256', kid: ourKid })).toString('base64url')}.${payload}.${signature}`;
  const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', kid: ourKid })).toString('base64url')}.${payload}.${signature}`;

  const cases: Array<[string, string]> = [
    ['not a credential', 'MALFORMED'],
    [`${header}.${payload}`, 'MALFORMED'],
    [credential.slice(0, credential.length - 10), 'BAD_SIGNATURE'],
    [`${header}.${payload.slice(0, 40)}.${signature}`, 'BAD_SIGNATURE'],
    [`${header}.${changeOne(payload, 60)}.${signature}`, 'BAD_SIGNATURE'],
    [`${header}.${payload}.${changeOne(signature, 5)}`, 'BAD_SIGNATURE'],
    [
      await resign(ourKid, { ...vc, credentialSubject: { ...vc.credentialSubject, name: '冒名' } }),
      'BAD_SIGNATURE',
    ],
    [await resign(`${DID}#key-20260101-deadbeef`), 'UNKNOWN_KEY'],
    [await resign('did:web:evil.example#key-1'), 'UNKNOWN_KEY'],
    [hs256, 'UNSUPPORTED_ALGORITHM'],
    [unsigned, 'UNSUPPORTED_ALGORITHM'],
    ['x'.repeat(20_000), 'MALFORMED'],
  ];
  for (const [input, outcome] of cases) {
    const answer = await verifyCredential(input);
    expect({ input: input.slice(0, 30), outcome: answer.outcome }).toEqual({
      input: input.slice(0, 30),
      outcome,
    });
    expect(answer.valid).toBe(false);
    expect(answer.certificate).toBeNull();
    expect(answer.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  const empty = await t.client().request(VERIFY_CREDENTIAL, { c: '  ' });
  expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test('by number + name: valid; an unknown number and a wrong name give the same answer', async () => {
  const { number } = await issue(undefined, '赵六');
  const client = t.client();
  const ok = (await client.ok<{ verifyCertificate: Verification }>(VERIFY_NUMBER, { n: number, h: ' 赵六 ' }))
    .verifyCertificate;
  expect(ok).toMatchObject({ outcome: 'VALID', valid: true, certificate: { number, holderName: '赵六' } });
  expect(
    (
      await client.ok<{ verifyCertificate: Verification }>(VERIFY_NUMBER, {
        n: number.toLowerCase(),
        h: '赵六',
      })
    ).verifyCertificate.outcome,
  ).toBe('VALID');

  const wrongName = await client.request(VERIFY_NUMBER, { n: number, h: '赵七' });
  const unknown = await client.request(VERIFY_NUMBER, { n: 'JL209900000001', h: '赵六' });
  expect(wrongName.data).toEqual(unknown.data);
  expect(wrongName.data).toMatchObject({
    verifyCertificate: { outcome: 'NOT_FOUND', valid: false, certificate: null },
  });

  // A printed paper number may be anything like 12345 (历史职称数据登记); a mistyped JL number is told.
  const bad = await client.request(VERIFY_NUMBER, { n: 'JL12345', h: '' });
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((bad.errors?.[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual([
    'number',
    'holderName',
  ]);
});

test('revoked: 已作废 with date and reason, online and in the signed status list', async () => {
  const certificate = await issue();
  const at = new Date('2026-12-01T02:00:00Z');
  await t.server.orm.em
    .fork()
    .transactional((em) => revokeCertificate(em, certificate.id, '证书补办，原证书作废', at));
  const answer = await verifyCredential(certificate.credential);
  expect(answer).toMatchObject({
    outcome: 'REVOKED',
    valid: false,
    certificate: { status: 'REVOKED', revocationReason: '证书补办，原证书作废' },
  });
  expect(answer.message).toContain('2026-12-01');
  expect(answer.message).toContain('证书补办，原证书作废');

  const vc = await verifyOffline(certificate.credential);
  const listAnswer = await fetch(new URL('/credentials/status/1', t.server.url));
  expect(listAnswer.headers.get('content-type')).toContain('application/vc+jwt');
  const list = await verifyOffline(await listAnswer.text());
  expect(list).toMatchObject({
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: DID },
    credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
  });
  const bit = Number(vc.credentialStatus.statusListIndex);
  expect(statusBitOf(list.credentialSubject.encodedList, bit)).toBe(true);
  expect(statusBitOf(list.credentialSubject.encodedList, bit + 1)).toBe(false);
  expect((await fetch(new URL('/credentials/status/2', t.server.url))).status).toBe(404);
  expect((await t.outbox('CertificateRevoked')).map((r) => r.payload.certificateId)).toContain(
    certificate.id,
  );
});

test('a credential signed by our key but not the one registered answers NOT_ISSUED_HERE', async () => {
  const em = t.server.orm.em.fork();
  const forged = await t.server.deps.keys.sign(em, { id: `urn:uuid:${randomUUID()}` }, 'vc+jwt');
  expect((await verifyCredential(forged.jws)).outcome).toBe('NOT_ISSUED_HERE');
});
