// The declaration's status (业务状态) and what may happen in each: the applicant's actions answer a
// typed refusal (an ErrorCode for the service plus a Chinese message) instead of throwing, and the
// reviewers' decisions move the status along the notice's route.
import { DECLARATION_STATUS, zhWords } from '@zhicheng/vocabulary';
import { MODULE_DEFAULTS } from './data/modules';
import { isWindowOpen } from './dates';
import type { ChannelConfig, FormConfig, ModuleKey, RouteLevelKind } from './types';

export const DeclarationStatus = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  RETURNED: 'RETURNED',
  MATERIALS_APPROVED: 'MATERIALS_APPROVED',
  FINALLY_APPROVED: 'FINALLY_APPROVED',
  TERMINATED: 'TERMINATED',
  CANCELLED: 'CANCELLED',
} as const;
export type DeclarationStatus = (typeof DeclarationStatus)[keyof typeof DeclarationStatus];
export const DECLARATION_STATUSES: readonly DeclarationStatus[] = Object.values(DeclarationStatus);

/** The seeds' words for each status (the vocabulary's). */
export const DECLARATION_STATUS_WORDS: Readonly<Record<DeclarationStatus, string>> =
  zhWords(DECLARATION_STATUS);

/** Statuses in which a declaration still occupies its notice (one per applicant and notice). */
export const ACTIVE_STATUSES: readonly DeclarationStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'MATERIALS_APPROVED',
];
/** Statuses nothing leaves. */
export const FINAL_STATUSES: readonly DeclarationStatus[] = ['FINALLY_APPROVED', 'TERMINATED', 'CANCELLED'];
/** Statuses with a progress timeline to follow (进度跟踪). */
export const TRACKABLE_STATUSES: readonly DeclarationStatus[] = [
  'SUBMITTED',
  'RETURNED',
  'MATERIALS_APPROVED',
  'FINALLY_APPROVED',
  'TERMINATED',
];

export const ApplicantAction = {
  SAVE: 'SAVE',
  SUBMIT: 'SUBMIT',
  CANCEL: 'CANCEL',
  DELETE: 'DELETE',
  WITHDRAW: 'WITHDRAW',
} as const;
export type ApplicantAction = (typeof ApplicantAction)[keyof typeof ApplicantAction];
export const APPLICANT_ACTION_WORDS: Readonly<Record<ApplicantAction, string>> = {
  SAVE: '暂存',
  SUBMIT: '提交',
  CANCEL: '取消申请',
  DELETE: '删除',
  WITHDRAW: '撤回',
};

/** Which of server-kit's ErrorCodes the service answers a refusal with. */
export type RefusalCode = 'CONFLICT' | 'FORBIDDEN' | 'DEADLINE_PASSED' | 'BAD_USER_INPUT';

/** Why an action is refused: `code` for the API, `reason` for programs, `message` for people. */
export interface Refusal {
  code: RefusalCode;
  reason: string;
  message: string;
}

export interface ActionContext {
  /** With `window`: saving and submitting need the notice's window open. */
  now?: Date;
  window?: { opensAt: Date; closesAt: Date };
  /** SAVE: the modules being saved; on a RETURNED declaration only flagged ones may be. */
  modules?: readonly ModuleKey[];
  /** The modules the reviewer marked × when returning. */
  flaggedModules?: readonly ModuleKey[];
  /** For module names in messages. */
  config?: FormConfig;
  /** SUBMIT: whether the 诚信承诺 is ticked. */
  pledge?: boolean;
}

/** The statuses each action starts from (the service's guard and the UI's buttons). */
const ACTION_FROM: Readonly<Record<ApplicantAction, readonly DeclarationStatus[]>> = {
  SAVE: ['DRAFT', 'RETURNED'],
  SUBMIT: ['DRAFT', 'RETURNED'],
  // 取消申请 voids a draft, also after the deadline (so it does not block the next notice).
  CANCEL: ['DRAFT'],
  DELETE: ['DRAFT', 'TERMINATED'],
  // 提交后您无法主动发起退回修改或终止申报: never.
  WITHDRAW: [],
};

const SUBMITTED_ALREADY = ['SUBMITTED', 'MATERIALS_APPROVED', 'FINALLY_APPROVED'] as const;

function statusRefusal(status: DeclarationStatus, action: ApplicantAction): Refusal {
  const word = DECLARATION_STATUS_WORDS[status];
  const reason = 'STATUS_NOT_ALLOWED';
  if (action === 'WITHDRAW')
    return {
      code: 'CONFLICT',
      reason,
      message:
        status === 'DRAFT'
          ? '申报尚未提交，无需撤回'
          : '提交后无法主动撤回申报，如需修改请联系当前审核部门退回',
    };
  if (action === 'SUBMIT' && (SUBMITTED_ALREADY as readonly string[]).includes(status))
    return { code: 'CONFLICT', reason: 'ALREADY_SUBMITTED', message: '申报已提交，请勿重复提交' };
  if ((SUBMITTED_ALREADY as readonly string[]).includes(status) && (action === 'SAVE' || action === 'CANCEL'))
    return {
      code: 'CONFLICT',
      reason,
      message: `申报已提交，不能${APPLICANT_ACTION_WORDS[action]}；如需修改请联系当前审核部门退回`,
    };
  if (action === 'DELETE' && status !== 'CANCELLED')
    return {
      code: 'CONFLICT',
      reason,
      message: `业务状态为${word}的申报不能删除，只能删除草稿或审核不通过终止审核的申报`,
    };
  return {
    code: 'CONFLICT',
    reason,
    message: `业务状态为${word}的申报不能${APPLICANT_ACTION_WORDS[action]}`,
  };
}

function windowRefusal(action: ApplicantAction, ctx: ActionContext): Refusal | null {
  if (!ctx.now || !ctx.window || isWindowOpen(ctx.window, ctx.now)) return null;
  if (ctx.now.getTime() < ctx.window.opensAt.getTime())
    return {
      code: 'DEADLINE_PASSED',
      reason: 'WINDOW_NOT_OPEN',
      message: '申报尚未开始，请在申报开始后办理',
    };
  const hint = action === 'SAVE' ? '；如不再申报，请取消申请' : '';
  return {
    code: 'DEADLINE_PASSED',
    reason: 'WINDOW_CLOSED',
    message: `申报已截止，不能${APPLICANT_ACTION_WORDS[action]}${hint}`,
  };
}

/** The notice's name for a module, else the seeds' default (never the key: messages are read by people). */
function moduleName(key: ModuleKey, config?: FormConfig): string {
  return config?.modules.find((m) => m.key === key)?.name ?? MODULE_DEFAULTS[key]?.name ?? key;
}

/**
 * Whether the applicant may do `action` now: null when allowed, else the refusal. Checks the
 * status, then (where the context says) the window, the flagged modules and the pledge.
 */
export function assertAction(
  status: DeclarationStatus,
  action: ApplicantAction,
  ctx: ActionContext = {},
): Refusal | null {
  if (!ACTION_FROM[action].includes(status)) return statusRefusal(status, action);
  if (action === 'SAVE' || action === 'SUBMIT') {
    const refusal = windowRefusal(action, ctx);
    if (refusal) return refusal;
  }
  if (action === 'SAVE' && status === 'RETURNED' && ctx.modules) {
    const flagged = new Set(ctx.modules.filter((m) => ctx.flaggedModules?.includes(m)));
    const locked = ctx.modules.filter((m) => !flagged.has(m));
    if (locked.length > 0)
      return {
        code: 'FORBIDDEN',
        reason: 'MODULE_NOT_FLAGGED',
        message: `退回时未勾选需要修改的模块不能修改：${locked.map((m) => moduleName(m, ctx.config)).join('、')}`,
      };
  }
  if (action === 'SUBMIT' && ctx.pledge === false)
    return { code: 'BAD_USER_INPUT', reason: 'PLEDGE_REQUIRED', message: '请先勾选诚信承诺再提交' };
  return null;
}

/** The actions offered for a status (the buttons of 我的办件), ignoring the window. */
export function allowedActions(status: DeclarationStatus): ApplicantAction[] {
  return (Object.keys(ACTION_FROM) as ApplicantAction[]).filter((a) => ACTION_FROM[a].includes(status));
}

/** The modules the applicant may change: all in a draft, the flagged ones when returned. */
export function editableModules(
  status: DeclarationStatus,
  config: FormConfig,
  flaggedModules: readonly ModuleKey[] = [],
): ModuleKey[] {
  if (status === 'DRAFT') return config.modules.map((m) => m.key);
  if (status === 'RETURNED')
    return config.modules.map((m) => m.key).filter((k) => flaggedModules.includes(k));
  return [];
}

// --- review ---------------------------------------------------------------------------------

/** Every status change that can happen, by anyone (an audit or a database check can use it). */
export const STATUS_TRANSITIONS: ReadonlyArray<readonly [from: DeclarationStatus, to: DeclarationStatus]> = [
  ['DRAFT', 'SUBMITTED'],
  ['DRAFT', 'CANCELLED'],
  ['RETURNED', 'SUBMITTED'],
  ['SUBMITTED', 'RETURNED'],
  ['SUBMITTED', 'TERMINATED'],
  ['SUBMITTED', 'MATERIALS_APPROVED'],
  ['SUBMITTED', 'FINALLY_APPROVED'],
  ['MATERIALS_APPROVED', 'FINALLY_APPROVED'],
  ['MATERIALS_APPROVED', 'RETURNED'],
  ['MATERIALS_APPROVED', 'TERMINATED'],
];

export function canTransition(from: DeclarationStatus, to: DeclarationStatus): boolean {
  return STATUS_TRANSITIONS.some(([f, t]) => f === from && t === to);
}

/**
 * The status after `level` passes the declaration: still 已申报 while lower levels pass it on,
 * 材料审核通过 when the next level is the committee, and the channel's outcome after the last
 * level (终审通过, or 材料审核通过 for talent classification whose route stops at the bureau).
 */
export function statusAfterPass(
  channel: Pick<ChannelConfig, 'route' | 'outcomeAfterRoute'>,
  level: RouteLevelKind,
): DeclarationStatus {
  const index = channel.route.indexOf(level);
  if (index < 0) throw new Error(`level ${level} is not on the route ${channel.route.join('>')}`);
  if (index === channel.route.length - 1) return channel.outcomeAfterRoute;
  return channel.route[index + 1] === 'COMMITTEE' ? 'MATERIALS_APPROVED' : 'SUBMITTED';
}

/** The committee's three outcomes (通过 / 不通过 / 暂缓). */
export type CommitteeResult = 'PASSED' | 'FAILED' | 'DEFERRED';
export const COMMITTEE_RESULT_WORDS: Readonly<Record<CommitteeResult, string>> = {
  PASSED: '通过',
  FAILED: '不通过',
  DEFERRED: '暂缓',
};

export function statusAfterCommitteeResult(result: CommitteeResult): DeclarationStatus {
  if (result === 'PASSED') return 'FINALLY_APPROVED';
  if (result === 'FAILED') return 'TERMINATED';
  return 'MATERIALS_APPROVED';
}
