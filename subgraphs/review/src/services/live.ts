// Who may follow what live, and what a subscriber receives for each notice (ARCHITECTURE §7).
import { isResync, type LiveMessage } from '@zhicheng/live';
import { notFound, type AuthResult, type EntityManager } from '@zhicheng/server-kit';
import { applicantStatus, APPLICANT_STATUS_WORDS, type ApplicantStatus } from '../domain';
import { ReviewCase, TimelineEntryRow } from '../entities';
import { CASE_NOT_FOUND, maySeeCase, requireActor, requireReviewer } from './access';
import { isUuid } from './ids';

/**
 * A declaration's timeline is followed by whoever may read its case: its applicant and the
 * organisations that have (or had) it. Anyone else hears NOT_FOUND and nothing is streamed.
 */
export async function assertMayFollowTimeline(
  em: EntityManager,
  auth: AuthResult,
  id: string,
): Promise<void> {
  const actor = requireActor(auth);
  const row = isUuid(id) ? await em.fork().findOne(ReviewCase, { declarationId: id }) : null;
  if (!row || !maySeeCase(actor, row)) throw notFound(CASE_NOT_FOUND);
}

/** The queue a reviewer follows: their organisation's (their unit's, for unit accounts). */
export function queueOf(auth: AuthResult): string {
  return requireReviewer(auth).organisationId;
}

export interface TimelineChange {
  declarationId: string;
  entry: TimelineEntryRow | null;
  status: ApplicantStatus;
  resync: boolean;
  at: Date;
}

/** The entry a notice names (or, after a resync, the latest) with the status now; read afresh. */
export async function timelineChangeOf(
  em: EntityManager,
  id: string,
  message: LiveMessage<'DECLARATION_TIMELINE'>,
): Promise<TimelineChange & { statusText: string }> {
  const fresh = em.fork();
  const row = await fresh.findOne(ReviewCase, { declarationId: id });
  if (!row) throw notFound(CASE_NOT_FOUND);
  const resync = isResync(message);
  const entry = resync
    ? await fresh.findOne(TimelineEntryRow, { declarationId: id }, { orderBy: { sequence: 'desc' } })
    : await fresh.findOne(TimelineEntryRow, { id: message.entryId, declarationId: id });
  const status: ApplicantStatus = row.state ? applicantStatus(row.state) : 'SUBMITTED';
  return {
    declarationId: id,
    entry,
    status,
    statusText: APPLICANT_STATUS_WORDS[status],
    resync,
    at: new Date(message.at),
  };
}
