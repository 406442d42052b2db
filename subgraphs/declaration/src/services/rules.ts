// The one place the service layer calls the domain's rules, so a change of their signatures
// touches this file only.
import { appError, ErrorCode, type FieldProblem } from '@zhicheng/server-kit';
import {
  assertAction,
  chinaDate,
  DECLARATION_CATEGORY_WORDS,
  DECLARATION_STATUS_WORDS,
  validateModuleInput,
  validationReport,
  type ApplicantAction,
  type AttachmentFact,
  type ChannelConfig,
  type FormConfig,
  type ModuleData,
  type ModuleKey,
  type ModuleValue,
  type RecommendationCounts,
  type Refusal,
  type ValidationProblem,
} from '../domain';
import type { DeclarationCategory, DeclarationStatus, Notice } from '../entities';

export const STATUS_WORDS: Readonly<Record<DeclarationStatus, string>> = DECLARATION_STATUS_WORDS;
export const CATEGORY_WORDS: Readonly<Record<DeclarationCategory, string>> = DECLARATION_CATEGORY_WORDS;

export interface ModuleCheckContext {
  config: FormConfig;
  channel: ChannelConfig;
  category: DeclarationCategory;
  /** The declaration's data as it will be after the save (other modules included). */
  data: ModuleData;
  now: Date;
}

/**
 * What a save (暂存) refuses in one module's new value: malformed values only, never what is
 * missing (the report and submit say that); paths start at ModuleData (`education.2.school`).
 */
export function moduleInputProblems(key: ModuleKey, value: unknown, ctx: ModuleCheckContext): FieldProblem[] {
  return validateModuleInput(key, value as ModuleValue<typeof key>, {
    config: ctx.config,
    channel: ctx.channel,
    category: ctx.category,
    today: chinaDate(ctx.now),
    data: ctx.data,
    draft: true,
  });
}

export interface ReportInput {
  config: FormConfig;
  channel: ChannelConfig;
  category: DeclarationCategory;
  data: ModuleData;
  attachments: AttachmentFact[];
  now: Date;
  /** Other applicants' submitted declarations per expert id number (the quota check). */
  recommendationCounts?: RecommendationCounts;
}

/** 数据验证信息: every problem at once. */
export function validationProblems(input: ReportInput): ValidationProblem[] {
  return validationReport({
    config: input.config,
    channel: input.channel,
    category: input.category,
    data: input.data,
    attachments: input.attachments,
    today: chinaDate(input.now),
    recommendationCounts: input.recommendationCounts,
  });
}

/**
 * The domain's verdict on an applicant action, thrown as a GraphQL error. A status that does not
 * allow changes answers reason DECLARATION_LOCKED. The window is checked for drafts only: a
 * returned declaration is corrected and resubmitted after the notice has closed.
 */
export function assertApplicantAction(
  status: DeclarationStatus,
  action: ApplicantAction,
  notice: Notice,
  ctx: { now: Date; modules?: readonly ModuleKey[]; flaggedModules?: readonly ModuleKey[]; pledge?: boolean },
): void {
  const refusal = assertAction(status, action, {
    now: ctx.now,
    window: status === 'DRAFT' ? notice : undefined,
    modules: ctx.modules,
    flaggedModules: ctx.flaggedModules,
    config: notice.formConfig,
    pledge: ctx.pledge,
  });
  if (refusal) throw refusalError(refusal, status);
}

export function refusalError(refusal: Refusal, status?: DeclarationStatus) {
  const reason = refusal.reason === 'STATUS_NOT_ALLOWED' ? 'DECLARATION_LOCKED' : refusal.reason;
  if (refusal.code === 'BAD_USER_INPUT')
    return appError(ErrorCode.BAD_USER_INPUT, refusal.message, {
      reason,
      fields: [
        { field: reason === 'PLEDGE_REQUIRED' ? 'pledge' : 'input', code: reason, message: refusal.message },
      ],
    });
  return appError(ErrorCode[refusal.code], refusal.message, { reason, ...(status ? { status } : {}) });
}
