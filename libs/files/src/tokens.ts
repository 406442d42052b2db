import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenFailure = 'TOKEN_EXPIRED' | 'TOKEN_INVALID';

/** A token that is not ours, was altered, or has expired. */
export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
  constructor(readonly code: TokenFailure) {
    super(
      code === 'TOKEN_EXPIRED' ? '链接已过期，请返回页面重新操作' : '链接无效或已被修改，请返回页面重新操作',
    );
  }
}

export interface TokenOptions {
  /** The clock, for tests; defaults to now. */
  now?: Date;
}

const MIN_SECRET_BYTES = 32;

function keyOf(secret: string | Buffer): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  // A short secret is a deployment mistake, not a person's: fail loudly.
  if (key.length < MIN_SECRET_BYTES)
    throw new Error(`signing secret must be at least ${MIN_SECRET_BYTES} bytes (FILES_SIGNING_SECRET)`);
  return key;
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();

/**
 * `<base64url(JSON {p: payload, e: expiry in unix seconds})>.<base64url(HMAC-SHA256)>`: safe in
 * a URL path segment, readable by nobody but its issuer's checks, valid for `ttlSeconds`.
 * Put a purpose in the payload (e.g. `{ kind: 'upload', ... }` vs `{ kind: 'download', ... }`)
 * and check it after verifying, so one kind of token can never stand in for the other.
 */
export function signToken<T>(
  secret: string | Buffer,
  payload: T,
  ttlSeconds: number,
  options: TokenOptions = {},
): string {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) throw new Error('ttlSeconds must be positive');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const body = Buffer.from(JSON.stringify({ p: payload, e: now + Math.ceil(ttlSeconds) })).toString(
    'base64url',
  );
  return `${body}.${mac(keyOf(secret), body).toString('base64url')}`;
}

/** The payload of a token this secret signed and that has not expired; else TokenRejected. */
export function verifyToken<T = unknown>(
  secret: string | Buffer,
  token: string,
  options: TokenOptions = {},
): T {
  const key = keyOf(secret);
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1]))
    throw new TokenRejected('TOKEN_INVALID');
  const [body, signature] = parts;
  const expected = mac(key, body);
  const given = Buffer.from(signature, 'base64url');
  // Compare in constant time; lengths differ only for garbage, which says nothing secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new TokenRejected('TOKEN_INVALID');
  let decoded: { p?: unknown; e?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof decoded;
  } catch {
    throw new TokenRejected('TOKEN_INVALID');
  }
  if (typeof decoded?.e !== 'number' || !('p' in decoded)) throw new TokenRejected('TOKEN_INVALID');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (now >= decoded.e) throw new TokenRejected('TOKEN_EXPIRED');
  return decoded.p as T;
}
