import {
  appError,
  ErrorCode,
  requirePrincipal,
  Role,
  forbidden,
  type AuthResult,
} from '@zhicheng/server-kit';
import type { Certificate } from '../entities';

/** The signed-in person (an applicant account), whose certificates these are. */
export function requireHolder(auth: AuthResult): string {
  const principal = requirePrincipal(auth);
  if (principal.kind !== 'PERSON' || !principal.roles.includes(Role.APPLICANT))
    throw forbidden('只有持证人本人可以查看“我的证照”');
  return principal.accountId;
}

/** The signed-in applicant who applies (补办, 登记): their id and name as identity knows them. */
export function requireApplicant(auth: AuthResult): { personId: string; name: string } {
  const principal = requirePrincipal(auth);
  if (principal.kind !== 'PERSON' || !principal.roles.includes(Role.APPLICANT))
    throw appError(
      ErrorCode.FORBIDDEN,
      '只有持证人本人可以办理证书补办（换发）和历史职称数据登记，请使用个人账号登录',
      {
        reason: 'ROLE_NOT_ALLOWED',
      },
    );
  return { personId: principal.accountId, name: principal.displayName };
}

/** Bureau staff who audit 补办 and 登记: their account and organisation (the region's bureau). */
export interface Auditor {
  accountId: string;
  name: string;
  organisationId: string;
}

export function requireAuditor(auth: AuthResult): Auditor {
  const principal = requirePrincipal(auth);
  if (principal.kind !== 'STAFF' || !principal.roles.includes(Role.BUREAU_REVIEWER))
    throw appError(ErrorCode.FORBIDDEN, '只有人社部门审核人员可以审核证书补办和历史职称数据登记', {
      reason: 'ROLE_NOT_ALLOWED',
    });
  if (!principal.organisationId)
    throw appError(ErrorCode.FORBIDDEN, '您的账号未关联人社部门，请重新登录或联系管理员', {
      reason: 'NO_ORGANISATION',
    });
  return {
    accountId: principal.accountId,
    name: principal.displayName,
    organisationId: principal.organisationId,
  };
}

/** Whether the caller audits applications of this bureau (staff of that region's bureau). */
export function isAuditorOf(auth: AuthResult, application: { auditOrganisationId: string }): boolean {
  const p = auth.principal;
  return (
    p?.kind === 'STAFF' &&
    p.roles.includes(Role.BUREAU_REVIEWER) &&
    !!p.organisationId &&
    p.organisationId === application.auditOrganisationId
  );
}

/** Whether the caller is the applicant of an application. */
export function isApplicantOf(auth: AuthResult, application: { applicantPersonId: string }): boolean {
  const p = auth.principal;
  return (
    p?.kind === 'PERSON' && p.roles.includes(Role.APPLICANT) && p.accountId === application.applicantPersonId
  );
}

/** Whether the caller is the certificate's holder (the only one who sees it whole). */
export function isHolderOf(auth: AuthResult, certificate: Pick<Certificate, 'holderPersonId'>): boolean {
  const p = auth.principal;
  return (
    p?.kind === 'PERSON' && p.roles.includes(Role.APPLICANT) && p.accountId === certificate.holderPersonId
  );
}

export function isPersonSelf(auth: AuthResult, personId: string): boolean {
  const p = auth.principal;
  return p?.kind === 'PERSON' && p.roles.includes(Role.APPLICANT) && p.accountId === personId;
}
