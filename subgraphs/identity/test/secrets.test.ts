// Secrets at rest (issue 8, hole 13): the token-signing key and SMS texts are stored sealed with
// IDENTITY_DATA_KEY, SMS codes only as keyed hashes. These tests read the rows as someone with a
// copy of the database would.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { EnvError } from '@zhicheng/server-kit';
import { DataCipher, generateDataKey } from '../src/domain/secrets';
import { OutboxSmsSender } from '../src/domain/sms';
import { loadOrCreateSigningKey } from '../src/domain/tokens';
import { loadIdentityEnv } from '../src/env';
import { nextMobile, startTestIdentity, type TestIdentity } from './helpers';

let t: TestIdentity;
beforeAll(async () => {
  t = await startTestIdentity({ IDENTITY_DATA_KEY: generateDataKey() });
});
afterAll(() => t?.close());

describe('the token-signing key', () => {
  it('is stored sealed: no private key material in the row', async () => {
    const { rows } = await t.sql.query<{
      kid: string;
      private_jwk: Record<string, unknown>;
      public_jwk: { x: string };
    }>('select kid, private_jwk, public_jwk from identity.signing_key');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row.private_jwk)).toEqual(['sealed']);
      expect(row.private_jwk.sealed).toMatch(/^v1\./);
      expect(JSON.stringify(row.private_jwk)).not.toMatch(/"d"|"kty"|OKP|Ed25519/);
      expect(JSON.stringify(row.private_jwk)).not.toContain(row.public_jwk.x);
    }
  });

  it('a key stored in plain text by an older version is sealed at the next start, and still signs', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = randomUUID();
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA', use: 'sig' };
    await t.sql.query(
      `insert into identity.signing_key (kid, private_jwk, public_jwk, created_at) values ($1, $2, $3, now() + interval '1 second')`,
      [kid, JSON.stringify(privateJwk), JSON.stringify({ ...(await exportJWK(publicKey)), kid })],
    );
    const active = await t.withEm((em) =>
      loadOrCreateSigningKey(em, t.server.deps.cipher, { production: true }),
    );
    expect(active.kid).toBe(kid);
    const { rows } = await t.sql.query('select private_jwk from identity.signing_key where kid = $1', [kid]);
    expect(JSON.stringify(rows[0].private_jwk)).not.toContain(privateJwk.d!);
    expect(Object.keys(rows[0].private_jwk)).toEqual(['sealed']);
    await t.sql.query('delete from identity.signing_key where kid = $1', [kid]);
  });

  it('in production a key sealed with another IDENTITY_DATA_KEY stops the start instead of being replaced', async () => {
    const other = new DataCipher(randomBytes(32));
    await expect(t.withEm((em) => loadOrCreateSigningKey(em, other, { production: true }))).rejects.toThrow(
      /IDENTITY_DATA_KEY/,
    );
  });

  it('production refuses to start without IDENTITY_DATA_KEY, or with a malformed one', () => {
    const base = { NODE_ENV: 'production', PORT: '0', DATABASE_URL: 'postgres://x@127.0.0.1/x' };
    expect(() => loadIdentityEnv(base)).toThrow(EnvError);
    expect(() => loadIdentityEnv(base)).toThrow(/IDENTITY_DATA_KEY: is required in production/);
    expect(() => loadIdentityEnv({ ...base, IDENTITY_DATA_KEY: 'short' })).toThrow(/32 bytes/);
    expect(loadIdentityEnv({ ...base, IDENTITY_DATA_KEY: generateDataKey() }).IDENTITY_DATA_KEY).toBeTruthy();
  });
});

describe('SMS codes and texts', () => {
  it('after delivery the outbox keeps no text and the code only as a keyed hash', async () => {
    const mobile = nextMobile();
    const code = await t.requestSmsCode(mobile, 'REGISTER_PERSON');
    const outbox = await t.sql.query('select * from identity.sms_outbox where mobile = $1', [mobile]);
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0].sealed_text).toBeNull();
    expect(outbox.rows[0].sent_at).not.toBeNull();
    expect(JSON.stringify(outbox.rows)).not.toContain(code);
    const codes = await t.sql.query<{ code_hash: string }>(
      'select * from identity.sms_code where mobile = $1',
      [mobile],
    );
    expect(JSON.stringify(codes.rows)).not.toContain(code);
    // Not a plain hash that trying the 10^6 codes would undo.
    const plain = createHash('sha256').update(`REGISTER_PERSON:${mobile}:${code}`).digest('hex');
    expect(codes.rows[0].code_hash).not.toBe(plain);
  });

  it('a message waiting for a provider is kept sealed, not in plain text', async () => {
    const mobile = nextMobile();
    const cipher = t.server.deps.cipher;
    const text = '【职称申报】验证码 123456，5分钟内有效。';
    await t.withEm((em) => new OutboxSmsSender(cipher, null).send(em, mobile, text));
    const { rows } = await t.sql.query<{ id: string; sealed_text: string; sent_at: Date | null }>(
      'select id, sealed_text, sent_at from identity.sms_outbox where mobile = $1',
      [mobile],
    );
    expect(rows[0].sent_at).toBeNull();
    expect(rows[0].sealed_text).not.toContain('123456');
    expect(cipher.decrypt(rows[0].sealed_text, rows[0].id)).toBe(text);
  });
});
