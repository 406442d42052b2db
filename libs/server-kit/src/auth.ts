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
export function createTokenVerifier(source: { jwksUrl: string } | { jwks: JSONWebKeySet }): TokenVerifier {
  const keySet =
    'jwksUrl' in source
      ? createRemoteJWKSet(new URL(source.jwksUrl), { cooldownDuration: 5_000 })
      : createLocalJWKSet(source.jwks);
  return {
    async verifyHeader(header) {
      if (!header) return { principal: null, failure: null };
      const match = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (!match)
        return {
          principal: null,
          failure: { code: 'UNAUTHENTICATED', reason: 'invalid', message: '登录凭证格式错误，请重新登录' },
        };
      try {
        const { payload } = await jwtVerify<AccessTokenClaims>(match[1], keySet, {
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
          algorithms: ['EdDSA'],
        });
        return { principal: claimsToPrincipal(payload), failure: null };
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
