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
  /** Third-party clients only. */
  scopes?: string[];
}

/** The claims identity puts into an access token, kept short so tokens stay small. */
export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  knd: AccountKind;
  rol: Role[];
  nam: string;
  unt?: string;
  org?: string;
  scp?: string[];
}

export function claimsToPrincipal(claims: AccessTokenClaims): Principal {
  return {
    accountId: claims.sub,
    kind: claims.knd,
    roles: claims.rol ?? [],
    displayName: claims.nam ?? '',
    unitId: claims.unt,
    organisationId: claims.org,
    scopes: claims.scp,
  };
}

export type AuthFailure = {
  code: typeof ErrorCode.UNAUTHENTICATED;
  message: string;
  reason: 'expired' | 'invalid';
};

export type AuthResult = { principal: Principal | null; failure: AuthFailure | null };

export interface TokenVerifier {
  /** Verifies an `Authorization` header value. No header is not a failure: the caller is anonymous. */
  verifyHeader(header: string | undefined): Promise<AuthResult>;
}

/**
 * Verifies EdDSA access tokens against identity's JWKS. Every subgraph verifies again, even
 * behind the gateway: subgraphs are not trusted to be unreachable.
 */
export function createTokenVerifier(
  source: { jwksUrl: string } | { jwks: JSONWebKeySet },
  options: { cacheSize?: number; now?: () => number } = {},
): TokenVerifier {
  const keySet =
    'jwksUrl' in source
      ? createRemoteJWKSet(new URL(source.jwksUrl), { cooldownDuration: 5_000 })
      : createLocalJWKSet(source.jwks);
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
    async verifyHeader(header) {
      if (!header) return { principal: null, failure: null };
      const match = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (!match)
        return {
          principal: null,
          failure: { code: 'UNAUTHENTICATED', reason: 'invalid', message: '登录凭证格式错误，请重新登录' },
        };
      const token = match[1];
      const known = verified.get(token);
      if (known && known.expiresAtMs > now()) return { principal: known.principal, failure: null };
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
        return { principal, failure: null };
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
