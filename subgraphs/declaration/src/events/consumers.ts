// What declaration keeps from other subgraphs' events: the applicant's real-name facts and the
// units identity announced ready (their credit codes tell their region), the applicant's current unit
// (binding) and review's decisions
// (the status words, the return with its flagged modules, where review has the declaration).
import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlers } from '@zhicheng/events';
import type { EntityManager as SqlEntityManager, Logger } from '@zhicheng/server-kit';
import { ApplicantBinding, ApplicantIdentity, KnownUnit } from '../entities';
import { applyReviewEvent, type ReviewEventType } from '../services/review-events';

/** The durable consumer name (its position and inbox rows are keyed by it). */
export const CONSUMER_NAME = 'declaration';

export async function onBindingApproved(em: EntityManager, event: EventEnvelope<'BindingApproved'>) {
  const { bindingId, personId, unitId, unitName, approvedAt } = event.payload;
  const since = new Date(approvedAt);
  const current = await em.findOne(ApplicantBinding, { personId });
  // Events can arrive late: an older approval never replaces a newer one.
  if (current && current.since.getTime() > since.getTime()) return;
  if (current) em.assign(current, { bindingId, unitId, unitName, since });
  else em.persist(em.create(ApplicantBinding, { personId, bindingId, unitId, unitName, since }));
  await em.flush();
}

export async function onBindingEnded(em: EntityManager, event: EventEnvelope<'BindingEnded'>) {
  const { bindingId, personId } = event.payload;
  // Only the binding that ended goes; a newer binding of the person stays.
  await em.nativeDelete(ApplicantBinding, { personId, bindingId });
}

export async function onUnitReady(em: EntityManager, event: EventEnvelope<'UnitReady'>) {
  const { unitId, creditCode, name } = event.payload;
  // Older events say nothing of the region: they leave what a newer one said.
  const region = 'regionCode' in event.payload ? { regionCode: event.payload.regionCode ?? null } : {};
  await em.upsert(
    KnownUnit,
    { unitId, creditCode, name, ...region },
    {
      onConflictFields: ['unitId'],
      onConflictMergeFields: ['creditCode', 'name', ...(Object.keys(region) as Array<keyof typeof region>)],
    },
  );
}

export async function onPersonRegistered(em: EntityManager, event: EventEnvelope<'PersonRegistered'>) {
  const { personId, name, idType, idNumber, at } = event.payload;
  const mobile = event.payload.mobile ?? null;
  const since = new Date(at);
  const current = await em.findOne(ApplicantIdentity, { personId });
  // A late, older event never replaces newer facts.
  if (current && current.since.getTime() > since.getTime()) return;
  if (current) em.assign(current, { name, idType, idNumber, mobile, since });
  else em.persist(em.create(ApplicantIdentity, { personId, name, idType, idNumber, mobile, since }));
  await em.flush();
}

/** Every handler the consumer runs; review's events need the logger (skips are logged). */
export function createHandlers(logger: Logger): EventHandlers {
  const review = (em: EntityManager, event: EventEnvelope<ReviewEventType>) =>
    applyReviewEvent(em as SqlEntityManager, event, logger);
  return {
    BindingApproved: onBindingApproved,
    BindingEnded: onBindingEnded,
    UnitReady: onUnitReady,
    PersonRegistered: onPersonRegistered,
    DeclarationReturned: review,
    DeclarationAdvanced: review,
    DeclarationTerminated: review,
    DeclarationMaterialsApproved: review,
    DeclarationFinallyApproved: review,
    DeclarationDeferred: review,
  };
}
