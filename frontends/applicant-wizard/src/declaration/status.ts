import type { DeclarationStatus, ModuleKey } from '../gql/graphql';

/** Tag colours of 业务状态 (the words are the server's statusText: 草稿, 已申报, …). */
export const DECLARATION_STATUS_COLOURS: Record<DeclarationStatus, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  RETURNED: 'warning',
  MATERIALS_APPROVED: 'cyan',
  FINALLY_APPROVED: 'success',
  TERMINATED: 'error',
  CANCELLED: 'default',
};

export type DeclarationAction = 'continue' | 'edit' | 'view' | 'cancel' | 'delete';

/**
 * What the applicant may do with a declaration in the history list (SPEC §3 Actions):
 * a draft is continued while its notice is open, cancelled (also after the deadline) or deleted;
 * a returned one is edited; a terminated one may be deleted; everything submitted can be viewed.
 */
export function actionsFor(status: DeclarationStatus, noticeOpen: boolean): DeclarationAction[] {
  switch (status) {
    case 'DRAFT':
      return noticeOpen ? ['continue', 'cancel', 'delete'] : ['cancel', 'delete'];
    case 'RETURNED':
      return ['edit', 'view'];
    case 'TERMINATED':
      return ['view', 'delete'];
    default:
      return ['view'];
  }
}

/** Drafts and returned declarations are filled in; the rest are followed. */
export function isEditable(status: DeclarationStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED';
}

/**
 * Whether a module (or a file slot of it) may be changed: every one of a draft; while 被退回 only
 * the flagged ones (`editableModules`). A slot of no module (身份证, 聘任文件 …) stays correctable on
 * any return: review can only flag modules (declaration README).
 */
export function isModuleEditable(
  status: DeclarationStatus,
  editableModules: readonly ModuleKey[],
  module: ModuleKey | null | undefined,
): boolean {
  if (status === 'DRAFT') return true;
  if (status !== 'RETURNED') return false;
  return !module || editableModules.includes(module);
}

/** What a timeline entry needs for the result (ReviewTrackFields' entries have it). */
interface ResultEntry {
  step: string;
  stepText: string;
  opinion?: string | null;
  organisationName?: string | null;
  at: string;
}

export type ReviewResultKind = 'AWAITING' | 'DEFER' | 'PASS' | 'FAIL';

export interface ReviewResultView {
  kind: ReviewResultKind;
  /** The step's code (COMMITTEE_PASS …) and the server's words, e.g. 评审通过（认定为C类）; null while awaiting. */
  step: string | null;
  stepText: string | null;
  opinion: string | null;
  organisationName: string | null;
  at: string | null;
}

const RESULT_STEPS: Record<string, ReviewResultKind> = {
  COMMITTEE_PASS: 'PASS',
  COMMITTEE_FAIL: 'FAIL',
  COMMITTEE_DEFER: 'DEFER',
};

/**
 * 评审结果 (seed 001 §3.4): once the materials are approved the applicant waits for the offline
 * evaluation (a committee's, or for 人才分类定级 the bureau's), then sees 通过 / 不通过 / 暂缓 with
 * the opinion. Null when there is no result to speak of (before 材料审核通过, or a route that
 * ended without an evaluation).
 */
export function reviewResultOf(
  status: DeclarationStatus,
  timeline: readonly ResultEntry[],
): ReviewResultView | null {
  const latest = [...timeline].reverse().find((entry) => entry.step in RESULT_STEPS);
  if (latest)
    return {
      kind: RESULT_STEPS[latest.step],
      step: latest.step,
      stepText: latest.stepText,
      opinion: latest.opinion ?? null,
      organisationName: latest.organisationName ?? null,
      at: latest.at,
    };
  return status === 'MATERIALS_APPROVED'
    ? { kind: 'AWAITING', step: null, stepText: null, opinion: null, organisationName: null, at: null }
    : null;
}
