// Storing what the review domain decided: the new state, its timeline entries chained onto the
// audit trail, its events in the outbox and its live notices, all in the caller's transaction.
import {
  LockMode,
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/core';
import { recordEvent, type EventType } from '@zhicheng/events';
import { appError, badUserInput, ErrorCode, type FieldProblem } from '@zhicheng/server-kit';
import {
  chainTimeline,
  openTask,
  STALE_MESSAGE,
  type AuditRecord,
  type AuditedTimelineEntry,
  type ReviewEvent,
  type ReviewLevel,
  type ReviewRefusal,
  type ReviewState,
  type TimelineEntry,
} from '../domain';
import { CaseParticipant, ReviewCase, TimelineEntryRow } from '../entities';
import { publishNotices, type LiveNotice } from '../live';

/** What a successful domain call answers, for one declaration. */
export interface Transition {
  state: ReviewState;
  events: readonly ReviewEvent[];
  timeline: readonly TimelineEntry[];
}

/** The GraphQL error for a domain refusal: same code, the domain's message, reason and details. */
export function refusalError(refusal: ReviewRefusal, extraProblems: readonly FieldProblem[] = []) {
  if (refusal.code === 'BAD_USER_INPUT' && (refusal.fields || extraProblems.length > 0)) {
    const fields = [...(refusal.fields ?? []), ...extraProblems];
    const error = badUserInput(fields);
    error.extensions.reason = refusal.reason;
    if (refusal.declarations) error.extensions.declarations = refusal.declarations;
    return error;
  }
  return appError(ErrorCode[refusal.code], refusal.message, {
    reason: refusal.reason,
    ...(refusal.fields ? { fields: refusal.fields } : {}),
    ...(refusal.declarations
      ? {
          declarations: refusal.declarations.map((d) => ({
            declarationId: d.declarationId,
            code: d.refusal.code,
            reason: d.refusal.reason,
            message: d.refusal.message,
          })),
        }
      : {}),
  });
}

export const staleConflict = () => appError(ErrorCode.CONFLICT, STALE_MESSAGE, { reason: 'ALREADY_HANDLED' });

/**
 * Runs a change in one transaction. Every change locks its case rows first, so two reviewers
 * deciding the same task take turns and the second is refused by the domain (ALREADY_HANDLED);
 * the version column and the timeline's unique (declaration, sequence) stop anything that slips
 * past the lock, and answer the same CONFLICT.
 */
export async function changeCases<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(work);
  } catch (error) {
    if (error instanceof OptimisticLockError || error instanceof UniqueConstraintViolationException)
      throw staleConflict();
    throw error;
  }
}

/** The case, locked for the rest of the transaction (SELECT … FOR UPDATE). */
export function lockCase(em: EntityManager, declarationId: string): Promise<ReviewCase | null> {
  return em.findOne(ReviewCase, { declarationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

/** Several cases, locked in id order (two batches over the same cases cannot deadlock). */
export function lockCases(em: EntityManager, declarationIds: readonly string[]): Promise<ReviewCase[]> {
  return em.find(
    ReviewCase,
    { declarationId: { $in: [...declarationIds] } },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { declarationId: 'asc' } },
  );
}

let lastOccurredAt = 0;

/**
 * Strictly increasing times for outbox rows. The relay publishes in (occurred_at, id) order, so
 * two events of one transition stamped in the same millisecond (DeclarationAdvanced to the
 * committee, then DeclarationMaterialsApproved) would otherwise go out in random id order.
 */
function nextOccurredAt(): Date {
  lastOccurredAt = Math.max(Date.now(), lastOccurredAt + 1);
  return new Date(lastOccurredAt);
}

interface Position {
  organisationId: string;
  level: string;
  taskSequence: number;
  taskState: string;
}

function positionOf(state: ReviewState | null | undefined): Position | null {
  const task = state ? openTask(state) : null;
  return task
    ? {
        organisationId: task.organisationId,
        level: task.level,
        taskSequence: task.sequence,
        taskState: task.state,
      }
    : null;
}

/** Rewrites the queue columns from the state (the state is the truth; the columns index it). */
export function syncColumns(row: ReviewCase): void {
  const state = row.state;
  if (!state) {
    row.phase = 'UNROUTABLE';
    row.currentLevel = row.currentOrganisationId = row.currentTaskState = null;
    row.currentTaskSequence = null;
    row.currentSince = null;
    return;
  }
  row.phase = state.phase;
  const task = openTask(state);
  row.currentLevel = task?.level ?? null;
  row.currentOrganisationId = task?.organisationId ?? null;
  row.currentTaskSequence = task?.sequence ?? null;
  row.currentTaskState = task?.state ?? null;
  row.currentSince = task ? new Date(task.openedAt) : null;
}

/** A chained record as a row (every field but the row id is covered by its hash). */
function rowOf(em: EntityManager, record: AuditRecord<AuditedTimelineEntry>): TimelineEntryRow {
  return em.create(TimelineEntryRow, {
    declarationId: record.declarationId,
    sequence: record.sequence,
    taskSequence: record.taskSequence,
    at: new Date(record.at),
    step: record.step,
    stepText: record.stepText,
    level: record.level,
    levelText: record.levelText,
    organisationId: record.organisationId,
    organisationName: record.organisationName,
    actorId: record.actorId,
    actorName: record.actorName,
    opinion: record.opinion,
    modules: record.modules,
    returnTarget: record.returnTarget,
    batchId: record.batchId,
    statusAfter: record.statusAfter,
    statusText: record.statusText,
    previousHash: record.previousHash,
    hash: record.hash,
  });
}

/** A row as the record it was written from: exactly the fields the hash covers. */
export function recordOf(row: TimelineEntryRow): AuditRecord<AuditedTimelineEntry> {
  return {
    declarationId: row.declarationId,
    taskSequence: row.taskSequence,
    at: row.at.toISOString(),
    step: row.step,
    stepText: row.stepText,
    level: row.level,
    levelText: row.levelText,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    actorId: row.actorId,
    actorName: row.actorName,
    opinion: row.opinion,
    modules: row.modules,
    returnTarget: row.returnTarget,
    batchId: row.batchId,
    statusAfter: row.statusAfter,
    statusText: row.statusText,
    sequence: row.sequence,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}

function queueNotices(
  declarationId: string,
  before: Position | null,
  after: Position | null,
  at: string,
): LiveNotice[] {
  const notice = (organisationId: string, change: 'ADDED' | 'REMOVED' | 'UPDATED'): LiveNotice => ({
    topic: 'REVIEW_QUEUE',
    payload: { organisationId, declarationId, change, at },
  });
  if (before && after && before.organisationId === after.organisationId && before.level === after.level) {
    const same = before.taskSequence === after.taskSequence && before.taskState === after.taskState;
    return same ? [] : [notice(after.organisationId, 'UPDATED')];
  }
  return [
    ...(before ? [notice(before.organisationId, 'REMOVED')] : []),
    ...(after ? [notice(after.organisationId, 'ADDED')] : []),
  ];
}

/**
 * Stores one declaration's transition in the transaction `em` is in: the state and its queue
 * columns, the timeline entries chained after the case's head, the events in the outbox, the
 * organisations that got a task, and the live notices (sent on commit).
 */
export async function recordTransition(
  em: EntityManager,
  row: ReviewCase,
  transition: Transition,
): Promise<TimelineEntryRow[]> {
  const before = positionOf(row.state);
  const knownTasks = row.state?.tasks.length ?? 0;
  row.state = transition.state;
  syncColumns(row);

  const head =
    row.headSequence === null || row.headSequence === undefined
      ? null
      : { sequence: row.headSequence, hash: row.headHash! };
  const records = chainTimeline(transition.timeline, head);
  const rows = records.map((record) => rowOf(em, record));
  em.persist(rows);
  const last = records[records.length - 1];
  if (last) {
    row.headSequence = last.sequence;
    row.headHash = last.hash;
  }

  for (const event of transition.events)
    recordEvent(em, event.type as EventType, event.payload as never).occurredAt = nextOccurredAt();

  // Who had this declaration and when they last had to do with it: a task opened for them, or a
  // step they took (their 已审 list is ordered by it).
  const activity = new Map<string, { level: ReviewLevel; organisationId: string; at: string }>();
  const touch = (level: ReviewLevel, organisationId: string, at: string) => {
    const key = `${level}:${organisationId}`;
    const seen = activity.get(key);
    if (!seen || seen.at < at) activity.set(key, { level, organisationId, at });
  };
  for (const task of transition.state.tasks.slice(knownTasks))
    touch(task.level, task.organisationId, task.openedAt);
  for (const entry of transition.timeline)
    if (entry.level !== 'APPLICANT' && entry.organisationId)
      touch(entry.level, entry.organisationId, entry.at);
  for (const { level, organisationId, at } of activity.values())
    await em.upsert(
      CaseParticipant,
      {
        declarationId: row.declarationId,
        level,
        organisationId,
        firstTaskAt: new Date(at),
        lastTaskAt: new Date(at),
      },
      {
        onConflictFields: ['declarationId', 'level', 'organisationId'],
        onConflictMergeFields: ['lastTaskAt'],
      },
    );
  await em.flush();

  const at = last?.at ?? new Date().toISOString();
  await publishNotices(em, [
    ...rows.map((entry): LiveNotice => ({
      topic: 'DECLARATION_TIMELINE',
      payload: {
        declarationId: row.declarationId,
        applicantId: row.applicantId,
        entryId: entry.id,
        at: entry.at.toISOString(),
      },
    })),
    ...queueNotices(row.declarationId, before, positionOf(transition.state), at),
  ]);
  return rows;
}
