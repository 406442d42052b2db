// Token verification: what a subgraph accepts, and that remembering verified tokens (one page
// load checks the same token many times) never accepts a token longer or more widely than the
// signature check would.
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type KeyLike } from 'jose';
import { EventEmitter } from 'node:events';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  createTokenVerifier,
  RevocationList,
  type RevocationFeed,
} from '../src/auth';
import { closeWhenTokenEnds } from '../src/subscriptions';

let jwks: JSONWebKeySet;
let privateKey: KeyLike;

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { extractable: true });
  privateKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' }] };
});

async function token(expiresAtSeconds: number, subject = 'person-1', sid?: string) {
  return new SignJWT({ knd: 'PERSON', rol: ['APPLICANT'], nam: '张伟', ...(sid ? { sid } : {}) })
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

describe('revoked sessions (sign-out)', () => {
  /** A feed the test fills, as identity's /.well-known/revoked-sessions would. */
  function fakeFeed() {
    const revoked: Array<{ sid: string; until: string }> = [];
    const feed: RevocationFeed = {
      fetch: async () => ({ now: new Date().toISOString(), revoked: [...revoked] }),
    };
    return {
      feed,
      revoke: (sid: string) => revoked.push({ sid, until: new Date(Date.now() + 900_000).toISOString() }),
    };
  }

  test('a token of a revoked session is refused, even when it was remembered; other sessions pass', async () => {
    const { feed, revoke } = fakeFeed();
    const revocations = new RevocationList(feed);
    const verifier = createTokenVerifier({ jwks }, { revocations });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const mine = await token(exp, 'person-1', 'session-1');
    const other = await token(exp, 'person-1', 'session-2');
    expect((await verifier.verifyHeader(`Bearer ${mine}`)).principal?.sessionId).toBe('session-1');
    revoke('session-1');
    await revocations.poll();
    expect(await verifier.verifyHeader(`Bearer ${mine}`)).toMatchObject({
      principal: null,
      failure: { code: 'UNAUTHENTICATED', reason: 'revoked' },
    });
    expect((await verifier.verifyHeader(`Bearer ${other}`)).principal?.sessionId).toBe('session-2');
  });

  test('revocations from before the start are loaded before the first token is accepted', async () => {
    const { feed, revoke } = fakeFeed();
    revoke('signed-out-earlier');
    const revocations = new RevocationList(feed);
    const verifier = createTokenVerifier({ jwks }, { revocations });
    const value = await token(Math.floor(Date.now() / 1000) + 600, 'p', 'signed-out-earlier');
    expect((await verifier.verifyHeader(`Bearer ${value}`)).failure?.reason).toBe('revoked');
    verifier.close?.();
  });

  test('a revocation is forgotten once its tokens have expired; listeners hear each new one once', async () => {
    let clock = Date.now();
    const list = new RevocationList(null, { now: () => clock });
    const heard: string[] = [];
    list.onRevoked((sid) => heard.push(sid));
    list.add('s1', clock + 1_000);
    list.add('s1', clock + 2_000);
    expect(list.has('s1')).toBe(true);
    clock += 3_000;
    list.add('s2', clock + 1_000);
    expect(list.has('s1')).toBe(false);
    expect(heard).toEqual(['s1', 's2']);
  });

  test('with a JWKS URL the verifier follows identity’s feed at the same origin', async () => {
    const http = await import('node:http');
    const revokedSid = 'session-from-feed';
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/.well-known/revoked-sessions')) {
        res.end(
          JSON.stringify({
            now: new Date().toISOString(),
            revoked: [{ sid: revokedSid, until: new Date(Date.now() + 600_000).toISOString() }],
          }),
        );
      } else res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    const verifier = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` });
    try {
      const value = await token(Math.floor(Date.now() / 1000) + 600, 'p', revokedSid);
      let result = await verifier.verifyHeader(`Bearer ${value}`);
      for (let i = 0; i < 20 && !result.failure; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        result = await verifier.verifyHeader(`Bearer ${value}`);
      }
      expect(result.failure?.reason).toBe('revoked');
    } finally {
      verifier.close?.();
      server.close();
    }
  });
});

describe('sockets do not outlive their token', () => {
  class FakeSocket extends EventEmitter {
    closedWith: { code: number; reason: string } | null = null;
    close(code: number, reason: string) {
      this.closedWith ??= { code, reason };
      this.emit('close');
    }
  }

  test('closed with 4401 when the token expires', async () => {
    const verifier = createTokenVerifier({ jwks });
    const auth = await verifier.verifyHeader(`Bearer ${await token(Math.floor(Date.now() / 1000) + 60)}`);
    const socket = new FakeSocket();
    closeWhenTokenEnds(socket, { ...auth, expiresAtMs: Date.now() + 50 }, verifier);
    expect(socket.closedWith).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(socket.closedWith).toEqual({
      code: 4401,
      reason: expect.stringMatching(/^UNAUTHENTICATED: 登录已过期/),
    });
  });

  test('closed with 4401 at once when its session is signed out; other sessions stay open', async () => {
    const revocations = new RevocationList(null);
    const verifier = createTokenVerifier({ jwks }, { revocations });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const mine = new FakeSocket();
    const other = new FakeSocket();
    closeWhenTokenEnds(
      mine,
      await verifier.verifyHeader(`Bearer ${await token(exp, 'p', 's-mine')}`),
      verifier,
    );
    closeWhenTokenEnds(
      other,
      await verifier.verifyHeader(`Bearer ${await token(exp, 'p', 's-other')}`),
      verifier,
    );
    revocations.add('s-mine', Date.now() + 600_000);
    expect(mine.closedWith).toEqual({ code: 4401, reason: expect.stringMatching(/^UNAUTHENTICATED: /) });
    expect(other.closedWith).toBeNull();
    other.close(1000, 'done');
  });
});
