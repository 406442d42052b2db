// Who may read or change a declaration. Another person's declaration answers NOT_FOUND (never
// FORBIDDEN), so ids cannot be probed.
import {
  appError,
  ErrorCode,
  forbidden,
  notFound,
  requirePrincipal,
  Role,
  type AuthResult,
  type Principal,
} from '@zhicheng/server-kit';
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

const REVIEWER_ROLES: readonly Role[] = [
  Role.DEPARTMENT_REVIEWER,
  Role.BUREAU_REVIEWER,
  Role.COMMITTEE_SECRETARY,
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

export const isReviewer = (principal: Principal | null | undefined) =>
  principal?.kind === 'STAFF' && principal.roles.some((r) => REVIEWER_ROLES.includes(r));

/**
 * Reading: the applicant always; the unit's legal person and agents, and review staff, once it
 * was submitted (drafts stay private). Which reviewer sees which declaration is narrowed by the
 * review subgraph's routing; here any reviewer may read a submitted declaration.
 */
export function canRead(principal: Principal | null | undefined, declaration: Declaration): boolean {
  if (declaration.deletedAt) return false;
  if (isOwner(principal, declaration)) return true;
  if (!SUBMITTED_OR_LATER.includes(declaration.status)) return false;
  return isUnitAccount(principal, declaration.unitId) || isReviewer(principal);
}

/** The declaration if the caller may read it, else NOT_FOUND. */
export function readable(auth: AuthResult, declaration: Declaration | null): Declaration {
  const principal = requirePrincipal(auth);
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
