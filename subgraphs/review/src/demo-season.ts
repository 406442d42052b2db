// review's part of the demo season (server-kit demo-season.ts): once every process is up and
// review has opened the season's cases from their DeclarationSubmitted, each case is decided as
// the season says, through the domain (applyReviewAction) and recordTransition, as a reviewer's
// mutation would be, so the outcome events reach declaration, certificate and the statistics.
// The decisions are dated between the submission and now, so review times look like a season's.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { FileStorage } from '@zhicheng/files';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { demoId, seasonApplicants, type SeasonOutcome } from '@zhicheng/server-kit';
import {
  applyReviewAction,
  type ReviewAction,
  type ReviewerActor,
  type ReviewLevel,
  type ReviewState,
} from './domain';
import { Batch, ReviewCase } from './entities';
import { recordTransition } from './services/cases';

type Step = { level: ReviewLevel; action: ReviewAction };

const PASS = '材料齐全，符合申报条件，同意推荐。';
const pass = (level: ReviewLevel): Step => ({
  level,
  action: { type: 'DECIDE', decision: 'PASS', opinion: PASS },
});
const forward: Step = {
  level: 'UNIT',
  action: { type: 'FORWARD', batch: { id: demoId('season-batch'), attachmentId: null } },
};
const toBureau = [pass('UNIT'), forward];
const toCommittee = [...toBureau, pass('BUREAU')];
const returned = (level: ReviewLevel): Step => ({
  level,
  action: {
    type: 'DECIDE',
    decision: 'RETURN',
    target: 'APPLICANT',
    modules: ['WORK_EXPERIENCE'],
    opinion: '工作经历证明材料不全，请补充后重新提交。',
  },
});
const committee = (result: 'PASS' | 'FAIL' | 'DEFER'): Step => ({
  level: 'COMMITTEE',
  action: { type: 'RECORD_COMMITTEE_RESULT', result, opinion: '经评审委员会评议表决。' },
});

const STEPS: Record<SeasonOutcome, Step[]> = {
  AT_UNIT: [],
  RETURNED_BY_UNIT: [returned('UNIT')],
  AT_BUREAU: toBureau,
  AT_COMMITTEE: toCommittee,
  PASSED: [...toCommittee, committee('PASS')],
  FAILED: [...toCommittee, committee('FAIL')],
  DEFERRED: [...toCommittee, committee('DEFER')],
  TERMINATED_BY_BUREAU: [
    ...toBureau,
    {
      level: 'BUREAU',
      action: { type: 'DECIDE', decision: 'TERMINATE', opinion: '不符合申报条件，终止审核。' },
    },
  ],
  RETURNED_BY_BUREAU: [...toBureau, returned('BUREAU')],
};

const ROLES = {
  UNIT: 'UNIT_AGENT',
  DEPARTMENT: 'DEPARTMENT_REVIEWER',
  BUREAU: 'BUREAU_REVIEWER',
  COMMITTEE: 'COMMITTEE_SECRETARY',
} as const;
const NAMES = {
  UNIT: '经办人（演示）',
  DEPARTMENT: '主管部门审核员（演示）',
  BUREAU: '人社审核员（演示）',
  COMMITTEE: '评委会秘书（演示）',
} as const;

function actorAt(state: ReviewState, level: ReviewLevel, unitId: string): ReviewerActor | null {
  const organisationId =
    level === 'UNIT' ? unitId : state.route.find((r) => r.level === level)?.organisationId;
  if (!organisationId) return null;
  return {
    kind: 'REVIEWER',
    accountId: demoId(`season-reviewer:${level}:${organisationId}`),
    name: NAMES[level],
    organisationId,
    level,
    roles: [ROLES[level]],
  };
}

/** A one-page PDF standing in for a unit's 推荐报告 (the demo has no scanner). */
async function reportPdf(unitName: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.drawText('Recommendation report (demo season)', { x: 60, y: 760, size: 20, font });
  page.drawText(`unit ${createHash('sha256').update(unitName).digest('hex').slice(0, 12)}`, {
    x: 60,
    y: 720,
    size: 12,
    font,
  });
  return Buffer.from(await document.save());
}

/** The unit's season batch: its 推荐报告 stored once, as an uploaded one would be. */
async function batchOf(em: EntityManager, storage: FileStorage, unitId: string, unitName: string, at: Date) {
  const id = demoId(`season-batch:${unitId}`);
  const existing = await em.findOne(Batch, { id });
  if (existing) return existing;
  const bytes = await reportPdf(unitName);
  const storageKey = `batches/season-${unitId}.pdf`;
  await storage.put(storageKey, Readable.from([bytes]));
  const batch = em.create(Batch, {
    id,
    unitId,
    attachmentId: demoId(`season-batch-attachment:${unitId}`),
    fileName: '推荐报告.pdf',
    sizeBytes: bytes.length,
    format: 'pdf',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    storageKey,
    ticketId: demoId(`season-batch-ticket:${unitId}`),
    uploadedById: demoId(`season-reviewer:UNIT:${unitId}`),
    uploadedByName: NAMES.UNIT,
    uploadedAt: at,
    forwardedAt: at,
    forwardedById: demoId(`season-reviewer:UNIT:${unitId}`),
    forwardedByName: NAMES.UNIT,
    declarationIds: [],
  });
  em.persist(batch);
  return batch;
}

/** Decides one untouched case as the season says; false when there was nothing to do (or a rerun). */
async function decide(
  em: EntityManager,
  storage: FileStorage,
  declarationId: string,
  outcome: SeasonOutcome,
  now: Date,
) {
  const steps = STEPS[outcome];
  if (steps.length === 0) return false; // 待审 at the unit: nothing to decide
  return em.transactional(async (tx) => {
    const row = await tx.findOne(ReviewCase, { declarationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (
      !row?.state ||
      row.phase !== 'IN_REVIEW' ||
      row.state.tasks.length !== 1 ||
      row.state.tasks[0].decision
    )
      return false;
    const start = row.submittedAt.getTime();
    // Spread the steps over the time since submission (at most three days apart).
    const gap = Math.min(3 * 86_400_000, (now.getTime() - start) / (steps.length + 1));
    for (const [i, step] of steps.entries()) {
      const actor = actorAt(row.state!, step.level, row.unitId);
      if (!actor) return true;
      const at = new Date(start + gap * (i + 1));
      let action = step.action;
      if (action.type === 'FORWARD') {
        const batch = await batchOf(tx, storage, row.unitId, row.unitName ?? '', at);
        batch.declarationIds = [...(batch.declarationIds ?? []), declarationId];
        action = { type: 'FORWARD', batch: { id: batch.id, attachmentId: batch.attachmentId } };
      }
      const result = applyReviewAction(row.state!, action, actor, at);
      if (!result.ok) throw new Error(`${declarationId} ${step.action.type}: ${result.refusal.message}`);
      await recordTransition(tx, row, result);
    }
    return true;
  });
}

/**
 * Waits (up to `waitMs`) until review has opened the season's cases, then decides them. Answers
 * how many were decided now.
 */
export async function decideDemoSeason(
  orm: MikroORM,
  storage: FileStorage,
  now = new Date(),
  waitMs = 60_000,
): Promise<number> {
  const applicants = seasonApplicants();
  const ids = applicants.map((a) => a.declarationId);
  const deadline = Date.now() + waitMs;
  let seen = -1;
  let quietSince = Date.now();
  for (;;) {
    const count = await orm.em.fork().count(ReviewCase, { declarationId: { $in: ids } });
    if (count === ids.length) break;
    if (count !== seen) [seen, quietSince] = [count, Date.now()];
    // Nothing new for 10 s (declaration made fewer, e.g. no open notice) or out of time: go on.
    if (Date.now() - quietSince > 10_000 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  let decided = 0;
  for (const a of applicants)
    if (await decide(orm.em.fork(), storage, a.declarationId, a.outcome, now)) decided += 1;
  return decided;
}
