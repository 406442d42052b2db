import {
  createLocalJWKSet,
  decodeProtectedHeader,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWK,
} from 'jose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type Principal } from '@zhicheng/server-kit';
import type { Person } from '../src/entities';
import {
  expectError,
  GraphQLClient,
  seedPerson,
  signIn,
  startTestIdentity,
  type TestIdentity,
} from './helpers';

const REFRESH = `mutation { refreshSession { accessToken viewer { accountId } } }`;
const SIGN_OUT = `mutation { signOut }`;
const ME = `{ me { accountId displayName } }`;

let t: TestIdentity;
let person: Person;
let principal: Principal;
beforeAll(async () => {
  t = await startTestIdentity();
  person = await seedPerson(t, { name: '令牌测试' });
  principal = { accountId: person.id, kind: 'PERSON', roles: ['APPLICANT'], displayName: person.name };
});
afterAll(() => t?.close());

/** A second browser that holds a copy of `from`'s refresh cookie (a stolen or replayed token). */
function copyOf(from: GraphQLClient): GraphQLClient {
  const copy = t.client();
  for (const [name, value] of from.cookies) copy.cookies.set(name, value);
  return copy;
}

async function signedIn(): Promise<GraphQLClient> {
  const client = t.client();
  const result = await signIn(t, client, { kind: 'PERSON', account: person.mobile });
  expect(result.errors).toBeUndefined();
  return client;
}

describe('refresh tokens', () => {
  it('travel only in an httpOnly, SameSite=Strict cookie scoped to /graphql', async () => {
    const client = t.client();
    const result = await client.request(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
      {
        input: {
          kind: 'PERSON',
          account: person.mobile,
          password: 'Zc#test2026',
          ...(await t.solveCaptcha(client)),
        },
      },
    );
    const [cookie] = result.headers.getSetCookie();
    expect(cookie).toMatch(/^zc_refresh=[\w-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\/graphql/i);
    expect(cookie).toMatch(/; Expires=/i);
    expect(JSON.stringify(result.data)).not.toContain(client.cookies.get('zc_refresh'));
  });

  it('rotate on refresh; replaying the old one revokes the whole sign-in', async () => {
    const client = await signedIn();
    const first = client.cookies.get('zc_refresh');
    const stolen = copyOf(client);

    const refreshed = await client.ok<{
      refreshSession: { accessToken: string; viewer: { accountId: string } };
    }>(REFRESH);
    expect(refreshed.refreshSession.viewer.accountId).toBe(person.id);
    expect(client.cookies.get('zc_refresh')).toBeTruthy();
    expect(client.cookies.get('zc_refresh')).not.toBe(first);
    client.accessToken = refreshed.refreshSession.accessToken;
    expect((await client.ok<{ me: { accountId: string } }>(ME)).me.accountId).toBe(person.id);

    // The old token comes back (e.g. a copy): refused, and the family is revoked ...
    expectError(await stolen.request(REFRESH), 'UNAUTHENTICATED', /登录已失效，请重新登录/);
    expect(stolen.cookies.has('zc_refresh')).toBe(false);
    // ... so the legitimate, newer token stops working too.
    expectError(await client.request(REFRESH), 'UNAUTHENTICATED', /请重新登录/);
  });

  it('sign-out revokes the sign-in and clears the cookie', async () => {
    const client = await signedIn();
    const kept = copyOf(client);
    expect(await client.ok(SIGN_OUT)).toEqual({ signOut: true });
    expect(client.cookies.has('zc_refresh')).toBe(false);
    expectError(await kept.request(REFRESH), 'UNAUTHENTICATED', /请重新登录/);
    // Signing out twice, or without a cookie, is harmless.
    expect(await client.ok(SIGN_OUT)).toEqual({ signOut: true });
  });

  it('sign-out ends only that sign-in, not the account’s others', async () => {
    const one = await signedIn();
    const other = await signedIn();
    await one.ok(SIGN_OUT);
    expect((await other.request(REFRESH)).errors).toBeUndefined();
  });

  it('refresh without a cookie, or with an unknown or expired one, is UNAUTHENTICATED', async () => {
    expectError(await t.client().request(REFRESH), 'UNAUTHENTICATED', /请重新登录/);
    const forged = t.client();
    forged.cookies.set('zc_refresh', 'x'.repeat(43));
    expectError(await forged.request(REFRESH), 'UNAUTHENTICATED', /请重新登录/);

    const client = await signedIn();
    await t.sql.query(
      `update identity.auth_session set expires_at = now() - interval '1 second' where account_id = $1 and rotated_at is null and revoked_at is null`,
      [person.id],
    );
    expectError(await client.request(REFRESH), 'UNAUTHENTICATED', /登录已过期，请重新登录/);
  });
});

describe('session lifetime and sign-out', () => {
  it('a sign-in lives at most 12 hours, however often it is refreshed', async () => {
    const client = await signedIn();
    const { rows } = await t.sql.query<{ life: number }>(
      `select extract(epoch from expires_at - signed_in_at) as life from identity.auth_session
        where account_id = $1 order by created_at desc limit 1`,
      [person.id],
    );
    // Not the 7-day sliding lifetime: the absolute one (12 h) caps it.
    expect(Number(rows[0].life)).toBeLessThanOrEqual(12 * 3600 + 1);
    expect((await client.request(REFRESH)).errors).toBeUndefined();
    await t.sql.query(
      `update identity.auth_session set signed_in_at = signed_in_at - interval '12 hours' where account_id = $1`,
      [person.id],
    );
    expectError(await client.request(REFRESH), 'UNAUTHENTICATED', /最长有效期，请重新登录/);
  });

  it('sign-out ends its access tokens at once, not 15 minutes later; other sign-ins keep theirs', async () => {
    const client = await signedIn();
    const other = await signedIn();
    expect((await client.request(ME)).errors).toBeUndefined();
    await client.ok(SIGN_OUT);
    const refused = expectError(await client.request(ME), 'UNAUTHENTICATED', /退出登录/);
    expect(refused.extensions?.reason).toBe('revoked');
    expect((await other.request(ME)).errors).toBeUndefined();
  });

  it('publishes revoked session ids (nothing else) for the other verifiers, each until its tokens expire', async () => {
    const client = await signedIn();
    const sessionId = JSON.parse(Buffer.from(client.accessToken!.split('.')[1], 'base64url').toString()).sid;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const feed = new URL('/.well-known/revoked-sessions', t.server.url);
    const before = (await (await fetch(feed)).json()) as { now: string; revoked: Array<{ sid: string }> };
    expect(before.revoked.map((r) => r.sid)).not.toContain(sessionId);
    await client.ok(SIGN_OUT);
    feed.searchParams.set('since', before.now);
    const after = (await (await fetch(feed)).json()) as {
      revoked: Array<{ sid: string; until: string }>;
    };
    const entry = after.revoked.find((r) => r.sid === sessionId);
    expect(Object.keys(entry!)).toEqual(['sid', 'until']);
    expect(Date.parse(entry!.until)).toBeGreaterThan(
      Date.now() + (t.env.ACCESS_TOKEN_TTL_SECONDS - 60) * 1000,
    );
  });
});

describe('access tokens', () => {
  const meWith = (token: string) => {
    const client = t.client();
    client.accessToken = token;
    return client.request(ME);
  };

  it('a valid token reads me', async () => {
    const result = await meWith(await t.tokenFor(principal));
    expect(result.data).toEqual({ me: { accountId: person.id, displayName: '令牌测试' } });
  });

  it('an expired token is UNAUTHENTICATED (reason expired)', async () => {
    const expired = await t.tokenFor(principal, -5);
    const error = expectError(await meWith(expired), 'UNAUTHENTICATED', /登录已过期，请重新登录/);
    expect(error.extensions?.reason).toBe('expired');
  });

  it('a token signed with another Ed25519 key is UNAUTHENTICATED, even under the right key id', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ knd: 'PERSON', rol: ['APPLICANT'], nam: 'x' })
      .setProtectedHeader({ alg: 'EdDSA', kid: t.server.deps.signingKey.kid })
      .setSubject(person.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    const error = expectError(await meWith(forged), 'UNAUTHENTICATED', /登录凭证无效，请重新登录/);
    expect(error.extensions?.reason).toBe('invalid');
  });

  it('an unsigned token (alg none) is UNAUTHENTICATED', async () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
      sub: person.id,
      knd: 'STAFF',
      rol: ['BUREAU_REVIEWER'],
      nam: 'x',
      iss: ACCESS_TOKEN_ISSUER,
      aud: ACCESS_TOKEN_AUDIENCE,
      iat: now,
      exp: now + 300,
    })}.`;
    expectError(await meWith(unsigned), 'UNAUTHENTICATED', /登录凭证无效/);
  });

  it('a token for another audience, garbage, or a non-Bearer header is UNAUTHENTICATED', async () => {
    const otherAudience = await new SignJWT({ knd: 'PERSON', rol: ['APPLICANT'], nam: 'x' })
      .setProtectedHeader({ alg: 'EdDSA', kid: t.server.deps.signingKey.kid })
      .setSubject(person.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience('somebody-else')
      .setExpirationTime('5m')
      .sign(t.server.deps.signingKey.privateKey);
    expectError(await meWith(otherAudience), 'UNAUTHENTICATED');
    expectError(await meWith('garbage'), 'UNAUTHENTICATED');

    const response = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: ME }),
    });
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/登录凭证格式错误，请重新登录/);
  });

  it('the JWKS serves the public key only, and it verifies issued tokens', async () => {
    const response = await fetch(t.server.jwksUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const jwks = (await response.json()) as { keys: JWK[] };
    expect(jwks.keys).toHaveLength(1);
    const [key] = jwks.keys;
    expect(key).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
      use: 'sig',
      kid: t.server.deps.signingKey.kid,
    });
    expect(key).not.toHaveProperty('d');
    expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);

    const client = await signedIn();
    const token = client.accessToken!;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'EdDSA', kid: key.kid });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    expect(payload).toMatchObject({ sub: person.id, knd: 'PERSON', rol: ['APPLICANT'] });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(t.env.ACCESS_TOKEN_TTL_SECONDS);
  });
});
