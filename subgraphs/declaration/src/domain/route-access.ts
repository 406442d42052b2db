// Which organisations may read a submitted declaration (issue 8, hole 2): exactly those that have
// had it on their route so far. Review opens a task for an organisation only when the declaration
// reaches it (the unit at submission, each next level when passed on), and every review event
// names the organisation that acted or received it; the declaration keeps the union of those.
// An organisation stays a reader after passing the declaration on or returning it (进度跟踪), as
// review's `reviewCase` lets it.
import type { ReviewFact } from './review';
import type { RouteLevelKind } from './types';

/** One organisation at one level of the route (a unit's id at the UNIT level). */
export interface RouteSeat {
  level: RouteLevelKind;
  organisationId: string;
}

/** The organisations a review event shows to have had the declaration. */
export function seatsOfReviewFact(fact: ReviewFact): RouteSeat[] {
  switch (fact.kind) {
    case 'RETURNED':
      return [{ level: fact.from.level, organisationId: fact.from.organisationId }];
    case 'ADVANCED':
      return fact.to.organisationId ? [{ level: fact.to.level, organisationId: fact.to.organisationId }] : [];
    default:
      return fact.by ? [fact.by] : [];
  }
}

/** `seats` with `added` (each pair once, in the order met). */
export function withSeats(seats: readonly RouteSeat[], added: readonly RouteSeat[]): RouteSeat[] {
  const result = [...seats];
  for (const seat of added)
    if (
      seat.organisationId &&
      !result.some((s) => s.level === seat.level && s.organisationId === seat.organisationId)
    )
      result.push({ level: seat.level, organisationId: seat.organisationId });
  return result;
}

export const hasSeat = (seats: readonly RouteSeat[] | null | undefined, seat: RouteSeat): boolean =>
  (seats ?? []).some((s) => s.level === seat.level && s.organisationId === seat.organisationId);
