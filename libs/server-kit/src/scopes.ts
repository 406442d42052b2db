// What a third-party system's client (OAuth 2.0 client credentials, issued by identity) may do.
// A client token carries kind CLIENT, no roles, its unit or organisation and these scopes; every
// resolver a client may call checks its scope in domain code, and every other one refuses it
// (role checks fail: a client has no role).
import { appError, ErrorCode } from './errors';
import type { AuthResult, Principal } from './auth';
import { requirePrincipal } from './auth';

export const ApiScope = {
  /** 证书核验: verify certificates (by number and name, or a credential). */
  CERTIFICATES_VERIFY: 'certificates:verify',
  /** The client's own unit's binding requests and their decisions. */
  BINDINGS_READ: 'bindings:read',
  /** The unit's (a bureau's: its region's) declarations with their status and contents. */
  DECLARATIONS_READ: 'declarations:read',
  /** Live status of those declarations (graphql-ws subscriptions). */
  DECLARATIONS_SUBSCRIBE: 'declarations:subscribe',
  /** 申报通知: published notices. */
  NOTICES_READ: 'notices:read',
} as const;
export type ApiScope = (typeof ApiScope)[keyof typeof ApiScope];

export const API_SCOPES: readonly ApiScope[] = Object.values(ApiScope);

/** The scope's name as people read it (management pages, refusals). */
export const SCOPE_WORDS: Record<ApiScope, { zh: string; en: string }> = {
  'certificates:verify': { zh: '核验证书', en: 'Verify certificates' },
  'bindings:read': { zh: '查询本单位绑定申请', en: 'Read the unit’s binding requests' },
  'declarations:read': { zh: '查询申报及其状态', en: 'Read declarations and their status' },
  'declarations:subscribe': { zh: '订阅申报状态', en: 'Subscribe to declaration status' },
  'notices:read': { zh: '查询申报通知', en: 'Read notices' },
};

export const isClient = (principal: Principal | null | undefined): principal is Principal =>
  principal?.kind === 'CLIENT';

/** Whether `principal` is a client holding `scope`. */
export const hasScope = (principal: Principal | null | undefined, scope: ApiScope): boolean =>
  isClient(principal) && (principal.scopes ?? []).includes(scope);

/** The refusal a client gets for an operation outside its scopes (FORBIDDEN, reason INSUFFICIENT_SCOPE). */
export const insufficientScope = (scope: ApiScope) =>
  appError(
    ErrorCode.FORBIDDEN,
    `该接口客户端没有“${SCOPE_WORDS[scope].zh}”（${scope}）权限，请让管理员为客户端添加该权限后重新获取访问令牌`,
    { reason: 'INSUFFICIENT_SCOPE', scope },
  );

/**
 * For operations open to clients: a client must hold `scope` (else FORBIDDEN with
 * reason INSUFFICIENT_SCOPE); other callers pass through unchanged to the usual checks.
 */
export function assertClientScope(principal: Principal | null | undefined, scope: ApiScope): void {
  if (isClient(principal) && !hasScope(principal, scope)) throw insufficientScope(scope);
}

/** A signed-in client with `scope`, for operations only clients use. */
export function requireClientScope(auth: AuthResult, scope: ApiScope): Principal {
  const principal = requirePrincipal(auth);
  assertClientScope(principal, scope);
  return principal;
}
