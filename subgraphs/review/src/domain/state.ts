// The state of one declaration's review: its route, the task at each visit of a level, and where
// the declaration is now. Plain data (JSON-safe), so the service can store and reload it as is.
import { TASK_STATE, zhWords } from '@zhicheng/vocabulary';
import type { DecisionStep } from './timeline';
import type { ModuleKey, ReturnTarget, ReviewLevel, RouteOutcome, TalentLevelCode } from './vocabulary';

/** One level of this declaration's route, with the organisation that reviews there. */
export interface RouteStep {
  routeIndex: number;
  level: ReviewLevel;
  organisationId: string;
  name: string;
}

/**
 * PENDING 待审; AWAITING_FORWARD 待送审 (a unit passed it, the batch has not gone yet); DEFERRED
 * 暂缓 (committee). Those three are open. FORWARDED (passed on to the next level), PASSED (the
 * last level passed), RETURNED and TERMINATED are closed.
 */
export type TaskState =
  'PENDING' | 'AWAITING_FORWARD' | 'DEFERRED' | 'FORWARDED' | 'PASSED' | 'RETURNED' | 'TERMINATED';

export const TASK_STATE_WORDS: Readonly<Record<TaskState, string>> = zhWords(TASK_STATE);

export const OPEN_TASK_STATES: readonly TaskState[] = ['PENDING', 'AWAITING_FORWARD', 'DEFERRED'];

/**
 * Why a task was opened: first submission, a pass below, a return from above, a resubmission, or
 * MATERIALS_APPROVED: the route ended with 材料审核通过 (人才分类定级) and the organisation that
 * holds its last seat now records the offline 评审结果 (通过 / 不通过 / 暂缓) — a result task.
 */
export type TaskOrigin =
  'SUBMITTED' | 'ADVANCED' | 'RETURNED_FROM_ABOVE' | 'RESUBMITTED' | 'MATERIALS_APPROVED';

/** A 人才分类定级 class (人才类别): its code and name. */
export interface TalentLevel {
  code: TalentLevelCode;
  name: string;
}

/** The latest decision on a task (a committee may defer before its final result). */
export interface TaskDecisionRecord {
  step: DecisionStep;
  opinion: string;
  modules: ModuleKey[] | null;
  returnTarget: ReturnTarget | null;
  reviewerId: string;
  reviewerName: string;
  decidedAt: string;
  /** A result task's 通过: the class awarded. */
  talentLevel?: TalentLevel | null;
}

export interface TaskForwarding {
  batchId: string;
  attachmentId: string;
  forwardedAt: string;
  forwardedById: string;
  forwardedByName: string;
}

/** A higher level's return to this level: shown to this level's reviewer. */
export interface ReturnNote {
  fromRouteIndex: number;
  fromLevel: ReviewLevel;
  organisationName: string;
  modules: ModuleKey[];
  opinion: string;
  at: string;
}

export interface ReviewTask {
  /** 1, 2, 3 … in opening order, unique within the declaration's review. */
  sequence: number;
  routeIndex: number;
  level: ReviewLevel;
  organisationId: string;
  organisationName: string;
  state: TaskState;
  origin: TaskOrigin;
  openedAt: string;
  returnedFrom: ReturnNote | null;
  decision: TaskDecisionRecord | null;
  forwarding: TaskForwarding | null;
  closedAt: string | null;
}

/**
 * IN_REVIEW: one task open; RETURNED: with the applicant; the other three are final.
 * MATERIALS_APPROVED as a final phase is what a 人才分类定级 review ended in before its result
 * could be recorded; reviews now stay IN_REVIEW with a result task instead.
 */
export type ReviewPhase = 'IN_REVIEW' | 'RETURNED' | 'MATERIALS_APPROVED' | 'FINALLY_APPROVED' | 'TERMINATED';
export const FINAL_PHASES: readonly ReviewPhase[] = ['MATERIALS_APPROVED', 'FINALLY_APPROVED', 'TERMINATED'];

/** A return to the applicant: what to change, and which route level takes the resubmission. */
export interface ApplicantReturn {
  byRouteIndex: number;
  level: ReviewLevel;
  organisationName: string;
  modules: ModuleKey[];
  opinion: string;
  at: string;
}

export interface ReviewState {
  declarationId: string;
  applicantId: string;
  applicantName: string;
  unitId: string;
  route: RouteStep[];
  /** What the last level's pass means when the route has no committee (a committee's PASS is 终审通过). */
  outcomeAfterRoute: RouteOutcome;
  /** 人才分类定级: the class applied for (the result's default); absent for other channels. */
  talent?: TalentLevel | null;
  phase: ReviewPhase;
  /** In opening order; only the last may be open. */
  tasks: ReviewTask[];
  returnedToApplicant: ApplicantReturn | null;
  /** +1 on every transition: the service's optimistic lock. */
  version: number;
  submittedAt: string;
  closedAt: string | null;
}

export function isOpen(task: ReviewTask): boolean {
  return OPEN_TASK_STATES.includes(task.state);
}

/** The task the declaration is at, if any (only the last task can be open). */
export function openTask(state: ReviewState): ReviewTask | null {
  const last = state.tasks[state.tasks.length - 1];
  return last && isOpen(last) ? last : null;
}

/** A task where the route's last seat records the 人才分类定级 评审结果 (not a materials review). */
export function isResultTask(task: ReviewTask | null | undefined): boolean {
  return task?.origin === 'MATERIALS_APPROVED';
}

export function isFinal(state: ReviewState): boolean {
  return FINAL_PHASES.includes(state.phase);
}

/** To whom a task at `routeIndex` may return: the applicant or any lower level on the route. */
export function returnTargets(state: ReviewState, routeIndex: number): ReturnTarget[] {
  return ['APPLICANT', ...state.route.slice(0, routeIndex).map((s) => s.level)];
}
