// The statistics consumer: its own durable subscription ('review-statistics', its own position and
// inbox rows) that keeps the reporting read model from events only. A new deployment starts at the
// stream's first event, so the read model fills itself from history. Like every handler, these
// log and return on a payload they cannot use rather than throw (that would stop the consumer).
import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlers, ReviewLevel } from '@zhicheng/events';
import type { Logger } from '@zhicheng/server-kit';
import { isUuid } from '../services/ids';
import { StatDeclaration, StatLevelStay, StatUnit, type StatStatus } from './entities';
import { unitRegion } from './regions';

export const STATISTICS_CONSUMER = 'review-statistics';

const instant = (text: string | undefined) => {
  const at = text ? new Date(text) : new Date(NaN);
  return Number.isNaN(at.getTime()) ? new Date() : at;
};

/** Ends the declaration's open stay at a level (if any) at `at`. */
async function closeStay(em: EntityManager, declarationId: string, at: Date) {
  await em.nativeUpdate(StatLevelStay, { declarationId, endedAt: null }, { endedAt: at });
}

/** Opens a stay at `level` from `at` (after closing any open one). */
async function openStay(em: EntityManager, declarationId: string, level: ReviewLevel, at: Date) {
  await closeStay(em, declarationId, at);
  const last = await em.findOne(StatLevelStay, { declarationId }, { orderBy: { sequence: 'desc' } });
  em.persist(
    em.create(StatLevelStay, { declarationId, sequence: (last?.sequence ?? 0) + 1, level, startedAt: at }),
  );
}

/** The row an outcome event is about, locked; null (logged) when statistics never saw it submitted. */
async function rowOf(em: EntityManager, logger: Logger, event: EventEnvelope) {
  const declarationId = (event.payload as { declarationId?: unknown }).declarationId;
  if (!isUuid(declarationId)) return null;
  const row = await em.findOne(StatDeclaration, { declarationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!row)
    logger.warn(
      { eventId: event.id, type: event.type, declarationId },
      'statistics: outcome of an unknown declaration ignored',
    );
  return row;
}

function settle(row: StatDeclaration, status: StatStatus, at: Date) {
  row.status = status;
  row.currentLevel = null;
  row.decidedAt = at;
}

export function statisticsHandlers(logger: Logger): EventHandlers {
  return {
    async DeclarationSubmitted(em, event) {
      const p = event.payload;
      if (![p.declarationId, p.noticeId, p.unitId].every(isUuid)) {
        logger.error({ eventId: event.id }, 'statistics: DeclarationSubmitted with malformed ids ignored');
        return;
      }
      const at = instant(p.submittedAt);
      const unit = await em.findOne(StatUnit, { unitId: p.unitId });
      const facts = {
        noticeId: p.noticeId,
        channelCode: p.channelCode,
        seriesCode: p.title?.seriesCode || null,
        seriesName: p.title?.seriesName || null,
        levelCode: p.title?.levelCode || null,
        levelName: p.title?.levelName || null,
        unitId: p.unitId,
        unitName: unit?.name ?? null,
        regionCode: unit?.regionCode ?? null,
      };
      const firstLevel = p.route?.[0]?.level ?? null;
      let row = await em.findOne(
        StatDeclaration,
        { declarationId: p.declarationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!row) {
        row = em.create(StatDeclaration, {
          declarationId: p.declarationId,
          ...facts,
          status: 'SUBMITTED',
          currentLevel: firstLevel,
          firstSubmittedAt: at,
          lastSubmittedAt: at,
        });
        em.persist(row);
        if (firstLevel) await openStay(em, p.declarationId, firstLevel, at);
        return;
      }
      em.assign(row, facts);
      if (p.resubmission && row.status === 'RETURNED') {
        // Back to the level that returned it (review reopens the task there).
        const level = row.returnedFromLevel ?? firstLevel;
        row.status = 'SUBMITTED';
        row.currentLevel = level;
        row.lastSubmittedAt = at;
        if (level) await openStay(em, p.declarationId, level, at);
      }
    },

    async DeclarationAdvanced(em, event) {
      const row = await rowOf(em, logger, event);
      if (!row) return;
      const p = event.payload;
      row.currentLevel = p.level;
      row.status = p.level === 'COMMITTEE' ? 'MATERIALS_APPROVED' : 'SUBMITTED';
      if (p.level === 'COMMITTEE') {
        row.committeeId = p.organisationId;
        row.committeeName = p.organisationName;
      }
      await openStay(em, row.declarationId, p.level, instant(p.advancedAt));
    },

    async DeclarationReturned(em, event) {
      const row = await rowOf(em, logger, event);
      if (!row) return;
      const p = event.payload;
      const at = instant(p.returnedAt);
      if (p.targetLevel === 'APPLICANT') {
        await closeStay(em, row.declarationId, at);
        row.status = 'RETURNED';
        row.currentLevel = null;
        row.returnedFromLevel = p.fromLevel;
        row.returnCount += 1;
      } else {
        row.status = 'SUBMITTED';
        row.currentLevel = p.targetLevel;
        await openStay(em, row.declarationId, p.targetLevel, at);
      }
    },

    async DeclarationMaterialsApproved(em, event) {
      const p = event.payload;
      // Before a committee, DeclarationAdvanced (same transaction) already moved it on.
      if (!p.routeComplete) return;
      const row = await rowOf(em, logger, event);
      if (!row) return;
      // 人才分类定级: the materials are approved; the same body's 评审结果 follows.
      row.status = 'MATERIALS_APPROVED';
      await closeStay(em, row.declarationId, instant(p.approvedAt));
    },

    async DeclarationFinallyApproved(em, event) {
      const row = await rowOf(em, logger, event);
      if (!row) return;
      const p = event.payload;
      const at = instant(p.approvedAt);
      await closeStay(em, row.declarationId, at);
      settle(row, 'FINALLY_APPROVED', at);
      const body = p.committee ?? p.talent?.decidedBy ?? null;
      if (body) {
        row.committeeOutcome = 'PASS';
        row.committeeId = body.organisationId;
        row.committeeName = body.name;
      }
    },

    async DeclarationTerminated(em, event) {
      const row = await rowOf(em, logger, event);
      if (!row) return;
      const p = event.payload;
      const at = instant(p.terminatedAt);
      await closeStay(em, row.declarationId, at);
      settle(row, 'TERMINATED', at);
      if (p.committeeResult === 'FAIL') {
        row.committeeOutcome = 'FAIL';
        if (row.committeeId !== p.organisationId) {
          row.committeeId = p.organisationId;
          row.committeeName = null;
        }
      }
    },

    async DeclarationDeferred(em, event) {
      const row = await rowOf(em, logger, event);
      if (!row) return;
      row.committeeOutcome = 'DEFER';
      row.committeeId = event.payload.committee.organisationId;
      row.committeeName = event.payload.committee.name;
    },

    async UnitReady(em, event) {
      const { unitId, creditCode, name, regionCode } = event.payload;
      if (!isUuid(unitId)) return;
      const region = unitRegion(String(creditCode ?? ''), regionCode);
      await em.upsert(
        StatUnit,
        { unitId, name, regionCode: region },
        { onConflictFields: ['unitId'], onConflictMergeFields: ['name', 'regionCode'] },
      );
      // Declarations submitted before the unit was announced (or before it moved) follow it.
      await em.nativeUpdate(StatDeclaration, { unitId }, { unitName: name, regionCode: region });
    },

    async CertificateIssued(em, event) {
      const { declarationId, issuedAt } = event.payload;
      if (!isUuid(declarationId)) return;
      await em.nativeUpdate(
        StatDeclaration,
        { declarationId, certificateIssuedAt: null },
        { certificateIssuedAt: instant(issuedAt) },
      );
    },
  };
}
