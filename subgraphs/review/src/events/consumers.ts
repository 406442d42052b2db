// What review takes from other subgraphs' events: a submitted declaration opens (or, resubmitted,
// reopens) its review; identity's UnitReady gives units' names, regions and competent departments,
// its OrganisationChanged the organisations, so open route levels go by jurisdiction. Handlers run in one transaction
// with the inbox row of their event, so a redelivered event changes nothing. A handler must not
// throw for a payload it cannot use (that would stop the consumer for good): it logs and returns.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlers } from '@zhicheng/events';
import type { Logger } from '@zhicheng/server-kit';
import { applyReviewAction, routeByJurisdiction, startReview } from '../domain';
import { KnownOrganisation, KnownUnit, ReviewCase } from '../entities';
import { recordTransition, syncColumns } from '../services/cases';
import { isUuid } from '../services/ids';

/** The durable consumer name (its position and inbox rows are keyed by it). */
export const CONSUMER_NAME = 'review';

type Submitted = EventEnvelope<'DeclarationSubmitted'>;

function describe(event: Submitted) {
  return {
    eventId: event.id,
    declarationId: event.payload.declarationId,
    resubmission: event.payload.resubmission,
  };
}

/** The columns every case copies from the event (for lists and filters). */
function caseFacts(event: Submitted, unitName: string | null) {
  const p = event.payload;
  return {
    noticeId: p.noticeId,
    channelCode: p.channelCode,
    applicantId: p.personId,
    applicantName: p.applicantName,
    unitId: p.unitId,
    unitName,
    titleName: p.title?.titleName ?? '',
    levelName: p.title?.levelName ?? '',
    seriesCode: p.title?.seriesCode || null,
    seriesName: p.title?.seriesName || null,
    specialtyCode: p.title?.specialtyCode || null,
    specialtyName: p.title?.specialtyName || null,
    category: p.category,
    committeeId: p.committeeId ?? null,
  };
}

async function start(em: EntityManager, logger: Logger, event: Submitted, existing: ReviewCase | null) {
  const p = event.payload;
  const unit = await em.findOne(KnownUnit, { unitId: p.unitId });
  const unitName = unit?.name ?? null;
  const route = routeByJurisdiction(
    p.route ?? [],
    unit,
    await em.find(KnownOrganisation, {}),
    p.title
      ? { seriesCode: p.title.seriesCode, levelCode: p.title.levelCode, specialtyCode: p.title.specialtyCode }
      : null,
  );
  const at = new Date(p.submittedAt);
  const result = startReview(
    {
      declarationId: p.declarationId,
      applicantId: p.personId,
      applicantName: p.applicantName,
      unitId: p.unitId,
      unitName,
      route,
      outcomeAfterRoute: p.outcomeAfterRoute,
      talentLevelCode: p.talent?.levelCode ?? null,
    },
    Number.isNaN(at.getTime()) ? new Date() : at,
  );
  const row =
    existing ??
    em.create(ReviewCase, {
      declarationId: p.declarationId,
      ...caseFacts(event, unitName),
      phase: 'UNROUTABLE',
      submittedAt: Number.isNaN(at.getTime()) ? new Date() : at,
    });
  em.assign(row, caseFacts(event, unitName));
  em.persist(row);
  if (!result.ok) {
    // Kept, not dropped: the case stays visible (reviewCase, to the applicant and the unit) as
    // UNROUTABLE with the problems, and a later DeclarationSubmitted for it starts it afresh.
    row.state = null;
    row.routingProblems = result.refusal.fields ?? [
      { field: 'route', code: result.refusal.reason, message: result.refusal.message },
    ];
    syncColumns(row);
    await em.flush();
    logger.error(
      { ...describe(event), problems: row.routingProblems, route },
      'DeclarationSubmitted names a route review cannot follow; the case is kept as UNROUTABLE and nobody can review it until the notice route is fixed and the declaration submitted again',
    );
    return;
  }
  row.routingProblems = null;
  await recordTransition(em, row, result);
  logger.info({ ...describe(event), organisationId: row.currentOrganisationId }, 'review started');
}

export function reviewHandlers(logger: Logger): EventHandlers {
  return {
    async DeclarationSubmitted(em, event) {
      const p = event.payload;
      const ids = [p.declarationId, p.personId, p.unitId, p.noticeId];
      if (!ids.every(isUuid)) {
        logger.error(describe(event), 'DeclarationSubmitted with malformed ids ignored');
        return;
      }
      const existing = await em.findOne(
        ReviewCase,
        { declarationId: p.declarationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!existing || !existing.state) return start(em, logger, event, existing);
      if (!p.resubmission) {
        // A first submission of a declaration already under review: a replay under another event
        // id (the inbox skips the same id). Nothing to do.
        logger.warn(describe(event), 'DeclarationSubmitted for a declaration already under review ignored');
        return;
      }
      const at = new Date(p.submittedAt);
      const result = applyReviewAction(
        existing.state,
        { type: 'RESUBMIT' },
        { kind: 'APPLICANT', personId: p.personId, name: p.applicantName },
        Number.isNaN(at.getTime()) ? new Date() : at,
      );
      if (!result.ok) {
        logger.warn({ ...describe(event), refusal: result.refusal }, 'resubmission not applied');
        return;
      }
      await recordTransition(em, existing, result);
      logger.info({ ...describe(event), organisationId: existing.currentOrganisationId }, 'review resumed');
    },

    async UnitReady(em, event) {
      const { unitId, creditCode, name } = event.payload;
      if (!isUuid(unitId)) return;
      // Older events say nothing of the profile: they leave what a newer one said.
      const profile =
        'regionCode' in event.payload
          ? {
              regionCode: event.payload.regionCode ?? null,
              competentDepartmentId: isUuid(event.payload.competentDepartmentId)
                ? event.payload.competentDepartmentId
                : null,
            }
          : {};
      await em.upsert(
        KnownUnit,
        { unitId, creditCode, name, ...profile },
        {
          onConflictFields: ['unitId'],
          onConflictMergeFields: [
            'creditCode',
            'name',
            ...(Object.keys(profile) as Array<keyof typeof profile>),
          ],
        },
      );
    },

    async OrganisationChanged(em, event) {
      const { organisationId, name, kind, regionCode, enabled, committee } = event.payload;
      if (!isUuid(organisationId)) return;
      await em.upsert(
        KnownOrganisation,
        { organisationId, name, kind, regionCode, enabled: enabled !== false, committee: committee ?? null },
        {
          onConflictFields: ['organisationId'],
          onConflictMergeFields: ['name', 'kind', 'regionCode', 'enabled', 'committee'],
        },
      );
    },
  };
}
