// What the applicant sees (业务状态) for a review state, and the progress nodes of the route
// (04 提交完成 / 进度跟踪). The declaration subgraph keeps its own status from review's events;
// this mapping is the reference both must agree with.
import { DECLARATION_STATUS } from '@zhicheng/vocabulary';
import { isResultTask, openTask, type ReviewState, type TaskState } from './state';
import type { ReviewLevel } from './vocabulary';

export type ApplicantStatus =
  'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'MATERIALS_APPROVED' | 'FINALLY_APPROVED' | 'TERMINATED';

const APPLICANT_STATUSES: readonly ApplicantStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'MATERIALS_APPROVED',
  'FINALLY_APPROVED',
  'TERMINATED',
];

/** The vocabulary's words for the statuses review can give (it never cancels). */
export const APPLICANT_STATUS_WORDS: Readonly<Record<ApplicantStatus, string>> = Object.fromEntries(
  APPLICANT_STATUSES.map((status) => [status, DECLARATION_STATUS[status].zh]),
) as Record<ApplicantStatus, string>;

/**
 * No review yet: 草稿. Under review: 已申报, or 材料审核通过 once the declaration is at the
 * committee (the levels below have approved the materials) or waits for its 人才分类定级 评审结果
 * (the route ended with 材料审核通过; the result then makes it 终审通过 or terminated).
 */
export function applicantStatus(state: ReviewState | null | undefined): ApplicantStatus {
  if (!state) return 'DRAFT';
  switch (state.phase) {
    case 'IN_REVIEW': {
      const open = openTask(state);
      return open?.level === 'COMMITTEE' || isResultTask(open) ? 'MATERIALS_APPROVED' : 'SUBMITTED';
    }
    case 'RETURNED':
      return 'RETURNED';
    case 'MATERIALS_APPROVED':
      return 'MATERIALS_APPROVED';
    case 'FINALLY_APPROVED':
      return 'FINALLY_APPROVED';
    case 'TERMINATED':
      return 'TERMINATED';
  }
}

/** DONE: passed on; CURRENT: being reviewed here; RETURNED: returned from here to the applicant. */
export type ProgressNodeState = 'DONE' | 'CURRENT' | 'RETURNED' | 'TERMINATED' | 'WAITING';

export interface ProgressNode {
  level: ReviewLevel;
  organisationId: string;
  name: string;
  node: ProgressNodeState;
  /** The task's own state at the current node (待审 / 待送审 / 暂缓), else null. */
  taskState: TaskState | null;
}

/** The route's nodes as the progress view draws them, lowest level first. */
export function routeProgress(state: ReviewState): ProgressNode[] {
  const current = openTask(state);
  const last = state.tasks[state.tasks.length - 1];
  const position =
    state.phase === 'IN_REVIEW'
      ? current!.routeIndex
      : state.phase === 'RETURNED'
        ? state.returnedToApplicant!.byRouteIndex
        : last.routeIndex;
  const here: ProgressNodeState =
    state.phase === 'IN_REVIEW'
      ? 'CURRENT'
      : state.phase === 'RETURNED'
        ? 'RETURNED'
        : state.phase === 'TERMINATED'
          ? 'TERMINATED'
          : 'DONE';
  return state.route.map((step) => ({
    level: step.level,
    organisationId: step.organisationId,
    name: step.name,
    node: step.routeIndex < position ? 'DONE' : step.routeIndex === position ? here : 'WAITING',
    taskState: step.routeIndex === position && current ? current.state : null,
  }));
}
