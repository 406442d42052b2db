// Token verification: what a subgraph accepts, and that remembering verified tokens (one page
// load checks the same token many times) never accepts a token longer or more widely than the
// signature check would.
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type KeyLike } from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, createTokenVerifier } from '../src/auth';

let jwks: JSONWebKeySet;
let privateKey: KeyLike;

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { extractable: true });
  privateKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' }] };
});

async function token(expiresAtSeconds: number, subject = 'person-1') {
  return new SignJWT({ knd: 'PERSON', rol: ['APPLICANT'], nam: '张伟' })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
    .setSubject(subject)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(expiresAtSeconds - 900)
    .setExpirationTime(expiresAtSeconds)
    .sign(privateKey);
}

test('a valid token gives its principal, the second time from memory', async () => {
  const verifier = createTokenVerifier({ jwks });
  const value = await token(Math.floor(Date.now() / 1000) + 600);
  const first = await verifier.verifyHeader(`Bearer ${value}`);
  const second = await verifier.verifyHeader(`Bearer ${value}`);
  expect(first.principal).toMatchObject({ accountId: 'person-1', roles: ['APPLICANT'], displayName: '张伟' });
  expect(second).toEqual(first);
});

test('a remembered token is refused as expired once its expiry passes', async () => {
  let clock = Date.now();
  const verifier = createTokenVerifier({ jwks }, { now: () => clock });
  const value = await token(Math.floor(clock / 1000) + 60);
  expect((await verifier.verifyHeader(`Bearer ${value}`)).principal).not.toBeNull();
  clock += 61_000;
  expect(await verifier.verifyHeader(`Bearer ${value}`)).toMatchObject({
    principal: null,
    failure: { code: 'UNAUTHENTICATED', reason: 'expired' },
  });
});

test('a tampered token is refused even after the genuine one was remembered', async () => {
  const verifier = createTokenVerifier({ jwks });
  const value = await token(Math.floor(Date.now() / 1000) + 600);
  await verifier.verifyHeader(`Bearer ${value}`);
  const [header, , signature] = value.split('.');
  const forgedPayload = Buffer.from(
    JSON.stringify({ sub: 'someone-else', knd: 'STAFF', rol: ['BUREAU_REVIEWER'], exp: 9_999_999_999 }),
  ).toString('base64url');
  expect(await verifier.verifyHeader(`Bearer ${header}.${forgedPayload}.${signature}`)).toMatchObject({
    principal: null,
    failure: { reason: 'invalid' },
  });
});

test('a token dropped from a full memory is verified again, not refused', async () => {
  const verifier = createTokenVerifier({ jwks }, { cacheSize: 2 });
  const exp = Math.floor(Date.now() / 1000) + 600;
  const tokens = await Promise.all(['a', 'b', 'c'].map((sub) => token(exp, sub)));
  for (const value of tokens) await verifier.verifyHeader(`Bearer ${value}`);
  const again = await verifier.verifyHeader(`Bearer ${tokens[0]}`);
  expect(again.principal?.accountId).toBe('a');
});

test('no header is anonymous; a malformed one is refused', async () => {
  const verifier = createTokenVerifier({ jwks });
  expect(await verifier.verifyHeader(undefined)).toEqual({ principal: null, failure: null });
  expect((await verifier.verifyHeader('Basic abc')).failure?.reason).toBe('invalid');
});
