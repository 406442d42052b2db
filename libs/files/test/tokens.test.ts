import { signToken, TokenRejected, verifyToken } from '../src';

const secret = 'a-test-secret-that-is-long-enough-32+';
const other = 'another-secret-that-is-long-enough-32+';
const now = new Date('2026-03-01T08:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

const rejection = (fn: () => unknown): TokenRejected => {
  try {
    fn();
  } catch (error) {
    if (error instanceof TokenRejected) return error;
    throw error;
  }
  throw new Error('expected the token to be rejected');
};

describe('signed tokens', () => {
  const payload = { kind: 'upload', declarationId: 'd-1', slot: 'ID_CARD', maxBytes: 2048000 };

  it('round-trips the payload while valid, and is safe in a URL path', () => {
    const token = signToken(secret, payload, 600, { now });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyToken(secret, token, { now: later(599) })).toEqual(payload);
  });

  it('expires after its time to live', () => {
    const token = signToken(secret, payload, 600, { now });
    const error = rejection(() => verifyToken(secret, token, { now: later(600) }));
    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(error.message).toBe('链接已过期，请返回页面重新操作');
  });

  it('rejects a token whose payload was altered', () => {
    const token = signToken(secret, payload, 600, { now });
    const [body, signature] = token.split('.');
    const forged = Buffer.from(
      Buffer.from(body, 'base64url').toString().replace('ID_CARD', 'PHOTO_X'),
    ).toString('base64url');
    expect(rejection(() => verifyToken(secret, `${forged}.${signature}`, { now })).code).toBe(
      'TOKEN_INVALID',
    );
  });

  it('rejects a longer expiry written into the token', () => {
    const token = signToken(secret, payload, 1, { now });
    const [body, signature] = token.split('.');
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString()) as { e: number };
    const extended = Buffer.from(JSON.stringify({ ...decoded, e: decoded.e + 86400 })).toString('base64url');
    expect(rejection(() => verifyToken(secret, `${extended}.${signature}`, { now })).code).toBe(
      'TOKEN_INVALID',
    );
  });

  it('rejects a changed signature, another secret and garbage', () => {
    const token = signToken(secret, payload, 600, { now });
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const candidate of [
      flipped,
      token.split('.')[0],
      `${token}.x`,
      '',
      '..',
      'not a token',
      `${token}=`,
    ])
      expect(rejection(() => verifyToken(secret, candidate, { now })).code).toBe('TOKEN_INVALID');
    expect(rejection(() => verifyToken(other, token, { now })).code).toBe('TOKEN_INVALID');
  });

  it('refuses a short secret and a non-positive time to live (deployment mistakes)', () => {
    expect(() => signToken('short', payload, 60)).toThrow('at least 32 bytes');
    expect(() => verifyToken('short', 'a.b')).toThrow('at least 32 bytes');
    expect(() => signToken(secret, payload, 0)).toThrow('ttlSeconds');
  });
});
