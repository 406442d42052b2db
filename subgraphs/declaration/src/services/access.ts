// Who may read or change a declaration. Another person's declaration answers NOT_FOUND (never
// FORBIDDEN), so ids cannot be probed.
import {
  ApiScope,
  appError,
  assertClientScope,
  ErrorCode,
  hasScope,
  forbidden,
  notFound,
  requirePrincipal,
  Role,
  type AuthResult,
  type Principal,
} from '@zhicheng/server-kit';
import { hasSeat, type RouteLevelKind, type RouteSeat } from '../domain';
import { Declaration, DeclarationStatus } from '../entities';

export const DECLARATION_NOT_FOUND = '申报不存在或您无权查看';

/** Statuses after the applicant handed the declaration over (unit and reviewers may read it). */
export const SUBMITTED_OR_LATER: readonly DeclarationStatus[] = [
  DeclarationStatus.SUBMITTED,
  DeclarationStatus.RETURNED,
  DeclarationStatus.MATERIALS_APPROVED,
  DeclarationStatus.FINALLY_APPROVED,
  DeclarationStatus.TERMINATED,
];

/** The route level each reviewer role acts at (identity gives a staff account one role). */
const REVIEWER_LEVELS: ReadonlyArray<[Role, RouteLevelKind]> = [
  [Role.DEPARTMENT_REVIEWER, 'DEPARTMENT'],
  [Role.BUREAU_REVIEWER, 'BUREAU'],
  [Role.COMMITTEE_SECRETARY, 'COMMITTEE'],
];

/** A signed-in applicant (a person account); units and staff do not declare. */
export function requireApplicant(auth: AuthResult): Principal {
  const principal = requirePrincipal(auth);
  if (principal.kind !== 'PERSON' || !principal.roles.includes(Role.APPLICANT))
    throw forbidden('只有申报人本人可以办理申报');
  return principal;
}

export const isOwner = (principal: Principal | null | undefined, declaration: Declaration) =>
  principal?.kind === 'PERSON' && principal.accountId === declaration.applicantId;

export const isUnitAccount = (principal: Principal | null | undefined, unitId: string) =>
  (principal?.kind === 'LEGAL_PERSON' || principal?.kind === 'AGENT') && principal.unitId === unitId;

/** A unit's account or a unit's client with declarations:read, acting for `unitId`. */
export const readsForUnit = (principal: Principal | null | undefined, unitId: string) =>
  isUnitAccount(principal, unitId) ||
  (hasScope(principal, ApiScope.DECLARATIONS_READ) && principal?.unitId === unitId);

/** The route seat a staff token acts in (its organisation at its role's level), else null. */
export function reviewerSeatOf(principal: Principal | null | undefined): RouteSeat | null {
  if (principal?.kind !== 'STAFF' || !principal.organisationId) return null;
  const level = REVIEWER_LEVELS.find(([role]) => principal.roles.includes(role))?.[1];
  return level ? { level, organisationId: principal.organisationId } : null;
}

/**
 * Reading: the applicant always; once submitted, the unit's legal person and agents, and the
 * department, bureau and committee staff whose organisation has had the declaration on its route
 * (review's `reviewCase` lets exactly these read the case). Drafts stay private; any other
 * reviewer is told it does not exist.
 */
export function canRead(
  principal: Principal | null | undefined,
  declaration: Declaration,
  clientScope: ApiScope = ApiScope.DECLARATIONS_READ,
): boolean {
  if (declaration.deletedAt) return false;
  if (isOwner(principal, declaration)) return true;
  if (!SUBMITTED_OR_LATER.includes(declaration.status)) return false;
  if (principal?.kind === 'CLIENT') return clientMayRead(principal, declaration, clientScope);
  if (isUnitAccount(principal, declaration.unitId)) return true;
  const seat = reviewerSeatOf(principal);
  return seat !== null && hasSeat(declaration.routeSeats, seat);
}

/**
 * A third-party client with the scope: a unit's client reads its unit's submitted declarations;
 * a bureau's client those its bureau has had on their route (its region), as its staff do.
 */
function clientMayRead(principal: Principal, declaration: Declaration, scope: ApiScope): boolean {
  if (!hasScope(principal, scope)) return false;
  if (principal.unitId) return principal.unitId === declaration.unitId;
  if (!principal.organisationId) return false;
  return declaration.routeSeats.some((seat) => seat.organisationId === principal.organisationId);
}

/** The unit whose submitted declarations the caller may list: its legal person, agents, or its client. */
export function unitReaderOf(auth: AuthResult): string {
  const principal = requirePrincipal(auth);
  assertClientScope(principal, ApiScope.DECLARATIONS_READ);
  const forUnit = ['LEGAL_PERSON', 'AGENT', 'CLIENT'].includes(principal.kind);
  if (forUnit && principal.unitId) return principal.unitId;
  throw forbidden('只有单位法人、经办人或单位的接口客户端可以查看本单位的申报');
}

/** The declaration if the caller may read it, else NOT_FOUND (a client without the scope: FORBIDDEN). */
export function readable(auth: AuthResult, declaration: Declaration | null): Declaration {
  const principal = requirePrincipal(auth);
  assertClientScope(principal, ApiScope.DECLARATIONS_READ);
  if (!declaration || !canRead(principal, declaration)) throw notFound(DECLARATION_NOT_FOUND);
  return declaration;
}

/** The applicant's own declaration, else NOT_FOUND. */
export function owned(principal: Principal, declaration: Declaration | null): Declaration {
  if (!declaration || declaration.deletedAt || declaration.applicantId !== principal.accountId)
    throw notFound(DECLARATION_NOT_FOUND);
  return declaration;
}

/** Refusals with a stable `reason` the UI can branch on (codes are server-kit's). */
export const refusals = {
  stale: (currentVersion: number) =>
    appError(ErrorCode.CONFLICT, '该申报已在其他页面修改，请刷新后再编辑', {
      reason: 'STALE_VERSION',
      currentVersion,
    }),
  notBound: () =>
    appError(ErrorCode.FORBIDDEN, '您尚未绑定推荐单位，请先绑定单位并等待单位审核通过后再申报', {
      reason: 'NOT_BOUND',
    }),
  unitChanged: (unitName: string) =>
    appError(
      ErrorCode.FORBIDDEN,
      `您当前绑定的单位与本次申报的推荐单位“${unitName}”不一致，请重新绑定该单位，或取消本次申请后重新申报`,
      { reason: 'UNIT_CHANGED' },
    ),
};
