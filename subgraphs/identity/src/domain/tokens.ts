import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  unauthenticated,
  type AccessTokenClaims,
  type EntityManager,
  type Logger,
  type Principal,
} from '@zhicheng/server-kit';
import { DB_SCHEMA } from '../db-schema';
import { AuthSession, SigningKey, type AccountKind } from '../entities';
import type { DataCipher } from './secrets';

export interface ActiveKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
}

/**
 * Loads the newest signing key, creating the first one under an advisory lock so replicas that
 * start together agree on one key. The private key is stored only sealed with IDENTITY_DATA_KEY
 * (a key stored in plain text by an older version is sealed on the way). A key that no longer
 * opens (IDENTITY_DATA_KEY changed) stops the start in production; elsewhere it is retired and
 * a new one made, which only signs everyone out.
 */
export async function loadOrCreateSigningKey(
  em: EntityManager,
  cipher: DataCipher,
  options: { production: boolean; logger?: Logger },
): Promise<ActiveKey> {
  return em.transactional(async (tx) => {
    await tx.getConnection().execute(`select pg_advisory_xact_lock(hashtext('identity.signing_key'))`);
    let key = await tx.findOne(SigningKey, { retiredAt: null }, { orderBy: { createdAt: 'desc' } });
    let privateJwk: JWK | null = null;
    if (key) {
      const stored = key.privateJwk as unknown as { sealed?: unknown } & JWK;
      if (typeof stored.sealed === 'string') {
        try {
          privateJwk = JSON.parse(cipher.decrypt(stored.sealed, key.kid)) as JWK;
        } catch {
          if (options.production)
            throw new Error(
              'the token-signing key cannot be decrypted: is IDENTITY_DATA_KEY the one it was sealed with?',
            );
          options.logger?.warn(
            { kid: key.kid },
            'signing key sealed with another IDENTITY_DATA_KEY: retired, a new one is made',
          );
          key.retiredAt = new Date();
          key = null;
        }
      } else {
        privateJwk = stored;
        key.privateJwk = { sealed: cipher.encrypt(JSON.stringify(stored), key.kid) };
      }
    }
    if (!key || !privateJwk) {
      const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const kid = randomUUID();
      privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA', use: 'sig' };
      key = tx.create(SigningKey, {
        kid,
        privateJwk: { sealed: cipher.encrypt(JSON.stringify(privateJwk), kid) },
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' },
      });
      tx.persist(key);
    }
    await tx.flush();
    return { kid: key.kid, privateKey: await importJWK(privateJwk, 'EdDSA') };
  });
}

/** The public keys a verifier needs: the current one and retired ones still in their grace time. */
export async function publishedKeys(em: EntityManager, graceSeconds: number): Promise<{ keys: JWK[] }> {
  const since = new Date(Date.now() - graceSeconds * 1000);
  const keys = await em.find(SigningKey, { $or: [{ retiredAt: null }, { retiredAt: { $gt: since } }] });
  return { keys: keys.map((k) => k.publicJwk as unknown as JWK) };
}

export async function signAccessToken(
  key: ActiveKey,
  principal: Principal,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const claims: Omit<AccessTokenClaims, 'sub'> = {
    knd: principal.kind,
    rol: principal.roles,
    nam: principal.displayName,
    ...(principal.unitId ? { unt: principal.unitId } : {}),
    ...(principal.organisationId ? { org: principal.organisationId } : {}),
    ...(principal.regionCode ? { rgn: principal.regionCode } : {}),
    ...(principal.scopes ? { scp: principal.scopes } : {}),
    // Verifiers refuse the tokens of a signed-out session (the revocation feed names it).
    ...(principal.sessionId ? { sid: principal.sessionId } : {}),
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setSubject(principal.accountId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key.privateKey);
  return { token, expiresAt };
}

/** The longest a client token may live (env CLIENT_TOKEN_TTL_SECONDS is at most this). */
const CLIENT_TOKEN_TTL_MAX_SECONDS = 3600;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface RefreshToken {
  token: string;
  session: AuthSession;
}

/** How long a refresh chain may live: sliding `ttlSeconds`, never past `absoluteSeconds` after sign-in. */
export interface SessionLifetime {
  ttlSeconds: number;
  absoluteSeconds: number;
}

export async function openSession(
  em: EntityManager,
  account: { kind: AccountKind; id: string },
  lifetime: SessionLifetime,
  meta: { userAgent?: string; ip?: string },
  family: { id: string; signedInAt: Date } = { id: randomUUID(), signedInAt: new Date() },
): Promise<RefreshToken> {
  const token = randomBytes(32).toString('base64url');
  const sliding = Date.now() + lifetime.ttlSeconds * 1000;
  const absolute = family.signedInAt.getTime() + lifetime.absoluteSeconds * 1000;
  const session = em.create(AuthSession, {
    accountKind: account.kind,
    accountId: account.id,
    familyId: family.id,
    tokenHash: sha256(token),
    signedInAt: family.signedInAt,
    expiresAt: new Date(Math.min(sliding, absolute)),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  await em.persistAndFlush(session);
  return { token, session };
}

/**
 * Exchanges a refresh token for a new one. A token that was already rotated or revoked means
 * it was copied: the whole family is revoked and the caller must sign in again.
 */
export async function rotateSession(
  em: EntityManager,
  token: string,
  lifetime: SessionLifetime,
  meta: { userAgent?: string; ip?: string },
): Promise<RefreshToken> {
  const rotated = await em.transactional(async (tx) => {
    const current = await tx.findOne(
      AuthSession,
      { tokenHash: sha256(token) },
      { lockMode: 4 /* PESSIMISTIC_WRITE */ },
    );
    if (!current) throw unauthenticated('登录已失效，请重新登录');
    if (current.revokedAt || current.rotatedAt) {
      // Refused after the commit below: throwing here would roll the revocation back.
      await revokeFamily(tx, current.familyId);
      return null;
    }
    if (current.expiresAt <= new Date()) throw unauthenticated('登录已过期，请重新登录');
    if (current.signedInAt.getTime() + lifetime.absoluteSeconds * 1000 <= Date.now())
      throw unauthenticated('登录已超过最长有效期，请重新登录');
    current.rotatedAt = new Date();
    // The new token keeps the family's sign-in time: the chain ends at the absolute lifetime.
    return openSession(tx, { kind: current.accountKind, id: current.accountId }, lifetime, meta, {
      id: current.familyId,
      signedInAt: current.signedInAt,
    });
  });
  if (!rotated) throw unauthenticated('登录已失效，请重新登录');
  return rotated;
}

export async function findSessionByToken(em: EntityManager, token: string): Promise<AuthSession | null> {
  return em.findOne(AuthSession, { tokenHash: sha256(token) });
}

export async function revokeFamily(em: EntityManager, familyId: string): Promise<void> {
  await em.nativeUpdate(AuthSession, { familyId, revokedAt: null }, { revokedAt: new Date() });
}

/**
 * The revocation feed every token verifier follows (server-kit's RevocationList): sessions
 * revoked since `since` (with a few seconds' overlap for clocks and late commits), each with the
 * time its last access token expires. Older revocations no longer matter: their tokens expired.
 */
export async function revokedSessions(
  em: EntityManager,
  accessTokenTtlSeconds: number,
  since?: string,
): Promise<{ now: string; revoked: Array<{ sid: string; until: string }> }> {
  const sinceDate = since && !Number.isNaN(Date.parse(since)) ? new Date(since) : null;
  const rows: Array<{ sid: string; until: Date; now: Date }> = await em.getConnection().execute(
    `select s.family_id as sid, max(s.revoked_at) + make_interval(secs => ?) as until, now() as now
       from ${DB_SCHEMA}.auth_session s
      where s.revoked_at > now() - make_interval(secs => ?)
        and (?::timestamptz is null or s.revoked_at > ?::timestamptz - interval '5 seconds')
      group by s.family_id
     union all
     -- Revoked third-party clients: their tokens carry the client id as sid (domain/clients.ts).
     select c.id as sid, c.revoked_at + make_interval(secs => ?) as until, now() as now
       from ${DB_SCHEMA}.api_client c
      where c.revoked_at > now() - make_interval(secs => ?)
        and (?::timestamptz is null or c.revoked_at > ?::timestamptz - interval '5 seconds')`,
    [
      accessTokenTtlSeconds + 60,
      accessTokenTtlSeconds + 60,
      sinceDate,
      sinceDate,
      CLIENT_TOKEN_TTL_MAX_SECONDS + 60,
      CLIENT_TOKEN_TTL_MAX_SECONDS + 60,
      sinceDate,
      sinceDate,
    ],
  );
  const now = rows[0]?.now ?? (await em.getConnection().execute(`select now() as now`))[0].now;
  return {
    now: new Date(now).toISOString(),
    revoked: rows.map((row) => ({ sid: row.sid, until: new Date(row.until).toISOString() })),
  };
}

export async function revokeAccountSessions(
  em: EntityManager,
  kind: AccountKind,
  accountId: string,
): Promise<void> {
  await em.nativeUpdate(
    AuthSession,
    { accountKind: kind, accountId, revokedAt: null },
    { revokedAt: new Date() },
  );
}
