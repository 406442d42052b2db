// Who is acting, as the review domain knows actors, and who may read a case. Authorisation of
// every action is the domain's (applyReviewAction, forwardBatch, allowedActions); this file only
// turns a verified token into an actor and answers "may this caller see this case at all".
import {
  appError,
  ErrorCode,
  forbidden,
  requirePrincipal,
  Role,
  type AuthResult,
  type Principal,
} from '@zhicheng/server-kit';
import type { ApplicantActor, ReviewActor, ReviewerActor, ReviewLevel } from '../domain';
import type { ReviewCase } from '../entities';

/** The level each reviewer role acts at (identity gives every account one role). */
const ROLE_LEVELS: ReadonlyArray<[Role, ReviewLevel]> = [
  [Role.LEGAL_PERSON, 'UNIT'],
  [Role.UNIT_AGENT, 'UNIT'],
  [Role.DEPARTMENT_REVIEWER, 'DEPARTMENT'],
  [Role.BUREAU_REVIEWER, 'BUREAU'],
  [Role.COMMITTEE_SECRETARY, 'COMMITTEE'],
];

/** The unit a legal person's or agent's token acts for (a legal person's account is its unit). */
const unitOf = (p: Principal): string | undefined =>
  p.unitId ?? (p.kind === 'LEGAL_PERSON' ? p.accountId : undefined);

/**
 * The reviewer a token stands for: unit accounts review at the UNIT level for their unit, staff at
 * their organisation's level. null for applicants, strangers and tokens missing their unit or
 * organisation.
 */
export function reviewerActorOf(p: Principal | null | undefined): ReviewerActor | null {
  if (!p) return null;
  const match = ROLE_LEVELS.find(([role]) => p.roles.includes(role));
  if (!match) return null;
  const [, level] = match;
  const organisationId = level === 'UNIT' ? unitOf(p) : p.organisationId;
  if (!organisationId) return null;
  return {
    kind: 'REVIEWER',
    accountId: p.accountId,
    // A legal person's token carries the unit's name; the timeline says who acted.
    name: p.kind === 'LEGAL_PERSON' ? '单位法人' : p.displayName,
    organisationId,
    level,
    roles: p.roles,
  };
}

export function applicantActorOf(p: Principal | null | undefined): ApplicantActor | null {
  if (!p || p.kind !== 'PERSON' || !p.roles.includes(Role.APPLICANT)) return null;
  return { kind: 'APPLICANT', personId: p.accountId, name: p.displayName };
}

export function actorOf(p: Principal | null | undefined): ReviewActor | null {
  return reviewerActorOf(p) ?? applicantActorOf(p);
}

/** A signed-in reviewer, else UNAUTHENTICATED / FORBIDDEN. */
export function requireReviewer(auth: AuthResult): ReviewerActor {
  const principal = requirePrincipal(auth);
  const actor = reviewerActorOf(principal);
  if (actor) return actor;
  if (ROLE_LEVELS.some(([role]) => principal.roles.includes(role)))
    throw appError(ErrorCode.FORBIDDEN, '登录凭证未注明所属单位或机构，请重新登录', {
      reason: 'NO_ORGANISATION',
    });
  throw forbidden('只有推荐单位和审核机构可以审核申报');
}

/** A signed-in reviewer acting at the UNIT level (批量送审 and its attachment). */
export function requireUnitReviewer(auth: AuthResult): ReviewerActor {
  const actor = requireReviewer(auth);
  if (actor.level !== 'UNIT')
    throw appError(ErrorCode.FORBIDDEN, '只有推荐单位可以批量送审', { reason: 'ROLE_NOT_ALLOWED' });
  return actor;
}

/** A signed-in applicant or reviewer (the two kinds of reader). */
export function requireActor(auth: AuthResult): ReviewActor {
  const principal = requirePrincipal(auth);
  const actor = actorOf(principal);
  if (!actor) throw forbidden('您无权查看审核信息');
  return actor;
}

/** Whether this reviewer's organisation has (or had) a task on the case. */
export function hasParticipated(row: ReviewCase, actor: ReviewerActor): boolean {
  return (
    row.state?.tasks.some((t) => t.level === actor.level && t.organisationId === actor.organisationId) ??
    false
  );
}

/**
 * Who may read a case: its applicant; every organisation that has had a task on it (the current
 * reviewer and those before, for 进度跟踪). An UNROUTABLE case, which no organisation holds yet,
 * is read by its applicant and its unit. Anyone else is told it does not exist.
 */
export function maySeeCase(actor: ReviewActor | null, row: ReviewCase): boolean {
  if (!actor) return false;
  if (actor.kind === 'APPLICANT') return actor.personId === row.applicantId;
  if (!row.state) return actor.level === 'UNIT' && actor.organisationId === row.unitId;
  return hasParticipated(row, actor);
}

export const CASE_NOT_FOUND = '未找到该申报，或该申报不在您的审核范围内';
