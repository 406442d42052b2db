// The review of one declaration as a state machine ("按人事管理权限逐级审核"): a task at each
// level of the notice's route in turn, decided by that level's organisation. Every function is
// pure: it takes the state, an action and the actor and answers either the next state with the
// events to publish and the timeline entries to append, or a typed refusal — never both, and the
// given state is never modified, so the service can persist the answer in one transaction.
import type { FieldProblem, Role } from '@zhicheng/server-kit';
import type { CommitteeRef, ReviewEvent } from './events';
import {
  inputRefusal,
  NOT_ON_ROUTE_MESSAGE,
  NOT_YOUR_LEVEL_MESSAGE,
  refusal,
  STALE_MESSAGE,
  type ReviewRefusal,
} from './refusals';
import {
  isFinal,
  isOpen,
  isResultTask,
  openTask,
  returnTargets,
  type ReturnNote,
  type ReviewState,
  type ReviewTask,
  type RouteStep,
  type TalentLevel,
  type TaskDecisionRecord,
  type TaskOrigin,
} from './state';
import { APPLICANT_STATUS_WORDS, applicantStatus } from './status';
import { TIMELINE_STEP_WORDS, type TimelineEntry, type TimelineStep } from './timeline';
import {
  characterCount,
  COMMITTEE_RESULTS,
  LEVEL_ROLES,
  levelIndex,
  MODULE_KEYS,
  OPINION_MAX_LENGTH,
  RETURN_TARGET_WORDS,
  REVIEW_DECISIONS,
  REVIEW_LEVEL_WORDS,
  TALENT_LEVEL_CODES,
  TALENT_LEVEL_WORDS,
  type CommitteeResult,
  type ModuleKey,
  type ReturnTarget,
  type ReviewDecision,
  type ReviewLevel,
  type RouteLevel,
  type RouteOutcome,
  type TalentLevelCode,
} from './vocabulary';

// --- actors and actions -------------------------------------------------------------------------

export interface ReviewerActor {
  kind: 'REVIEWER';
  accountId: string;
  name: string;
  /** The unit (unit accounts) or the staff member's organisation. */
  organisationId: string;
  level: ReviewLevel;
  roles: readonly Role[];
}

export interface ApplicantActor {
  kind: 'APPLICANT';
  personId: string;
  name: string;
}

export type ReviewActor = ReviewerActor | ApplicantActor;

/** The 批量送审 batch a forwarding belongs to; its attachment is the 推荐报告/申报函. */
export interface BatchInfo {
  id: string;
  attachmentId: string | null;
}

/**
 * `task` names the task the reviewer opened (its sequence): with it a stale page is refused as
 * CONFLICT instead of deciding a newer task at the same level. Without it, the open task is meant.
 */
export type ReviewAction =
  | {
      type: 'DECIDE';
      task?: number;
      decision: ReviewDecision;
      opinion: string;
      /** RETURN: the modules marked "has errors" (有误), which the applicant may then edit. */
      modules?: readonly ModuleKey[];
      target?: ReturnTarget;
    }
  | { type: 'FORWARD'; task?: number; batch: BatchInfo }
  | { type: 'RECORD_COMMITTEE_RESULT'; task?: number; result: CommitteeResult; opinion: string }
  | {
      /** 人才分类定级 评审结果 by the route's last seat after 材料审核通过. */
      type: 'RECORD_TALENT_RESULT';
      task?: number;
      result: CommitteeResult;
      opinion: string;
      /** 通过: the class awarded; without it, the class applied for. */
      levelCode?: string | null;
    }
  | { type: 'RESUBMIT' };

export type ReviewActionType = ReviewAction['type'];

/** What an actor may do now (the buttons), as allowedActions answers it. */
export type AllowedAction =
  | { type: 'DECIDE'; task: number; decisions: ReviewDecision[]; returnTargets: ReturnTarget[] }
  | { type: 'FORWARD'; task: number }
  | { type: 'RECORD_COMMITTEE_RESULT'; task: number; results: CommitteeResult[] }
  | {
      type: 'RECORD_TALENT_RESULT';
      task: number;
      results: CommitteeResult[];
      /** The classes that may be awarded, top first, and the one applied for (the default). */
      levels: TalentLevel[];
      appliedLevel: TalentLevel | null;
    }
  | { type: 'RESUBMIT' };

// --- results ----------------------------------------------------------------------------------

export type ReviewResult =
  | { ok: true; state: ReviewState; events: ReviewEvent[]; timeline: TimelineEntry[] }
  | { ok: false; refusal: ReviewRefusal };

const refuse = (r: ReviewRefusal): { ok: false; refusal: ReviewRefusal } => ({ ok: false, refusal: r });

// --- small helpers ----------------------------------------------------------------------------

function mayActAtLevel(actor: ReviewerActor): boolean {
  return LEVEL_ROLES[actor.level].some((role) => actor.roles.includes(role));
}

function routeStepOf(state: ReviewState, actor: ReviewerActor): RouteStep | undefined {
  return state.route.find((s) => s.level === actor.level && s.organisationId === actor.organisationId);
}

function trimmedOpinion(opinion: unknown): string {
  return typeof opinion === 'string' ? opinion.trim() : '';
}

function opinionProblems(opinion: unknown, problems: FieldProblem[]): void {
  const text = trimmedOpinion(opinion);
  if (text === '') problems.push({ field: 'opinion', code: 'OPINION_REQUIRED', message: '请填写审核意见' });
  else if (characterCount(text) > OPINION_MAX_LENGTH)
    problems.push({
      field: 'opinion',
      code: 'OPINION_TOO_LONG',
      message: `审核意见不能超过${OPINION_MAX_LENGTH}字，当前${characterCount(text)}字`,
    });
}

function replaceTask(state: ReviewState, task: ReviewTask): ReviewTask[] {
  return state.tasks.map((t) => (t.sequence === task.sequence ? task : t));
}

function newTask(
  state: ReviewState,
  tasks: ReviewTask[],
  routeIndex: number,
  origin: TaskOrigin,
  at: string,
  returnedFrom: ReturnNote | null = null,
): ReviewTask {
  const step = state.route[routeIndex];
  return {
    sequence: tasks.length + 1,
    routeIndex,
    level: step.level,
    organisationId: step.organisationId,
    organisationName: step.name,
    state: 'PENDING',
    origin,
    openedAt: at,
    returnedFrom,
    decision: null,
    forwarding: null,
    closedAt: null,
  };
}

interface EntryFacts {
  task: ReviewTask;
  step: TimelineStep;
  /** Words other than the step's own (评审通过（认定为C类）). */
  stepText?: string;
  actorId: string;
  actorName: string;
  applicantStep?: boolean;
  opinion?: string | null;
  modules?: ModuleKey[] | null;
  returnTarget?: ReturnTarget | null;
  batchId?: string | null;
}

function timelineEntry(next: ReviewState, at: string, facts: EntryFacts): TimelineEntry {
  const status = applicantStatus(next);
  return {
    declarationId: next.declarationId,
    taskSequence: facts.task.sequence,
    at,
    step: facts.step,
    stepText: facts.stepText ?? TIMELINE_STEP_WORDS[facts.step],
    level: facts.applicantStep ? 'APPLICANT' : facts.task.level,
    levelText: facts.applicantStep ? '申报人' : REVIEW_LEVEL_WORDS[facts.task.level],
    organisationId: facts.applicantStep ? null : facts.task.organisationId,
    organisationName: facts.applicantStep ? null : facts.task.organisationName,
    actorId: facts.actorId,
    actorName: facts.actorName,
    opinion: facts.opinion ?? null,
    modules: facts.modules ?? null,
    returnTarget: facts.returnTarget ?? null,
    batchId: facts.batchId ?? null,
    statusAfter: status,
    statusText: APPLICANT_STATUS_WORDS[status],
  };
}

// --- start ------------------------------------------------------------------------------------

/** What DeclarationSubmitted (first submission) tells review. */
export interface ReviewStart {
  declarationId: string;
  applicantId: string;
  applicantName: string;
  unitId: string;
  /** The unit's name for the UNIT step (the route's own name is used when absent). */
  unitName?: string | null;
  route: readonly RouteLevel[];
  /**
   * Required when the route does not end at a committee: 人才分类定级 ends with
   * MATERIALS_APPROVED, other bureau-final channels (职称初定, 聘期考核) with FINALLY_APPROVED.
   */
  outcomeAfterRoute?: RouteOutcome | null;
  /** 人才分类定级: the class applied for (the default of the result); unknown codes are ignored. */
  talentLevelCode?: string | null;
}

function talentLevelOf(code: string | null | undefined): TalentLevel | null {
  return code && TALENT_LEVEL_CODES.includes(code as TalentLevelCode)
    ? { code: code as TalentLevelCode, name: TALENT_LEVEL_WORDS[code as TalentLevelCode] }
    : null;
}

/**
 * Opens the first task. The UNIT step is always the applicant's own unit. A DEPARTMENT step that
 * names no organisation (主管部门 无, or a notice that leaves the competent department open, as the
 * demo notices do) is skipped: nobody could act there. Every other step must name its
 * organisation: without one nobody could be told apart from another organisation of that level.
 */
export function startReview(input: ReviewStart, now: Date): ReviewResult {
  const at = now.toISOString();
  const problems: FieldProblem[] = [];
  const route: RouteStep[] = [];
  let previous = -1;
  input.route.forEach((level, i) => {
    const field = `route.${i}`;
    if (level.level === 'DEPARTMENT' && !level.organisationId) return;
    const order = levelIndex(level.level);
    if (order < 0) {
      problems.push({ field: `${field}.level`, code: 'UNKNOWN_LEVEL', message: '审核层级不存在' });
      return;
    }
    if (order <= previous)
      problems.push({
        field: `${field}.level`,
        code: 'ROUTE_ORDER',
        message: '审核流程应按 推荐单位 → 主管部门 → 人社部门 → 评委会 的顺序逐级配置，且每级一次',
      });
    previous = Math.max(previous, order);
    const organisationId = level.level === 'UNIT' ? input.unitId : level.organisationId;
    if (!organisationId) {
      problems.push({
        field: `${field}.organisationId`,
        code: 'ORGANISATION_REQUIRED',
        message:
          level.level === 'BUREAU'
            ? `审核流程中的“${level.name}”未指定审核机构，推荐单位的所属行政区划也没有对应的人社部门：请在通知中指定，或请单位法人设置所属行政区划`
            : `审核流程中的“${level.name}”未指定审核机构，请在通知中配置`,
      });
      return;
    }
    const name = level.level === 'UNIT' && input.unitName ? input.unitName : level.name;
    route.push({ routeIndex: route.length, level: level.level, organisationId, name });
  });
  if (route.length === 0 && problems.length === 0)
    problems.push({ field: 'route', code: 'ROUTE_REQUIRED', message: '请配置审核流程（至少一级）' });
  const endsAtCommittee = route[route.length - 1]?.level === 'COMMITTEE';
  let outcomeAfterRoute: RouteOutcome = 'FINALLY_APPROVED';
  if (endsAtCommittee) {
    if (input.outcomeAfterRoute === 'MATERIALS_APPROVED')
      problems.push({
        field: 'outcomeAfterRoute',
        code: 'OUTCOME_CONFLICTS_COMMITTEE',
        message: '审核流程以评委会结束时，评审通过即为终审通过',
      });
  } else if (
    input.outcomeAfterRoute !== 'FINALLY_APPROVED' &&
    input.outcomeAfterRoute !== 'MATERIALS_APPROVED'
  ) {
    problems.push({
      field: 'outcomeAfterRoute',
      code: 'OUTCOME_REQUIRED',
      message: '审核流程未以评委会结束时，须说明末级审核通过后的结果（终审通过或材料审核通过）',
    });
  } else outcomeAfterRoute = input.outcomeAfterRoute;
  if (!input.declarationId)
    problems.push({ field: 'declarationId', code: 'REQUIRED', message: '缺少申报编号' });
  if (!input.applicantId)
    problems.push({ field: 'applicantId', code: 'REQUIRED', message: '缺少申报人编号' });
  if (!input.unitId) problems.push({ field: 'unitId', code: 'REQUIRED', message: '缺少推荐单位编号' });
  if (problems.length > 0) return refuse(inputRefusal(problems));

  const draft: ReviewState = {
    declarationId: input.declarationId,
    applicantId: input.applicantId,
    applicantName: input.applicantName,
    unitId: input.unitId,
    route,
    outcomeAfterRoute,
    talent: outcomeAfterRoute === 'MATERIALS_APPROVED' ? talentLevelOf(input.talentLevelCode) : null,
    phase: 'IN_REVIEW',
    tasks: [],
    returnedToApplicant: null,
    version: 1,
    submittedAt: at,
    closedAt: null,
  };
  const first = newTask(draft, [], 0, 'SUBMITTED', at);
  const state = { ...draft, tasks: [first] };
  const entry = timelineEntry(state, at, {
    task: first,
    step: 'SUBMIT',
    actorId: input.applicantId,
    actorName: input.applicantName,
    applicantStep: true,
  });
  return { ok: true, state, events: [], timeline: [entry] };
}

// --- which task an actor may act on -----------------------------------------------------------

type Purpose = 'DECIDE' | 'FORWARD' | 'COMMITTEE' | 'RESULT';

/**
 * Authorisation before anything else: the role for the claimed level, the organisation on the
 * route (else NOT_FOUND, so other organisations learn nothing), then whether the declaration is
 * at this actor's task in a state that fits the action.
 */
function locateTask(
  state: ReviewState,
  actor: ReviewerActor,
  requested: number | undefined,
  purpose: Purpose,
): ReviewTask | ReviewRefusal {
  if (!mayActAtLevel(actor))
    return refusal('FORBIDDEN', 'ROLE_NOT_ALLOWED', `您没有${REVIEW_LEVEL_WORDS[actor.level]}审核权限`);
  if (purpose === 'FORWARD' && actor.level !== 'UNIT')
    return refusal(
      'FORBIDDEN',
      'ROLE_NOT_ALLOWED',
      '只有推荐单位需要批量送审，其他审核环节审核通过即送下一级',
    );
  if (purpose === 'COMMITTEE' && actor.level !== 'COMMITTEE')
    return refusal('FORBIDDEN', 'ROLE_NOT_ALLOWED', '只有评委会可以录入评审结果');
  if (purpose === 'DECIDE' && actor.level === 'COMMITTEE')
    return refusal('FORBIDDEN', 'COMMITTEE_RECORDS_RESULT', '评委会请录入评审结果（通过、不通过或暂缓）');

  const step = routeStepOf(state, actor);
  if (!step) return refusal('NOT_FOUND', 'NOT_ON_ROUTE', NOT_ON_ROUTE_MESSAGE);
  if (requested !== undefined) {
    const named = state.tasks.find((t) => t.sequence === requested);
    if (!named) return refusal('NOT_FOUND', 'TASK_NOT_FOUND', '审核任务不存在，请刷新后查看');
    if (named.routeIndex !== step.routeIndex)
      return refusal('FORBIDDEN', 'NOT_YOUR_LEVEL', NOT_YOUR_LEVEL_MESSAGE);
    // The page showed this task and it has been decided since (by a colleague at the same moment,
    // or in another tab): whatever became of the declaration, the answer is the same.
    if (!isOpen(named)) return refusal('CONFLICT', 'ALREADY_HANDLED', STALE_MESSAGE);
  }
  if (isFinal(state))
    return refusal(
      'CONFLICT',
      'REVIEW_CLOSED',
      `该申报已审核结束（${APPLICANT_STATUS_WORDS[applicantStatus(state)]}），请刷新后查看`,
    );
  if (state.phase === 'RETURNED')
    return purpose === 'COMMITTEE'
      ? refusal('CONFLICT', 'NOT_AT_COMMITTEE', '该申报尚未进入评委会评审环节，不能录入评审结果')
      : refusal('CONFLICT', 'WITH_APPLICANT', '该申报已退回申报人修改，请等待重新提交后再审核');

  const current = openTask(state)!;
  if (requested !== undefined && requested !== current.sequence)
    return refusal('CONFLICT', 'ALREADY_HANDLED', STALE_MESSAGE);
  // 人才分类定级: only the organisation at the route's last seat records the result, and only once
  // the materials are approved; it no longer passes, returns or terminates.
  if (purpose === 'RESULT') {
    if (state.outcomeAfterRoute !== 'MATERIALS_APPROVED' || step.routeIndex !== state.route.length - 1)
      return refusal('FORBIDDEN', 'NOT_YOUR_LEVEL', '只有人才分类定级审核流程的末级审核机构可以录入评审结果');
    if (!isResultTask(current))
      return refusal('CONFLICT', 'NOT_AWAITING_RESULT', '该申报尚未材料审核通过，不能录入评审结果');
    return current;
  }
  if (isResultTask(current) && current.routeIndex === step.routeIndex)
    return refusal(
      'FORBIDDEN',
      'RESULT_EXPECTED',
      '该申报已材料审核通过，请录入评审结果（通过、不通过或暂缓）',
    );
  if (current.routeIndex !== step.routeIndex) {
    if (purpose === 'COMMITTEE')
      return refusal('CONFLICT', 'NOT_AT_COMMITTEE', '该申报尚未进入评委会评审环节，不能录入评审结果');
    // Having had a task here means this level already decided (twice, or a stale page);
    // never having had one means the declaration has not reached this level.
    const hadTask = state.tasks.some((t) => t.routeIndex === step.routeIndex);
    return hadTask
      ? refusal('CONFLICT', 'ALREADY_HANDLED', STALE_MESSAGE)
      : refusal('FORBIDDEN', 'NOT_YOUR_LEVEL', NOT_YOUR_LEVEL_MESSAGE);
  }
  if (purpose === 'DECIDE' && current.state !== 'PENDING')
    return refusal('CONFLICT', 'ALREADY_HANDLED', STALE_MESSAGE);
  if (purpose === 'FORWARD' && current.state !== 'AWAITING_FORWARD')
    return refusal('CONFLICT', 'NOT_PASSED_YET', '该申报尚未审核通过，请先审核再送审');
  return current;
}

function isRefusal(value: ReviewTask | ReviewRefusal): value is ReviewRefusal {
  return 'code' in value;
}

// --- transitions ------------------------------------------------------------------------------

/** Moves a closed-and-passed task's declaration on: the next level, or the end of the route. */
function passOn(
  state: ReviewState,
  tasks: ReviewTask[],
  from: ReviewTask,
  opinion: string,
  at: string,
): { state: ReviewState; events: ReviewEvent[] } {
  const next = state.route[from.routeIndex + 1];
  const base = { ...state, tasks, version: state.version + 1 };
  if (!next && state.outcomeAfterRoute === 'MATERIALS_APPROVED' && !isResultTask(from)) {
    // 材料审核通过 at the end of the route (人才分类定级): the review of the materials is over and
    // the same organisation now records the offline 评审结果 in a result task of its own.
    const resultTask = { ...newTask(state, tasks, from.routeIndex, 'MATERIALS_APPROVED', at) };
    return {
      state: { ...base, tasks: [...tasks, resultTask] },
      events: [
        {
          type: 'DeclarationMaterialsApproved',
          payload: {
            declarationId: state.declarationId,
            level: from.level,
            organisationId: from.organisationId,
            routeComplete: true,
            approvedAt: at,
          },
        },
      ],
    };
  }
  if (!next) {
    const done: ReviewState = { ...base, phase: state.outcomeAfterRoute, closedAt: at };
    const event: ReviewEvent =
      state.outcomeAfterRoute === 'MATERIALS_APPROVED'
        ? {
            type: 'DeclarationMaterialsApproved',
            payload: {
              declarationId: state.declarationId,
              level: from.level,
              organisationId: from.organisationId,
              routeComplete: true,
              approvedAt: at,
            },
          }
        : {
            type: 'DeclarationFinallyApproved',
            payload: {
              declarationId: state.declarationId,
              result: 'PASS',
              committee:
                from.level === 'COMMITTEE'
                  ? { organisationId: from.organisationId, name: from.organisationName }
                  : null,
              opinion,
              approvedAt: at,
            },
          };
    return { state: done, events: [event] };
  }
  const opened = newTask(state, tasks, next.routeIndex, 'ADVANCED', at);
  const events: ReviewEvent[] = [
    {
      type: 'DeclarationAdvanced',
      payload: {
        declarationId: state.declarationId,
        fromLevel: from.level,
        level: next.level,
        organisationId: next.organisationId,
        organisationName: next.name,
        advancedAt: at,
      },
    },
  ];
  if (next.level === 'COMMITTEE')
    events.push({
      type: 'DeclarationMaterialsApproved',
      payload: {
        declarationId: state.declarationId,
        level: from.level,
        organisationId: from.organisationId,
        routeComplete: false,
        approvedAt: at,
      },
    });
  return { state: { ...base, tasks: [...tasks, opened] }, events };
}

function decide(
  state: ReviewState,
  action: Extract<ReviewAction, { type: 'DECIDE' }>,
  actor: ReviewerActor,
  at: string,
): ReviewResult {
  const located = locateTask(state, actor, action.task, 'DECIDE');
  if (isRefusal(located)) return refuse(located);
  const task = located;

  const problems: FieldProblem[] = [];
  if (!REVIEW_DECISIONS.includes(action.decision))
    problems.push({
      field: 'decision',
      code: 'DECISION_INVALID',
      message: '请选择审核结果（通过、退回修改或审核不通过终止审核）',
    });
  opinionProblems(action.opinion, problems);
  const targets = returnTargets(state, task.routeIndex);
  const modules = [...new Set(action.modules ?? [])];
  if (action.decision === 'RETURN') {
    if (modules.length === 0)
      problems.push({ field: 'modules', code: 'MODULES_REQUIRED', message: '请选择需要退回修改的模块' });
    (action.modules ?? []).forEach((m, i) => {
      if (!MODULE_KEYS.includes(m))
        problems.push({
          field: `modules.${i}`,
          code: 'MODULE_UNKNOWN',
          message: `模块“${m}”不存在，请重新选择`,
        });
    });
    if (!action.target)
      problems.push({ field: 'target', code: 'RETURN_TARGET_REQUIRED', message: '请选择退回目标' });
    else if (!targets.includes(action.target))
      problems.push({
        field: 'target',
        code: 'RETURN_TARGET_INVALID',
        message: `只能退回给${targets.map((t) => RETURN_TARGET_WORDS[t]).join('或')}`,
      });
  }
  if (problems.length > 0) return refuse(inputRefusal(problems));

  const opinion = trimmedOpinion(action.opinion);
  const record: TaskDecisionRecord = {
    step: action.decision,
    opinion,
    modules: action.decision === 'RETURN' ? modules : null,
    returnTarget: action.decision === 'RETURN' ? action.target! : null,
    reviewerId: actor.accountId,
    reviewerName: actor.name,
    decidedAt: at,
  };
  const facts = {
    step: action.decision,
    actorId: actor.accountId,
    actorName: actor.name,
    opinion,
    modules: record.modules,
    returnTarget: record.returnTarget,
  };

  if (action.decision === 'PASS') {
    const isLast = task.routeIndex === state.route.length - 1;
    if (task.level === 'UNIT' && !isLast) {
      // Units pass one by one and forward in batches (批量送审) with their 推荐报告/申报函.
      const waiting: ReviewTask = { ...task, state: 'AWAITING_FORWARD', decision: record };
      const next: ReviewState = { ...state, tasks: replaceTask(state, waiting), version: state.version + 1 };
      return {
        ok: true,
        state: next,
        events: [],
        timeline: [timelineEntry(next, at, { ...facts, task: waiting })],
      };
    }
    const closed: ReviewTask = {
      ...task,
      state: isLast ? 'PASSED' : 'FORWARDED',
      decision: record,
      closedAt: at,
    };
    const moved = passOn(state, replaceTask(state, closed), closed, opinion, at);
    return {
      ok: true,
      state: moved.state,
      events: moved.events,
      timeline: [timelineEntry(moved.state, at, { ...facts, task: closed })],
    };
  }

  if (action.decision === 'TERMINATE') {
    const closed: ReviewTask = { ...task, state: 'TERMINATED', decision: record, closedAt: at };
    const next: ReviewState = {
      ...state,
      tasks: replaceTask(state, closed),
      phase: 'TERMINATED',
      closedAt: at,
      version: state.version + 1,
    };
    const event: ReviewEvent = {
      type: 'DeclarationTerminated',
      payload: {
        declarationId: state.declarationId,
        level: task.level,
        organisationId: task.organisationId,
        opinion,
        committeeResult: null,
        terminatedAt: at,
      },
    };
    return {
      ok: true,
      state: next,
      events: [event],
      timeline: [timelineEntry(next, at, { ...facts, task: closed })],
    };
  }

  // RETURN
  const target = action.target!;
  const closed: ReviewTask = { ...task, state: 'RETURNED', decision: record, closedAt: at };
  const tasks = replaceTask(state, closed);
  let next: ReviewState;
  if (target === 'APPLICANT') {
    next = {
      ...state,
      tasks,
      phase: 'RETURNED',
      returnedToApplicant: {
        byRouteIndex: task.routeIndex,
        level: task.level,
        organisationName: task.organisationName,
        modules,
        opinion,
        at,
      },
      version: state.version + 1,
    };
  } else {
    const lower = state.route.find((s) => s.level === target)!;
    const note: ReturnNote = {
      fromRouteIndex: task.routeIndex,
      fromLevel: task.level,
      organisationName: task.organisationName,
      modules,
      opinion,
      at,
    };
    const reopened = newTask(state, tasks, lower.routeIndex, 'RETURNED_FROM_ABOVE', at, note);
    next = { ...state, tasks: [...tasks, reopened], version: state.version + 1 };
  }
  const event: ReviewEvent = {
    type: 'DeclarationReturned',
    payload: {
      declarationId: state.declarationId,
      fromLevel: task.level,
      organisationId: task.organisationId,
      modules,
      opinion,
      targetLevel: target,
      returnedAt: at,
    },
  };
  return {
    ok: true,
    state: next,
    events: [event],
    timeline: [timelineEntry(next, at, { ...facts, task: closed })],
  };
}

function batchProblems(batch: BatchInfo | null | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!batch?.id)
    problems.push({ field: 'batch.id', code: 'BATCH_ID_REQUIRED', message: '缺少送审批次，请重新送审' });
  if (!batch?.attachmentId?.trim())
    problems.push({
      field: 'batch.attachmentId',
      code: 'BATCH_ATTACHMENT_REQUIRED',
      message: '请先上传推荐报告/申报函，再批量送审',
    });
  return problems;
}

function forward(
  state: ReviewState,
  action: Extract<ReviewAction, { type: 'FORWARD' }>,
  actor: ReviewerActor,
  at: string,
): ReviewResult {
  const located = locateTask(state, actor, action.task, 'FORWARD');
  if (isRefusal(located)) return refuse(located);
  const problems = batchProblems(action.batch);
  if (problems.length > 0) return refuse(inputRefusal(problems));
  const closed: ReviewTask = {
    ...located,
    state: 'FORWARDED',
    forwarding: {
      batchId: action.batch.id,
      attachmentId: action.batch.attachmentId!.trim(),
      forwardedAt: at,
      forwardedById: actor.accountId,
      forwardedByName: actor.name,
    },
    closedAt: at,
  };
  const moved = passOn(state, replaceTask(state, closed), closed, located.decision?.opinion ?? '', at);
  const entry = timelineEntry(moved.state, at, {
    task: closed,
    step: 'FORWARD',
    actorId: actor.accountId,
    actorName: actor.name,
    batchId: action.batch.id,
  });
  return { ok: true, state: moved.state, events: moved.events, timeline: [entry] };
}

function recordCommitteeResult(
  state: ReviewState,
  action: Extract<ReviewAction, { type: 'RECORD_COMMITTEE_RESULT' }>,
  actor: ReviewerActor,
  at: string,
): ReviewResult {
  const located = locateTask(state, actor, action.task, 'COMMITTEE');
  if (isRefusal(located)) return refuse(located);
  const problems: FieldProblem[] = [];
  if (!COMMITTEE_RESULTS.includes(action.result))
    problems.push({
      field: 'result',
      code: 'RESULT_INVALID',
      message: '请选择评审结果（通过、不通过或暂缓）',
    });
  opinionProblems(action.opinion, problems);
  if (problems.length > 0) return refuse(inputRefusal(problems));

  const opinion = trimmedOpinion(action.opinion);
  const step = `COMMITTEE_${action.result}` as const satisfies TaskDecisionRecord['step'];
  const record: TaskDecisionRecord = {
    step,
    opinion,
    modules: null,
    returnTarget: null,
    reviewerId: actor.accountId,
    reviewerName: actor.name,
    decidedAt: at,
  };
  const committee: CommitteeRef = { organisationId: located.organisationId, name: located.organisationName };
  const facts = { step, actorId: actor.accountId, actorName: actor.name, opinion };

  if (action.result === 'DEFER') {
    const deferred: ReviewTask = { ...located, state: 'DEFERRED', decision: record };
    const next: ReviewState = { ...state, tasks: replaceTask(state, deferred), version: state.version + 1 };
    const event: ReviewEvent = {
      type: 'DeclarationDeferred',
      payload: { declarationId: state.declarationId, committee, opinion, deferredAt: at },
    };
    return {
      ok: true,
      state: next,
      events: [event],
      timeline: [timelineEntry(next, at, { ...facts, task: deferred })],
    };
  }
  if (action.result === 'FAIL') {
    const closed: ReviewTask = { ...located, state: 'TERMINATED', decision: record, closedAt: at };
    const next: ReviewState = {
      ...state,
      tasks: replaceTask(state, closed),
      phase: 'TERMINATED',
      closedAt: at,
      version: state.version + 1,
    };
    const event: ReviewEvent = {
      type: 'DeclarationTerminated',
      payload: {
        declarationId: state.declarationId,
        level: 'COMMITTEE',
        organisationId: located.organisationId,
        opinion,
        committeeResult: 'FAIL',
        terminatedAt: at,
      },
    };
    return {
      ok: true,
      state: next,
      events: [event],
      timeline: [timelineEntry(next, at, { ...facts, task: closed })],
    };
  }
  // PASS: the committee is always the route's last level, so this is 终审通过.
  const closed: ReviewTask = { ...located, state: 'PASSED', decision: record, closedAt: at };
  const moved = passOn(state, replaceTask(state, closed), closed, opinion, at);
  return {
    ok: true,
    state: moved.state,
    events: moved.events,
    timeline: [timelineEntry(moved.state, at, { ...facts, task: closed })],
  };
}

/**
 * 人才分类定级 评审结果, recorded by the organisation at the route's last seat after 材料审核通过:
 * 通过 awards a class (by default the one applied for) and is 终审通过; 不通过 ends the review;
 * 暂缓 keeps the declaration there until a later result.
 */
function recordTalentResult(
  state: ReviewState,
  action: Extract<ReviewAction, { type: 'RECORD_TALENT_RESULT' }>,
  actor: ReviewerActor,
  at: string,
): ReviewResult {
  const located = locateTask(state, actor, action.task, 'RESULT');
  if (isRefusal(located)) return refuse(located);
  const problems: FieldProblem[] = [];
  if (!COMMITTEE_RESULTS.includes(action.result))
    problems.push({
      field: 'result',
      code: 'RESULT_INVALID',
      message: '请选择评审结果（通过、不通过或暂缓）',
    });
  opinionProblems(action.opinion, problems);
  const given = action.levelCode?.trim() ? talentLevelOf(action.levelCode.trim()) : null;
  if (action.levelCode?.trim() && !given)
    problems.push({
      field: 'levelCode',
      code: 'TALENT_LEVEL_INVALID',
      message: `人才类别只能是${TALENT_LEVEL_CODES.map((c) => TALENT_LEVEL_WORDS[c]).join('、')}之一`,
    });
  const level = given ?? state.talent ?? null;
  if (action.result === 'PASS' && !level && !action.levelCode?.trim())
    problems.push({
      field: 'levelCode',
      code: 'TALENT_LEVEL_REQUIRED',
      message: '申报未注明申请评定级别，请选择认定的人才类别',
    });
  if (problems.length > 0) return refuse(inputRefusal(problems));

  const opinion = trimmedOpinion(action.opinion);
  const step = `COMMITTEE_${action.result}` as const satisfies TaskDecisionRecord['step'];
  const record: TaskDecisionRecord = {
    step,
    opinion,
    modules: null,
    returnTarget: null,
    reviewerId: actor.accountId,
    reviewerName: actor.name,
    decidedAt: at,
    talentLevel: action.result === 'PASS' ? level : null,
  };
  const body: CommitteeRef = { organisationId: located.organisationId, name: located.organisationName };
  const facts = { step, actorId: actor.accountId, actorName: actor.name, opinion };

  if (action.result === 'DEFER') {
    const deferred: ReviewTask = { ...located, state: 'DEFERRED', decision: record };
    const next: ReviewState = { ...state, tasks: replaceTask(state, deferred), version: state.version + 1 };
    const event: ReviewEvent = {
      type: 'DeclarationDeferred',
      payload: {
        declarationId: state.declarationId,
        committee: body,
        level: located.level,
        opinion,
        deferredAt: at,
      },
    };
    return {
      ok: true,
      state: next,
      events: [event],
      timeline: [timelineEntry(next, at, { ...facts, task: deferred })],
    };
  }
  const closed: ReviewTask = {
    ...located,
    state: action.result === 'PASS' ? 'PASSED' : 'TERMINATED',
    decision: record,
    closedAt: at,
  };
  const next: ReviewState = {
    ...state,
    tasks: replaceTask(state, closed),
    phase: action.result === 'PASS' ? 'FINALLY_APPROVED' : 'TERMINATED',
    closedAt: at,
    version: state.version + 1,
  };
  const event: ReviewEvent =
    action.result === 'PASS'
      ? {
          type: 'DeclarationFinallyApproved',
          payload: {
            declarationId: state.declarationId,
            result: 'PASS',
            committee: null,
            opinion,
            approvedAt: at,
            kind: 'TALENT_LEVEL',
            talent: {
              levelCode: level!.code,
              levelName: level!.name,
              decidedBy: { level: located.level, ...body },
            },
          },
        }
      : {
          type: 'DeclarationTerminated',
          payload: {
            declarationId: state.declarationId,
            level: located.level,
            organisationId: located.organisationId,
            opinion,
            committeeResult: 'FAIL',
            terminatedAt: at,
          },
        };
  const stepText =
    action.result === 'PASS' ? `${TIMELINE_STEP_WORDS.COMMITTEE_PASS}（认定为${level!.name}）` : undefined;
  return {
    ok: true,
    state: next,
    events: [event],
    timeline: [timelineEntry(next, at, { ...facts, stepText, task: closed })],
  };
}

function resubmit(state: ReviewState, actor: ReviewActor, at: string): ReviewResult {
  if (actor.kind !== 'APPLICANT')
    return refuse(refusal('FORBIDDEN', 'ROLE_NOT_ALLOWED', '只有申报人本人可以重新提交申报'));
  if (actor.personId !== state.applicantId)
    return refuse(refusal('NOT_FOUND', 'NOT_APPLICANT', '记录不存在或您无权查看'));
  if (state.phase !== 'RETURNED' || !state.returnedToApplicant)
    return refuse(
      refusal(
        'CONFLICT',
        'NOT_RETURNED',
        isFinal(state) ? '该申报已审核结束，不能重新提交' : '申报未被退回，无需重新提交',
      ),
    );
  // Back to the level that returned it: the levels below have already passed it.
  const reopened = newTask(state, state.tasks, state.returnedToApplicant.byRouteIndex, 'RESUBMITTED', at);
  const next: ReviewState = {
    ...state,
    tasks: [...state.tasks, reopened],
    phase: 'IN_REVIEW',
    returnedToApplicant: null,
    version: state.version + 1,
  };
  const entry = timelineEntry(next, at, {
    task: reopened,
    step: 'RESUBMIT',
    actorId: actor.personId,
    actorName: actor.name,
    applicantStep: true,
  });
  return { ok: true, state: next, events: [], timeline: [entry] };
}

/** The one entry point for a single declaration: decide, forward, committee result, resubmit. */
export function applyReviewAction(
  state: ReviewState,
  action: ReviewAction,
  actor: ReviewActor,
  now: Date,
): ReviewResult {
  const at = now.toISOString();
  if (action.type === 'RESUBMIT') return resubmit(state, actor, at);
  if (actor.kind !== 'REVIEWER')
    return refuse(refusal('FORBIDDEN', 'ROLE_NOT_ALLOWED', '申报人不能审核申报'));
  switch (action.type) {
    case 'DECIDE':
      return decide(state, action, actor, at);
    case 'FORWARD':
      return forward(state, action, actor, at);
    case 'RECORD_COMMITTEE_RESULT':
      return recordCommitteeResult(state, action, actor, at);
    case 'RECORD_TALENT_RESULT':
      return recordTalentResult(state, action, actor, at);
    default:
      return refuse(
        inputRefusal([{ field: 'type', code: 'ACTION_UNKNOWN', message: '不支持的审核操作，请刷新后重试' }]),
      );
  }
}

// --- batch forwarding -------------------------------------------------------------------------

export interface BatchForwarding {
  batchId: string;
  attachmentId: string;
  unitId: string;
  declarationIds: string[];
  forwardedAt: string;
}

export type BatchResult =
  | {
      ok: true;
      states: ReviewState[];
      events: ReviewEvent[];
      timeline: TimelineEntry[];
      batch: BatchForwarding;
    }
  | { ok: false; refusal: ReviewRefusal };

const SEVERITY: readonly ReviewRefusal['code'][] = ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT'];

/**
 * 批量送审: all the chosen declarations go on together or none does, so the batch's attachment
 * never covers half a selection. A refusal names every declaration that stopped it.
 */
export function forwardBatch(
  states: readonly ReviewState[],
  batch: BatchInfo,
  actor: ReviewerActor,
  now: Date,
): BatchResult {
  if (!LEVEL_ROLES.UNIT.some((role) => actor.roles.includes(role)) || actor.level !== 'UNIT')
    return refuse(refusal('FORBIDDEN', 'ROLE_NOT_ALLOWED', '只有推荐单位可以批量送审'));
  const problems = batchProblems(batch);
  if (states.length === 0)
    problems.push({ field: 'declarationIds', code: 'BATCH_EMPTY', message: '请选择需要送审的申报' });
  const seen = new Set<string>();
  states.forEach((s, i) => {
    if (seen.has(s.declarationId))
      problems.push({
        field: `declarationIds.${i}`,
        code: 'BATCH_DUPLICATE',
        message: '同一申报不能重复选择',
      });
    seen.add(s.declarationId);
  });
  if (problems.length > 0) return refuse(inputRefusal(problems));

  const results = states.map((state) => ({
    declarationId: state.declarationId,
    result: applyReviewAction(state, { type: 'FORWARD', batch }, actor, now),
  }));
  const refused = results.flatMap((r) =>
    r.result.ok ? [] : [{ declarationId: r.declarationId, refusal: r.result.refusal }],
  );
  if (refused.length > 0) {
    const code = SEVERITY.find((c) => refused.some((r) => r.refusal.code === c))!;
    return refuse({
      code,
      reason: 'BATCH_REFUSED',
      message: `所选的${states.length}条申报中有${refused.length}条不能送审：${refused[0].refusal.message}`,
      declarations: refused,
    });
  }
  const done = results.map((r) => r.result as Extract<ReviewResult, { ok: true }>);
  return {
    ok: true,
    states: done.map((r) => r.state),
    events: done.flatMap((r) => r.events),
    timeline: done.flatMap((r) => r.timeline),
    batch: {
      batchId: batch.id,
      attachmentId: batch.attachmentId!.trim(),
      unitId: actor.organisationId,
      declarationIds: states.map((s) => s.declarationId),
      forwardedAt: now.toISOString(),
    },
  };
}

// --- what may happen now ----------------------------------------------------------------------

/** The actions `actor` may take on this declaration now: the UI's buttons, the tests' generator. */
export function allowedActions(state: ReviewState, actor: ReviewActor): AllowedAction[] {
  if (actor.kind === 'APPLICANT')
    return state.phase === 'RETURNED' && actor.personId === state.applicantId ? [{ type: 'RESUBMIT' }] : [];
  const task = openTask(state);
  if (!task || !mayActAtLevel(actor)) return [];
  if (task.level !== actor.level || task.organisationId !== actor.organisationId) return [];
  if (task.level === 'COMMITTEE')
    return [{ type: 'RECORD_COMMITTEE_RESULT', task: task.sequence, results: [...COMMITTEE_RESULTS] }];
  if (isResultTask(task))
    return [
      {
        type: 'RECORD_TALENT_RESULT',
        task: task.sequence,
        results: [...COMMITTEE_RESULTS],
        levels: TALENT_LEVEL_CODES.map((code) => ({ code, name: TALENT_LEVEL_WORDS[code] })),
        appliedLevel: state.talent ?? null,
      },
    ];
  if (task.state === 'AWAITING_FORWARD') return [{ type: 'FORWARD', task: task.sequence }];
  return [
    {
      type: 'DECIDE',
      task: task.sequence,
      decisions: [...REVIEW_DECISIONS],
      returnTargets: returnTargets(state, task.routeIndex),
    },
  ];
}

// --- committee results for many declarations ----------------------------------------------------

export type CommitteeBatchResult =
  | { ok: true; states: ReviewState[]; events: ReviewEvent[]; timeline: TimelineEntry[] }
  | { ok: false; refusal: ReviewRefusal };

/**
 * 评审结果 for several declarations at once (the committee's meeting decides a list): one result
 * and opinion for all. Every declaration is checked as a single result would be (the committee
 * must hold its open task); one refusal refuses the whole list, naming each declaration refused.
 */
export function recordCommitteeResults(
  states: readonly ReviewState[],
  input: { result: CommitteeResult; opinion: string },
  actor: ReviewerActor,
  now: Date,
): CommitteeBatchResult {
  if (!LEVEL_ROLES.COMMITTEE.some((role) => actor.roles.includes(role)) || actor.level !== 'COMMITTEE')
    return refuse(refusal('FORBIDDEN', 'ROLE_NOT_ALLOWED', '只有评审委员会可以录入评审结果'));
  const problems: FieldProblem[] = [];
  if (states.length === 0)
    problems.push({ field: 'declarationIds', code: 'BATCH_EMPTY', message: '请选择需要录入评审结果的申报' });
  const seen = new Set<string>();
  states.forEach((s, i) => {
    if (seen.has(s.declarationId))
      problems.push({
        field: `declarationIds.${i}`,
        code: 'BATCH_DUPLICATE',
        message: '同一申报不能重复选择',
      });
    seen.add(s.declarationId);
  });
  if (!COMMITTEE_RESULTS.includes(input.result))
    problems.push({
      field: 'result',
      code: 'RESULT_INVALID',
      message: '请选择评审结果（通过、不通过或暂缓）',
    });
  opinionProblems(input.opinion, problems);
  if (problems.length > 0) return refuse(inputRefusal(problems));

  const results = states.map((state) => ({
    declarationId: state.declarationId,
    result: applyReviewAction(
      state,
      { type: 'RECORD_COMMITTEE_RESULT', result: input.result, opinion: input.opinion },
      actor,
      now,
    ),
  }));
  const refused = results.flatMap((r) =>
    r.result.ok ? [] : [{ declarationId: r.declarationId, refusal: r.result.refusal }],
  );
  if (refused.length > 0) {
    const code = SEVERITY.find((c) => refused.some((r) => r.refusal.code === c))!;
    return refuse({
      code,
      reason: 'BATCH_REFUSED',
      message: `所选的${states.length}条申报中有${refused.length}条不能录入评审结果：${refused[0].refusal.message}`,
      declarations: refused,
    });
  }
  const done = results.map((r) => r.result as Extract<ReviewResult, { ok: true }>);
  return {
    ok: true,
    states: done.map((r) => r.state),
    events: done.flatMap((r) => r.events),
    timeline: done.flatMap((r) => r.timeline),
  };
}
