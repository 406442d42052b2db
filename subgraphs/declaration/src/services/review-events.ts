// Review's decisions applied to the declaration: each review event becomes a ReviewFact, the domain
// judges it against what the declaration knows (stale, duplicate, impossible transition) and the
// status, the return and the review position change in the consumer's transaction (the inbox row
// and the live notice commit with it).
import { LockMode } from '@mikro-orm/core';
import type { EventEnvelope, EventType } from '@zhicheng/events';
import type { EntityManager, Logger } from '@zhicheng/server-kit';
import {
  MODULE_KEYS,
  reviewStopOf,
  reviewVerdict,
  seatsOfReviewFact,
  withSeats,
  type ModuleKey,
  type ReviewFact,
  type ReviewStop,
  type RouteLevelKind,
} from '../domain';
import { Declaration, type DeclarationStatus, type Notice } from '../entities';
import { isUuid } from '../loaders';
import { announceStatus } from './live';

export type ReviewEventType = Extract<
  EventType,
  | 'DeclarationReturned'
  | 'DeclarationAdvanced'
  | 'DeclarationTerminated'
  | 'DeclarationMaterialsApproved'
  | 'DeclarationFinallyApproved'
  | 'DeclarationDeferred'
>;

const actingOrganisation = (level: RouteLevelKind, organisationId: string | null | undefined) =>
  typeof organisationId === 'string' && organisationId ? { level, organisationId } : null;

/** The envelope as a domain fact (the time is review's time of the decision). */
export function reviewFactOf(event: EventEnvelope<ReviewEventType>): ReviewFact {
  switch (event.type) {
    case 'DeclarationReturned': {
      const p = (event as EventEnvelope<'DeclarationReturned'>).payload;
      return {
        kind: 'RETURNED',
        at: new Date(p.returnedAt),
        from: { level: p.fromLevel, organisationId: p.organisationId },
        target: p.targetLevel,
        modules: [...new Set(p.modules)].filter((m): m is ModuleKey => MODULE_KEYS.includes(m as ModuleKey)),
        opinion: p.opinion,
      };
    }
    case 'DeclarationAdvanced': {
      const p = (event as EventEnvelope<'DeclarationAdvanced'>).payload;
      return {
        kind: 'ADVANCED',
        at: new Date(p.advancedAt),
        to: reviewStopOf(p.level, { organisationId: p.organisationId, organisationName: p.organisationName }),
      };
    }
    case 'DeclarationMaterialsApproved': {
      const p = (event as EventEnvelope<'DeclarationMaterialsApproved'>).payload;
      return {
        kind: 'MATERIALS_APPROVED',
        at: new Date(p.approvedAt),
        routeComplete: p.routeComplete,
        by: actingOrganisation(p.level, p.organisationId),
      };
    }
    case 'DeclarationFinallyApproved': {
      const p = (event as EventEnvelope<'DeclarationFinallyApproved'>).payload;
      return {
        kind: 'FINALLY_APPROVED',
        at: new Date(p.approvedAt),
        // 人才分类定级: the deciding body (the route's last seat); otherwise the committee, if any.
        by: p.talent?.decidedBy
          ? actingOrganisation(p.talent.decidedBy.level, p.talent.decidedBy.organisationId)
          : actingOrganisation('COMMITTEE', p.committee?.organisationId),
      };
    }
    case 'DeclarationTerminated': {
      const p = (event as EventEnvelope<'DeclarationTerminated'>).payload;
      return {
        kind: 'TERMINATED',
        at: new Date(p.terminatedAt),
        by: actingOrganisation(p.level, p.organisationId),
      };
    }
    case 'DeclarationDeferred': {
      const p = (event as EventEnvelope<'DeclarationDeferred'>).payload;
      return {
        kind: 'DEFERRED',
        at: new Date(p.deferredAt),
        by: actingOrganisation(p.level ?? 'COMMITTEE', p.committee?.organisationId),
      };
    }
  }
  throw new Error(`not a review event: ${String((event as EventEnvelope).type)}`);
}

/**
 * The organisation at `level` as the applicant should read it: the one met there before (from
 * review's events), else the declaration's own unit or the notice's route (its chosen committee).
 */
export function stopAt(
  declaration: Declaration,
  notice: Notice,
  level: RouteLevelKind,
  organisationId?: string | null,
): ReviewStop {
  const known = declaration.reviewStops?.[level];
  if (known && (!organisationId || !known.organisationId || known.organisationId === organisationId))
    return { ...known, organisationId: organisationId ?? known.organisationId };
  if (level === 'UNIT')
    return reviewStopOf('UNIT', {
      organisationId: organisationId ?? declaration.unitId,
      organisationName: declaration.unitName,
    });
  const committee =
    level === 'COMMITTEE' && declaration.committeeId
      ? notice.committees.find((c) => c.id === declaration.committeeId)
      : undefined;
  if (committee)
    return reviewStopOf('COMMITTEE', {
      organisationId: organisationId ?? committee.organisationId,
      organisationName: committee.name,
    });
  const step = notice.route.find((r) => r.level === level);
  return reviewStopOf(level, {
    organisationId: organisationId ?? step?.organisationId ?? null,
    organisationName: step?.name,
  });
}

/** Remembers the organisation met at a level (its name is shown for later steps there). */
export function rememberStop(declaration: Declaration, stop: ReviewStop): void {
  declaration.reviewStops = { ...(declaration.reviewStops ?? {}), [stop.level]: stop };
}

/** Puts the declaration at `stop` (submitted there, passed on to it, returned down to it). */
export function placeAt(declaration: Declaration, stop: ReviewStop, since: Date): void {
  rememberStop(declaration, stop);
  // The organisation it is placed at has it on its route now (and may read it from now on).
  if (stop.organisationId)
    declaration.routeSeats = withSeats(declaration.routeSeats ?? [], [
      { level: stop.level, organisationId: stop.organisationId },
    ]);
  declaration.reviewPosition = { ...stop, since: since.toISOString(), deferredAt: null, returnedFrom: null };
}

/**
 * Applies one review event. Unknown declarations, stale or repeated events and impossible
 * transitions are logged and change nothing (the inbox still records the event as handled).
 */
export async function applyReviewEvent(
  em: EntityManager,
  event: EventEnvelope<ReviewEventType>,
  logger: Logger,
): Promise<void> {
  const fact = reviewFactOf(event);
  const declarationId = event.payload.declarationId;
  const found = isUuid(declarationId)
    ? await em.findOne(
        Declaration,
        { id: declarationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['notice'] },
      )
    : null;
  const log = { eventId: event.id, type: event.type, declarationId };
  if (!found) {
    logger.warn(log, 'review event for an unknown declaration skipped');
    return;
  }
  const declaration = found;
  // Whoever the event shows to have had the declaration may read it from now on, even when the
  // event is otherwise stale or repeated (it still happened).
  declaration.routeSeats = withSeats(declaration.routeSeats ?? [], seatsOfReviewFact(fact));
  const verdict = reviewVerdict(
    {
      status: declaration.status,
      submittedAt: declaration.submittedAt ?? null,
      reviewEventAt: declaration.reviewEventAt ?? null,
    },
    fact,
  );
  if (!verdict.apply) {
    await em.flush();
    logger.warn({ ...log, status: declaration.status, reason: verdict.reason }, 'review event skipped');
    return;
  }
  const notice = declaration.notice.getEntity();
  const at = fact.at;
  switch (fact.kind) {
    case 'RETURNED': {
      const from = stopAt(declaration, notice, fact.from.level, fact.from.organisationId);
      rememberStop(declaration, from);
      if (fact.target === 'APPLICANT') {
        declaration.returnedModules = fact.modules;
        declaration.returnOpinion = fact.opinion;
        declaration.returnedAt = at;
        declaration.returnedBy = from;
        declaration.reviewPosition = null;
      } else {
        const target = stopAt(declaration, notice, fact.target);
        placeAt(declaration, target, at);
        declaration.reviewPosition!.returnedFrom = {
          from,
          modules: fact.modules,
          opinion: fact.opinion,
          at: at.toISOString(),
        };
      }
      break;
    }
    case 'ADVANCED':
      placeAt(declaration, fact.to, at);
      break;
    case 'DEFERRED':
      if (declaration.reviewPosition)
        declaration.reviewPosition = { ...declaration.reviewPosition, deferredAt: at.toISOString() };
      else {
        const level = fact.by?.level ?? 'COMMITTEE';
        placeAt(declaration, stopAt(declaration, notice, level, fact.by?.organisationId), at);
        declaration.reviewPosition!.deferredAt = at.toISOString();
      }
      break;
    case 'MATERIALS_APPROVED':
      // The committee comes next (DeclarationAdvanced placed it there), or the route ends here and
      // the organisation that approved the materials records the 评审结果 (人才分类定级): it stays
      // there until then.
      if (fact.routeComplete)
        if (fact.by)
          placeAt(declaration, stopAt(declaration, notice, fact.by.level, fact.by.organisationId), at);
        else declaration.reviewPosition = null;
      break;
    case 'FINALLY_APPROVED':
    case 'TERMINATED':
      declaration.reviewPosition = null;
      break;
  }
  if (verdict.status !== declaration.status) {
    declaration.status = verdict.status as DeclarationStatus;
    declaration.statusChangedAt = at;
  }
  declaration.reviewEventAt = at;
  await em.flush();
  await announceStatus(em, declaration, at);
  logger.info({ ...log, status: declaration.status }, 'review event applied');
}
