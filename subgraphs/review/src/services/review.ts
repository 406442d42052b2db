// Reviewers act on one declaration: decide (通过 / 退回修改 / 审核不通过终止审核), mark modules as
// 有误, record the committee's result. Each locks the case, asks the domain, and stores what it
// answered (services/cases.ts) in one transaction.
import type { EntityManager } from '@mikro-orm/core';
import {
  appError,
  badUserInput,
  ErrorCode,
  notFound,
  type AuthResult,
  type FieldProblem,
} from '@zhicheng/server-kit';
import {
  allowedActions,
  applyReviewAction,
  MODULE_KEYS,
  recordCommitteeResults as recordResultsInDomain,
  MODULE_WORDS,
  STALE_MESSAGE,
  verifyAuditChain,
  type CommitteeResult,
  type ModuleKey,
  type ReturnTarget,
  type ReviewDecision,
  type ReviewerActor,
} from '../domain';
import { ModuleFlag, ReviewCase, TimelineEntryRow } from '../entities';
import { CASE_NOT_FOUND, maySeeCase, requireActor, requireReviewer } from './access';
import { changeCases, lockCase, lockCases, recordOf, recordTransition, refusalError } from './cases';
import { isUuid } from './ids';

export interface ModuleFlagInput {
  module: ModuleKey;
  hasErrors: boolean;
  note?: string | null;
}

/** Longest note a reviewer may add to a module flag. */
export const FLAG_NOTE_MAX_LENGTH = 200;

function flagProblems(flags: readonly ModuleFlagInput[] | null | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  (flags ?? []).forEach((flag, i) => {
    if (seen.has(flag.module))
      problems.push({
        field: `moduleFlags.${i}.module`,
        code: 'FLAG_DUPLICATE',
        message: `“${MODULE_WORDS[flag.module] ?? flag.module}”重复标记，每个模块只能标记一次`,
      });
    seen.add(flag.module);
    if (flag.note && [...flag.note.trim()].length > FLAG_NOTE_MAX_LENGTH)
      problems.push({
        field: `moduleFlags.${i}.note`,
        code: 'NOTE_TOO_LONG',
        message: `模块说明不能超过${FLAG_NOTE_MAX_LENGTH}字`,
      });
  });
  return problems;
}

/** Replaces the flags of (declaration, task) with these (an empty list keeps the saved ones). */
async function saveFlags(
  em: EntityManager,
  declarationId: string,
  taskSequence: number,
  flags: readonly ModuleFlagInput[],
  actor: ReviewerActor,
  now: Date,
): Promise<void> {
  if (flags.length === 0) return;
  await em.nativeDelete(ModuleFlag, { declarationId, taskSequence });
  for (const flag of flags)
    em.persist(
      em.create(ModuleFlag, {
        declarationId,
        taskSequence,
        module: flag.module,
        hasErrors: flag.hasErrors,
        note: flag.note?.trim() || null,
        setById: actor.accountId,
        setByName: actor.name,
        setAt: now,
      }),
    );
}

async function loadForChange(em: EntityManager, declarationId: string): Promise<ReviewCase> {
  const row = isUuid(declarationId) ? await lockCase(em, declarationId) : null;
  // No case, or one no organisation can act on yet (UNROUTABLE): nothing here for a reviewer.
  if (!row?.state) throw appError(ErrorCode.NOT_FOUND, CASE_NOT_FOUND, { reason: 'NOT_ON_ROUTE' });
  return row;
}

export interface DecideInput {
  declarationId: string;
  taskSequence: number;
  decision: ReviewDecision;
  opinion: string;
  modules?: readonly ModuleKey[] | null;
  target?: ReturnTarget | null;
  moduleFlags?: readonly ModuleFlagInput[] | null;
}

/**
 * 审核: pass, return (to the applicant or a lower level, with the modules to change) or terminate,
 * always with an opinion. A return without `modules` returns the modules flagged 有误.
 */
export async function decideReview(
  rootEm: EntityManager,
  auth: AuthResult,
  input: DecideInput,
  now: Date,
): Promise<ReviewCase> {
  const actor = requireReviewer(auth);
  const extra = flagProblems(input.moduleFlags);
  return changeCases(rootEm, async (em) => {
    const row = await loadForChange(em, input.declarationId);
    const flags = input.moduleFlags ?? [];
    // Marks given now, else those saved while auditing (saveModuleFlags).
    const marks = flags.length
      ? flags
      : Number.isInteger(input.taskSequence)
        ? await em.find(ModuleFlag, { declarationId: row.declarationId, taskSequence: input.taskSequence })
        : [];
    // In the form's order, however they were marked.
    const flagged = MODULE_KEYS.filter((key) => marks.some((f) => f.module === key && f.hasErrors));
    const modules = input.modules?.length
      ? input.modules
      : input.decision === 'RETURN'
        ? flagged
        : input.modules;
    const result = applyReviewAction(
      row.state!,
      {
        type: 'DECIDE',
        task: input.taskSequence,
        decision: input.decision,
        opinion: input.opinion,
        modules: modules ?? undefined,
        target: input.target ?? undefined,
      },
      actor,
      now,
    );
    if (!result.ok) throw refusalError(result.refusal, result.refusal.code === 'BAD_USER_INPUT' ? extra : []);
    if (extra.length > 0) throw badUserInput(extra);
    await saveFlags(em, row.declarationId, input.taskSequence, flags, actor, now);
    await recordTransition(em, row, result);
    return row;
  });
}

/** 评审结果: 通过 (终审通过), 不通过 (terminated) or 暂缓 (stays with the committee). */
export async function recordCommitteeResult(
  rootEm: EntityManager,
  auth: AuthResult,
  input: { declarationId: string; taskSequence?: number | null; result: CommitteeResult; opinion: string },
  now: Date,
): Promise<ReviewCase> {
  const actor = requireReviewer(auth);
  return changeCases(rootEm, async (em) => {
    const row = await loadForChange(em, input.declarationId);
    const result = applyReviewAction(
      row.state!,
      {
        type: 'RECORD_COMMITTEE_RESULT',
        task: input.taskSequence ?? undefined,
        result: input.result,
        opinion: input.opinion,
      },
      actor,
      now,
    );
    if (!result.ok) throw refusalError(result.refusal);
    await recordTransition(em, row, result);
    return row;
  });
}

/** At most this many declarations per committee result list (a page of the queue, with room). */
export const COMMITTEE_BATCH_MAX = 200;

/**
 * 评审结果 for many declarations at once: one result and opinion, all recorded or none. Each case
 * is locked (in id order, so two lists never deadlock) and checked by the domain as a single
 * result would be: a declaration of another committee, or one not at this committee, refuses the
 * whole list (`BATCH_REFUSED`, each refused id in `declarations`, answered as NOT_FOUND when the
 * committee has no business with it).
 */
export async function recordCommitteeResults(
  rootEm: EntityManager,
  auth: AuthResult,
  input: { declarationIds: readonly string[]; result: CommitteeResult; opinion: string },
  now: Date,
): Promise<ReviewCase[]> {
  const actor = requireReviewer(auth);
  const problems: FieldProblem[] = [];
  input.declarationIds.forEach((id, i) => {
    if (!isUuid(id))
      problems.push({ field: `declarationIds.${i}`, code: 'INVALID_ID', message: '申报编号格式不正确' });
  });
  if (input.declarationIds.length > COMMITTEE_BATCH_MAX)
    problems.push({
      field: 'declarationIds',
      code: 'BATCH_TOO_LARGE',
      message: `每次最多录入${COMMITTEE_BATCH_MAX}条申报的评审结果，请分批录入`,
    });
  if (problems.length > 0) throw badUserInput(problems);

  return changeCases(rootEm, async (em) => {
    const rows = await lockCases(em, [...new Set(input.declarationIds)]);
    const byId = new Map(rows.map((row) => [row.declarationId, row]));
    const missing = input.declarationIds.filter((id) => !byId.get(id)?.state);
    if (missing.length > 0)
      throw appError(ErrorCode.NOT_FOUND, CASE_NOT_FOUND, {
        reason: 'NOT_ON_ROUTE',
        declarations: missing.map((declarationId) => ({
          declarationId,
          code: 'NOT_FOUND',
          reason: 'NOT_ON_ROUTE',
          message: CASE_NOT_FOUND,
        })),
      });
    // Duplicates reach the domain, which names them.
    const chosen = input.declarationIds.map((id) => byId.get(id)!);
    const result = recordResultsInDomain(
      chosen.map((row) => row.state!),
      { result: input.result, opinion: input.opinion },
      actor,
      now,
    );
    if (!result.ok) throw refusalError(result.refusal);
    for (const row of rows) {
      await recordTransition(em, row, {
        state: result.states.find((s) => s.declarationId === row.declarationId)!,
        events: result.events.filter((e) => e.payload.declarationId === row.declarationId),
        timeline: result.timeline.filter((t) => t.declarationId === row.declarationId),
      });
    }
    return input.declarationIds.map((id) => byId.get(id)!);
  });
}

/**
 * 人才分类定级 评审结果 by the organisation at the route's last seat, once the materials are
 * approved: 通过 (终审通过, with the class awarded — by default the one applied for), 不通过
 * (terminated) or 暂缓 (stays there, to be decided later).
 */
export async function recordTalentResult(
  rootEm: EntityManager,
  auth: AuthResult,
  input: {
    declarationId: string;
    taskSequence?: number | null;
    result: CommitteeResult;
    opinion: string;
    levelCode?: string | null;
  },
  now: Date,
): Promise<ReviewCase> {
  const actor = requireReviewer(auth);
  return changeCases(rootEm, async (em) => {
    const row = await loadForChange(em, input.declarationId);
    const result = applyReviewAction(
      row.state!,
      {
        type: 'RECORD_TALENT_RESULT',
        task: input.taskSequence ?? undefined,
        result: input.result,
        opinion: input.opinion,
        levelCode: input.levelCode,
      },
      actor,
      now,
    );
    if (!result.ok) throw refusalError(result.refusal);
    await recordTransition(em, row, result);
    return row;
  });
}

/**
 * Saves the reviewer's 有误 marks while auditing, before deciding (last write wins; the marks are
 * working notes, not a decision, so the case's version does not move). Only the reviewer who may
 * decide the task now may mark it.
 */
export async function saveModuleFlags(
  rootEm: EntityManager,
  auth: AuthResult,
  input: { declarationId: string; taskSequence: number; flags: readonly ModuleFlagInput[] },
  now: Date,
): Promise<ReviewCase> {
  const actor = requireReviewer(auth);
  const problems = flagProblems(input.flags);
  return changeCases(rootEm, async (em) => {
    const row = await loadForChange(em, input.declarationId);
    if (!maySeeCase(actor, row))
      throw appError(ErrorCode.NOT_FOUND, CASE_NOT_FOUND, { reason: 'NOT_ON_ROUTE' });
    const decidable = allowedActions(row.state!, actor).some(
      (a) => a.type === 'DECIDE' && a.task === input.taskSequence,
    );
    if (!decidable) throw appError(ErrorCode.CONFLICT, STALE_MESSAGE, { reason: 'ALREADY_HANDLED' });
    if (problems.length > 0) throw badUserInput(problems);
    await em.nativeDelete(ModuleFlag, { declarationId: row.declarationId, taskSequence: input.taskSequence });
    await saveFlags(em, row.declarationId, input.taskSequence, input.flags, actor, now);
    await em.flush();
    return row;
  });
}

/** A case the caller may read, else NOT_FOUND (another organisation's case does not exist for them). */
export async function readCase(
  em: EntityManager,
  auth: AuthResult,
  declarationId: string,
): Promise<ReviewCase> {
  const actor = requireActor(auth);
  const row = isUuid(declarationId) ? await em.findOne(ReviewCase, { declarationId }) : null;
  if (!row || !maySeeCase(actor, row)) throw notFound(CASE_NOT_FOUND);
  return row;
}

export interface AuditTrailCheck {
  ok: boolean;
  length: number;
  brokenIndex: number | null;
  reason: string | null;
  message: string;
}

/**
 * Checks a declaration's audit trail: every entry's hash, the links between them and the head
 * kept on the case. Staff of an organisation that has had the case (department, bureau,
 * committee) may check it.
 */
export async function verifyAuditTrail(
  em: EntityManager,
  auth: AuthResult,
  declarationId: string,
): Promise<AuditTrailCheck> {
  const actor = requireReviewer(auth);
  if (actor.level === 'UNIT')
    throw appError(ErrorCode.FORBIDDEN, '只有审核机构工作人员可以核验审核记录', {
      reason: 'ROLE_NOT_ALLOWED',
    });
  const row = isUuid(declarationId) ? await em.findOne(ReviewCase, { declarationId }) : null;
  if (!row || !maySeeCase(actor, row)) throw notFound(CASE_NOT_FOUND);
  const rows = await em.find(
    TimelineEntryRow,
    { declarationId },
    { orderBy: { sequence: 'asc', id: 'asc' } },
  );
  const head =
    row.headSequence === null || row.headSequence === undefined
      ? null
      : { sequence: row.headSequence, hash: row.headHash ?? '' };
  const check = verifyAuditChain(rows.map(recordOf), { head });
  return check.ok
    ? {
        ok: true,
        length: check.length,
        brokenIndex: null,
        reason: null,
        message: `审核记录完整，共${check.length}条`,
      }
    : {
        ok: false,
        length: rows.length,
        brokenIndex: check.index,
        reason: check.reason,
        message: check.message,
      };
}
