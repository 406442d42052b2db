import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import { appError, ErrorCode, forbidden, unauthenticated } from './errors';

export const ACCESS_TOKEN_ISSUER = 'zhicheng-identity';
export const ACCESS_TOKEN_AUDIENCE = 'zhicheng';

export const AccountKind = {
  PERSON: 'PERSON',
  LEGAL_PERSON: 'LEGAL_PERSON',
  AGENT: 'AGENT',
  STAFF: 'STAFF',
  CLIENT: 'CLIENT',
} as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];

export const Role = {
  APPLICANT: 'APPLICANT',
  LEGAL_PERSON: 'LEGAL_PERSON',
  UNIT_AGENT: 'UNIT_AGENT',
  DEPARTMENT_REVIEWER: 'DEPARTMENT_REVIEWER',
  BUREAU_REVIEWER: 'BUREAU_REVIEWER',
  COMMITTEE_SECRETARY: 'COMMITTEE_SECRETARY',
  /** A bureau's 机构与人员 administrator: its own organisation and everything below it. */
  ORGANISATION_ADMIN: 'ORGANISATION_ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Who is calling, as carried by a verified access token. */
export interface Principal {
  accountId: string;
  kind: AccountKind;
  roles: Role[];
  displayName: string;
  /** The unit of a legal person or an agent. */
  unitId?: string;
  /** The organisation (bureau, department, committee) of a staff member. */
  organisationId?: string;
  /** GB/T 2260 code of the area a staff member's organisation serves (a bureau's jurisdiction). */
  regionCode?: string;
  /** Third-party clients only. */
  scopes?: string[];
  /** The sign-in (refresh-token family) the token belongs to: sign-out revokes it. */
  sessionId?: string;
}

/** The claims identity puts into an access token, kept short so tokens stay small. */
export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  knd: AccountKind;
  rol: Role[];
  nam: string;
  unt?: string;
  org?: string;
  /** The staff organisation's region code (GB/T 2260). */
  rgn?: string;
  scp?: string[];
  /** The sign-in session (refresh-token family); revoked at sign-out. */
  sid?: string;
}

export function claimsToPrincipal(claims: AccessTokenClaims): Principal {
  return {
    accountId: claims.sub,
    kind: claims.knd,
    roles: claims.rol ?? [],
    displayName: claims.nam ?? '',
    unitId: claims.unt,
    organisationId: claims.org,
    regionCode: claims.rgn,
    scopes: claims.scp,
    sessionId: claims.sid,
  };
}

export type AuthFailure = {
  code: typeof ErrorCode.UNAUTHENTICATED;
  message: string;
  reason: 'expired' | 'invalid' | 'revoked';
};

export type AuthResult = {
  principal: Principal | null;
  failure: AuthFailure | null;
  /** When the presented token expires (ms since the epoch): open sockets close then. */
  expiresAtMs?: number;
};

export interface TokenVerifier {
  /** Verifies an `Authorization` header value. No header is not a failure: the caller is anonymous. */
  verifyHeader(header: string | undefined): Promise<AuthResult>;
  /** Calls `listener` with each session id revoked from now on (sockets of that session close). */
  onRevoked?(listener: (sessionId: string) => void): () => void;
  /** Stops following revocations. */
  close?(): void;
}

/** Sessions signed out, as identity publishes them: each until its last access token expired. */
export interface RevocationFeed {
  /** Revocations since `since` (all still relevant ones when absent); `now` is the next `since`. */
  fetch(since: string | undefined): Promise<{ now: string; revoked: Array<{ sid: string; until: string }> }>;
}

/** Where identity publishes revocations, next to its JWKS (same origin). */
export const REVOCATIONS_PATH = '/.well-known/revoked-sessions';

export function httpRevocationFeed(url: string): RevocationFeed {
  return {
    async fetch(since) {
      const target = new URL(url);
      if (since) target.searchParams.set('since', since);
      const response = await fetch(target, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`revocation feed answered ${response.status}`);
      return (await response.json()) as { now: string; revoked: Array<{ sid: string; until: string }> };
    },
  };
}

export const REVOKED_MESSAGE = '您已退出登录或登录已失效，请重新登录';

/**
 * The revoked session ids this process knows, each kept until the access tokens of that session
 * have expired. Fed by polling identity's feed (every process that verifies tokens, without
 * reading identity's tables) and, in identity itself, directly at sign-out.
 */
export class RevocationList {
  private readonly until = new Map<string, number>();
  private readonly listeners = new Set<(sessionId: string) => void>();
  private since: string | undefined;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private failing = false;
  private firstLoad: Promise<void> | null = null;

  constructor(
    private readonly feed: RevocationFeed | null,
    private readonly options: {
      pollMs?: number;
      now?: () => number;
      onError?: (error: unknown) => void;
    } = {},
  ) {}

  /** Loads the revocations still relevant, then follows new ones every `pollMs` (default 1 s). */
  start(): void {
    if (!this.feed || this.timer) return;
    this.firstLoad = this.poll();
    const tick = () => {
      void this.poll().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.options.pollMs ?? 1_000).unref();
      });
    };
    this.timer = setTimeout(tick, this.options.pollMs ?? 1_000).unref();
  }

  /**
   * Resolves once the revocations still relevant were loaded at start (or after `waitMs`, when
   * identity is slow or down), so a token signed out before this process started is refused
   * from its first request.
   */
  async loaded(waitMs = 2_000): Promise<void> {
    if (!this.firstLoad) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.firstLoad,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    this.firstLoad = null;
  }

  /** Fetches what was revoked since the last poll (tests call it to skip the wait). */
  poll(): Promise<void> {
    if (!this.feed) return Promise.resolve();
    this.polling ??= this.feed
      .fetch(this.since)
      .then(({ now, revoked }) => {
        this.since = now;
        this.failing = false;
        for (const entry of revoked) this.add(entry.sid, Date.parse(entry.until));
      })
      .catch((error: unknown) => {
        // Keep accepting tokens while identity is unreachable (it also cannot sign new ones);
        // say so once, not every second.
        if (!this.failing) this.options.onError?.(error);
        this.failing = true;
      })
      .finally(() => {
        this.polling = null;
      });
    return this.polling;
  }

  add(sessionId: string, untilMs: number): void {
    const now = (this.options.now ?? Date.now)();
    for (const [id, until] of this.until) if (until <= now) this.until.delete(id);
    if (untilMs <= now) return;
    const known = this.until.has(sessionId);
    this.until.set(sessionId, Math.max(untilMs, this.until.get(sessionId) ?? 0));
    if (!known) for (const listener of this.listeners) listener(sessionId);
  }

  has(sessionId: string | undefined): boolean {
    return sessionId !== undefined && this.until.has(sessionId);
  }

  onRevoked(listener: (sessionId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * Verifies EdDSA access tokens against identity's JWKS. Every subgraph verifies again, even
 * behind the gateway: subgraphs are not trusted to be unreachable.
 */
export function createTokenVerifier(
  source: { jwksUrl: string } | { jwks: JSONWebKeySet },
  options: {
    cacheSize?: number;
    now?: () => number;
    /**
     * Signed-out sessions to refuse. Default with `jwksUrl`: identity's feed at the same origin
     * (REVOCATIONS_PATH), polled every second; `null` turns it off.
     */
    revocations?: RevocationList | null;
    onRevocationFeedError?: (error: unknown) => void;
  } = {},
): TokenVerifier {
  const keySet =
    'jwksUrl' in source
      ? createRemoteJWKSet(new URL(source.jwksUrl), { cooldownDuration: 5_000 })
      : createLocalJWKSet(source.jwks);
  const revocations =
    options.revocations !== undefined
      ? options.revocations
      : 'jwksUrl' in source
        ? new RevocationList(httpRevocationFeed(new URL(REVOCATIONS_PATH, source.jwksUrl).href), {
            now: options.now,
            onError: options.onRevocationFeedError,
          })
        : null;
  revocations?.start();
  const revokedFailure: AuthResult = {
    principal: null,
    failure: { code: 'UNAUTHENTICATED', reason: 'revoked', message: REVOKED_MESSAGE },
  };
  // One page load sends the same token to the gateway and to every subgraph fetch of its plan
  // (eight signature checks for the applicant's home page). A verified token stays valid until
  // its expiry, so each process remembers it until then; the cache is bounded and drops the
  // oldest entries first.
  const cacheSize = options.cacheSize ?? 10_000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  const remember = (token: string, principal: Principal, exp: number | undefined) => {
    if (cacheSize <= 0 || exp === undefined) return;
    if (verified.size >= cacheSize) verified.delete(verified.keys().next().value as string);
    verified.set(token, { principal, expiresAtMs: exp * 1000 });
  };
  return {
    onRevoked: (listener) => revocations?.onRevoked(listener) ?? (() => undefined),
    close: () => revocations?.stop(),
    async verifyHeader(header) {
      if (!header) return { principal: null, failure: null };
      const match = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (!match)
        return {
          principal: null,
          failure: { code: 'UNAUTHENTICATED', reason: 'invalid', message: '登录凭证格式错误，请重新登录' },
        };
      const token = match[1];
      await revocations?.loaded();
      const known = verified.get(token);
      if (known && known.expiresAtMs > now()) {
        // Remembered tokens are checked against revocations too: sign-out ends them at once.
        if (revocations?.has(known.principal.sessionId)) return revokedFailure;
        return { principal: known.principal, failure: null, expiresAtMs: known.expiresAtMs };
      }
      if (known) verified.delete(token);
      try {
        const { payload } = await jwtVerify<AccessTokenClaims>(token, keySet, {
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
          algorithms: ['EdDSA'],
          currentDate: new Date(now()),
        });
        const principal = claimsToPrincipal(payload);
        remember(token, principal, payload.exp);
        if (revocations?.has(principal.sessionId)) return revokedFailure;
        return {
          principal,
          failure: null,
          ...(payload.exp !== undefined ? { expiresAtMs: payload.exp * 1000 } : {}),
        };
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) {
          return {
            principal: null,
            failure: { code: 'UNAUTHENTICATED', reason: 'expired', message: '登录已过期，请重新登录' },
          };
        }
        return {
          principal: null,
          failure: { code: 'UNAUTHENTICATED', reason: 'invalid', message: '登录凭证无效，请重新登录' },
        };
      }
    },
  };
}

/** The caller must be signed in; a presented but bad token is reported as such. */
export function requirePrincipal(auth: AuthResult): Principal {
  if (auth.principal) return auth.principal;
  if (auth.failure)
    throw appError(ErrorCode.UNAUTHENTICATED, auth.failure.message, { reason: auth.failure.reason });
  throw unauthenticated();
}

export function requireRole(auth: AuthResult, ...roles: Role[]): Principal {
  const principal = requirePrincipal(auth);
  if (!roles.some((role) => principal.roles.includes(role))) throw forbidden();
  return principal;
}
