// What review's decisions mean for the declaration (SPEC §3 业务状态): review publishes its events
// (DeclarationReturned, DeclarationAdvanced, …) and the declaration keeps its own status from them.
// Events arrive at least once and, in principle, late or out of order, so each is judged against
// the declaration first: an event older than what the declaration already knows (its latest
// submission or the latest review event applied), or one that would take the status along a
// transition that does not exist (STATUS_TRANSITIONS), changes nothing.
import { canTransition, type DeclarationStatus } from './status';
import type { ModuleKey, RouteLevelKind } from './types';
import { ROUTE_LEVEL_WORDS } from './types';

/** An organisation at one level of the route, with the name shown to the applicant. */
export interface ReviewStop {
  level: RouteLevelKind;
  /** The reviewing organisation (for the UNIT level: the unit's id); null when not yet known. */
  organisationId: string | null;
  organisationName: string;
}

/** A return from a higher level to a lower one (退回下级): the declaration stays 已申报. */
export interface LowerLevelReturn {
  from: ReviewStop;
  modules: ModuleKey[];
  opinion: string;
  at: string;
}

/** Where the declaration is being reviewed now (进度), for display. */
export interface ReviewPosition extends ReviewStop {
  since: string;
  /** 暂缓: the committee put off its decision (the declaration stays at the committee). */
  deferredAt: string | null;
  /** Set when a higher level sent it back down to this level. */
  returnedFrom: LowerLevelReturn | null;
}

/** A review event as the declaration reads it (the service maps the envelopes onto these). */
export type ReviewFact =
  | {
      kind: 'RETURNED';
      at: Date;
      from: { level: RouteLevelKind; organisationId: string };
      target: 'APPLICANT' | RouteLevelKind;
      modules: ModuleKey[];
      opinion: string;
    }
  | { kind: 'ADVANCED'; at: Date; to: ReviewStop }
  | { kind: 'MATERIALS_APPROVED'; at: Date; routeComplete: boolean; by?: ActingOrganisation | null }
  | { kind: 'FINALLY_APPROVED'; at: Date; by?: ActingOrganisation | null }
  | { kind: 'TERMINATED'; at: Date; by?: ActingOrganisation | null }
  | { kind: 'DEFERRED'; at: Date; by?: ActingOrganisation | null };

/** The organisation that took a decision (it had the declaration on its route). */
export interface ActingOrganisation {
  level: RouteLevelKind;
  organisationId: string;
}

/** What the declaration knows already when an event arrives. */
export interface ReviewedDeclaration {
  status: DeclarationStatus;
  /** The latest submission (a resubmission starts a new round: older review events are stale). */
  submittedAt: Date | null;
  /** The time of the latest review event applied. */
  reviewEventAt: Date | null;
}

/** Why an event changes nothing. */
export type ReviewSkipReason =
  /** Never submitted, or cancelled: review has nothing to say about it. */
  | 'NOT_SUBMITTED'
  /** Older than the latest submission or the latest review event applied (late or replayed). */
  | 'STALE'
  /** The status already is what the event says (the same decision again, under another id). */
  | 'ALREADY'
  /** No such transition from the current status (e.g. a return after 终审通过). */
  | 'NOT_ALLOWED';

export type ReviewVerdict =
  { apply: true; status: DeclarationStatus } | { apply: false; reason: ReviewSkipReason };

/** Statuses in which a declaration is with the reviewers (review events may keep it there). */
const UNDER_REVIEW: readonly DeclarationStatus[] = ['SUBMITTED', 'MATERIALS_APPROVED'];

/**
 * The status an event leads to: the applicant sees 被退回 only for a return to them; a return to a
 * lower level, a pass to the next level and 暂缓 leave the status as it is (the position changes);
 * 材料审核通过 whether the committee comes next or the route ends there (人才分类定级).
 */
export function statusAfterReviewFact(fact: ReviewFact, current: DeclarationStatus): DeclarationStatus {
  switch (fact.kind) {
    case 'RETURNED':
      return fact.target === 'APPLICANT' ? 'RETURNED' : current;
    case 'MATERIALS_APPROVED':
      return 'MATERIALS_APPROVED';
    case 'FINALLY_APPROVED':
      return 'FINALLY_APPROVED';
    case 'TERMINATED':
      return 'TERMINATED';
    case 'ADVANCED':
    case 'DEFERRED':
      return current;
  }
}

/** Whether the event is applied, and the status after it. Pure: the service acts on the verdict. */
export function reviewVerdict(declaration: ReviewedDeclaration, fact: ReviewFact): ReviewVerdict {
  const { status } = declaration;
  if (status === 'DRAFT' || status === 'CANCELLED' || !declaration.submittedAt)
    return { apply: false, reason: 'NOT_SUBMITTED' };
  const at = fact.at.getTime();
  if (
    Number.isNaN(at) ||
    at < declaration.submittedAt.getTime() ||
    (declaration.reviewEventAt && at < declaration.reviewEventAt.getTime())
  )
    return { apply: false, reason: 'STALE' };
  // A return to a lower level, a pass to the next level and 暂缓 keep the status: they need the
  // declaration to be with the reviewers. The others change it; finding it changed already means
  // the same decision arrived again.
  const keepsStatus =
    fact.kind === 'ADVANCED' ||
    fact.kind === 'DEFERRED' ||
    (fact.kind === 'RETURNED' && fact.target !== 'APPLICANT');
  if (keepsStatus)
    return UNDER_REVIEW.includes(status) ? { apply: true, status } : { apply: false, reason: 'NOT_ALLOWED' };
  const next = statusAfterReviewFact(fact, status);
  if (next === status) return { apply: false, reason: 'ALREADY' };
  return canTransition(status, next)
    ? { apply: true, status: next }
    : { apply: false, reason: 'NOT_ALLOWED' };
}

/** The stop of a route level as the applicant should read it (the organisation's name when known). */
export function reviewStopOf(
  level: RouteLevelKind,
  known: { organisationId?: string | null; organisationName?: string | null } = {},
): ReviewStop {
  return {
    level,
    organisationId: known.organisationId ?? null,
    organisationName: known.organisationName?.trim() || ROUTE_LEVEL_WORDS[level],
  };
}
