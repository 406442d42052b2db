// The one place the service layer calls the domain's rules, so a change of their signatures
// touches this file only.
import type { FieldProblem } from '@zhicheng/server-kit';
import type {
  AttachmentFact,
  ChannelConfig,
  FormConfig,
  ModuleData,
  ModuleKey,
  ValidationProblem,
} from '../domain';
import { DeclarationCategory, DeclarationStatus } from '../entities';

export const STATUS_WORDS: Readonly<Record<DeclarationStatus, string>> = {
  DRAFT: '草稿',
  SUBMITTED: '已申报',
  RETURNED: '被退回',
  MATERIALS_APPROVED: '材料审核通过',
  FINALLY_APPROVED: '终审通过',
  TERMINATED: '审核不通过终止审核',
  CANCELLED: '已取消',
};

export const CATEGORY_WORDS: Readonly<Record<DeclarationCategory, string>> = {
  NORMAL: '正常',
  EXCEPTIONAL: '破格',
};

export interface ModuleCheckContext {
  config: FormConfig;
  channel: ChannelConfig;
  category: DeclarationCategory;
  /** The declaration's data as it will be after the save (other modules included). */
  data: ModuleData;
  attachments: AttachmentFact[];
  now: Date;
}

/** Shape and limit problems of one module's new value, with paths relative to the module. */
export function moduleInputProblems(
  _key: ModuleKey,
  _value: unknown,
  _ctx: ModuleCheckContext,
): FieldProblem[] {
  return [];
}

export interface ReportInput {
  config: FormConfig;
  channel: ChannelConfig;
  category: DeclarationCategory;
  data: ModuleData;
  attachments: AttachmentFact[];
  now: Date;
}

/** 数据验证信息: every problem at once. */
export function validationProblems(_input: ReportInput): ValidationProblem[] {
  return [];
}
