// Expected failures are values, not exceptions: the service turns a refusal into the GraphQL error
// with the same code (server-kit's appError / badUserInput), and tests compare them directly.
import type { FieldProblem } from '@zhicheng/server-kit';

export type RefusalCode = 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT' | 'NOT_FOUND';

/** Stable, for programs (`extensions.reason`); the message is for people and may change. */
export type RefusalReason =
  /** The actor's roles do not allow acting at the level they claim, or the action is not theirs. */
  | 'ROLE_NOT_ALLOWED'
  /** The actor's organisation is nowhere on this declaration's route (answered as NOT_FOUND). */
  | 'NOT_ON_ROUTE'
  /** The task named by the action does not exist on this declaration. */
  | 'TASK_NOT_FOUND'
  /** The declaration is (or the named task was) at another organisation or level. */
  | 'NOT_YOUR_LEVEL'
  /** The actor's task was already decided (twice, or a stale page). */
  | 'ALREADY_HANDLED'
  /** The declaration was returned to the applicant and waits for resubmission. */
  | 'WITH_APPLICANT'
  /** The review is over (终审通过, 材料审核通过 at the end of the route, or terminated). */
  | 'REVIEW_CLOSED'
  /** A committee result on a declaration that is not (yet) at the committee. */
  | 'NOT_AT_COMMITTEE'
  /** Forwarding a declaration the unit has not passed (or passing one awaiting forwarding). */
  | 'NOT_PASSED_YET'
  /** The committee records results; it does not pass, return or terminate. */
  | 'COMMITTEE_RECORDS_RESULT'
  /** 人才分类定级 after 材料审核通过: the deciding body records the 评审结果, it does not decide again. */
  | 'RESULT_EXPECTED'
  /** A 人才分类定级 评审结果 for a declaration that does not wait for one (not yet, or not talent). */
  | 'NOT_AWAITING_RESULT'
  /** Resubmitting a declaration that is not returned to the applicant. */
  | 'NOT_RETURNED'
  /** The applicant acting on someone else's declaration (answered as NOT_FOUND). */
  | 'NOT_APPLICANT'
  /** Input problems; `fields` lists every one of them. */
  | 'INVALID_INPUT'
  /** Some declarations of a batch cannot be forwarded; `declarations` says which and why. */
  | 'BATCH_REFUSED';

export interface ReviewRefusal {
  code: RefusalCode;
  reason: RefusalReason;
  /** Chinese, says what to do next. */
  message: string;
  /** BAD_USER_INPUT: every problem at once, with dotted paths into the action. */
  fields?: FieldProblem[];
  /** BATCH_REFUSED: the refusal of each declaration that stopped the batch. */
  declarations?: Array<{ declarationId: string; refusal: ReviewRefusal }>;
}

export function refusal(code: RefusalCode, reason: RefusalReason, message: string): ReviewRefusal {
  return { code, reason, message };
}

/** The same summary server-kit's badUserInput gives, so the service may pass `fields` through. */
export function inputRefusal(fields: FieldProblem[]): ReviewRefusal {
  const message =
    fields.length === 1 ? fields[0].message : `提交的信息有 ${fields.length} 处问题，请逐项修改后重试`;
  return { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', message, fields };
}

export const STALE_MESSAGE = '该申报已被处理，请刷新后查看';
export const NOT_YOUR_LEVEL_MESSAGE = '该申报不在您的审核环节';
export const NOT_ON_ROUTE_MESSAGE = '未找到该申报，或该申报不在您的审核范围内';
