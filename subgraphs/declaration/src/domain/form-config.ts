// Checks on what a bureau configures (a notice's form) and on starting a declaration on a channel.
import { isWindowOpen } from './dates';
import type { Refusal } from './status';
import {
  FILE_FORMATS,
  MODULE_KEYS,
  isListModule,
  type ChannelConfig,
  type DeclarationCategory,
  type FieldProblem,
  type FileRule,
  type FormConfig,
} from './types';

/** The answer the committee lookup gives when no committee is open (江苏). */
export const NO_COMMITTEE_MESSAGE = '未查到相关的评委会';

const SLOT_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const MAX_FILE_SIZE_KB = 51200;

function fileRuleProblems(rule: FileRule, field: string, problems: FieldProblem[]): void {
  const add = (name: string, code: string, message: string) =>
    problems.push({ field: `${field}.${name}`, code, message });
  if (!Number.isInteger(rule.min) || rule.min < 0) add('min', 'OUT_OF_RANGE', '每条最少附件数不能小于0');
  if (!Number.isInteger(rule.max) || rule.max < 1) add('max', 'OUT_OF_RANGE', '每条最多附件数至少为1');
  else if (rule.min > rule.max) add('min', 'OUT_OF_RANGE', '每条最少附件数不能大于最多附件数');
  formatProblems(rule.formats, `${field}.formats`, problems);
  sizeProblems(rule.maxSizeKb, `${field}.maxSizeKb`, problems);
}

function formatProblems(formats: readonly string[], field: string, problems: FieldProblem[]): void {
  if (formats.length === 0 || formats.some((f) => !(FILE_FORMATS as readonly string[]).includes(f)))
    problems.push({ field, code: 'INVALID', message: `文件格式须从${FILE_FORMATS.join('、')}中选择` });
}

function sizeProblems(kb: number, field: string, problems: FieldProblem[]): void {
  if (!Number.isInteger(kb) || kb < 1 || kb > MAX_FILE_SIZE_KB)
    problems.push({ field, code: 'OUT_OF_RANGE', message: `文件大小上限应为1至${MAX_FILE_SIZE_KB}KB` });
}

/** Everything wrong with a notice's form configuration, with paths under `formConfig`. */
export function formConfigProblems(config: FormConfig, prefix = 'formConfig'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const keys = new Set<string>();
  config.modules.forEach((m, i) => {
    const field = `${prefix}.modules.${i}`;
    if (!(MODULE_KEYS as readonly string[]).includes(m.key))
      problems.push({ field: `${field}.key`, code: 'INVALID', message: '模块不存在' });
    else if (keys.has(m.key))
      problems.push({ field: `${field}.key`, code: 'DUPLICATE', message: `${m.name}重复配置` });
    keys.add(m.key);
    if (!m.name?.trim() || [...m.name].length > 30)
      problems.push({ field: `${field}.name`, code: 'INVALID', message: '模块名称须为1-30个字' });
    if (m.nameEn !== undefined && [...m.nameEn].length > 60)
      problems.push({
        field: `${field}.nameEn`,
        code: 'TEXT_TOO_LONG',
        message: '模块英文名称不能超过60个字符',
      });
    if (m.maxEntries !== undefined && (!Number.isInteger(m.maxEntries) || m.maxEntries < 1))
      problems.push({ field: `${field}.maxEntries`, code: 'OUT_OF_RANGE', message: '最多条数至少为1' });
    // The seeds: 两名专家推荐破格 means exactly two experts.
    if (m.key === 'RECOMMENDERS' && m.maxEntries !== 2)
      problems.push({ field: `${field}.maxEntries`, code: 'OUT_OF_RANGE', message: '破格推荐专家须为2条' });
    if (m.filesPerEntry) {
      if (!isListModule(m.key))
        problems.push({
          field: `${field}.filesPerEntry`,
          code: 'INVALID',
          message: `${m.name}不能按条上传附件`,
        });
      else fileRuleProblems(m.filesPerEntry, `${field}.filesPerEntry`, problems);
    }
  });
  const basic = ['BASIC_INFO', 'TALENT_BASIC_INFO'].filter((k) => keys.has(k)).length;
  if (basic !== 1)
    problems.push({
      field: `${prefix}.modules`,
      code: 'BASIC_INFO_REQUIRED',
      message: '须配置且只配置一个基本信息模块',
    });

  const codes = new Set<string>();
  config.attachments.forEach((s, i) => {
    const field = `${prefix}.attachments.${i}`;
    if (!SLOT_CODE.test(s.code))
      problems.push({
        field: `${field}.code`,
        code: 'INVALID',
        message: '附件类别代码须为大写字母、数字或下划线',
      });
    else if (codes.has(s.code))
      problems.push({ field: `${field}.code`, code: 'DUPLICATE', message: `${s.name}重复配置` });
    codes.add(s.code);
    if (!s.name?.trim() || [...s.name].length > 50)
      problems.push({ field: `${field}.name`, code: 'INVALID', message: '附件名称须为1-50个字' });
    if (s.nameEn !== undefined && [...s.nameEn].length > 100)
      problems.push({
        field: `${field}.nameEn`,
        code: 'TEXT_TOO_LONG',
        message: '附件英文名称不能超过100个字符',
      });
    if (!Number.isInteger(s.maxCount) || s.maxCount < 1)
      problems.push({ field: `${field}.maxCount`, code: 'OUT_OF_RANGE', message: '最多上传个数至少为1' });
    formatProblems(s.formats, `${field}.formats`, problems);
    sizeProblems(s.maxSizeKb, `${field}.maxSizeKb`, problems);
    if (s.module && !keys.has(s.module))
      problems.push({ field: `${field}.module`, code: 'INVALID', message: '附件所在模块未配置' });
  });
  if (keys.has('UNIT_PUBLICITY') && !config.attachments.some((s) => s.module === 'UNIT_PUBLICITY'))
    problems.push({
      field: `${prefix}.attachments`,
      code: 'PUBLICITY_SLOT_REQUIRED',
      message: '配置了单位公示表模块时须配置其上传附件',
    });

  if (
    !Number.isInteger(config.innovationTextLimit) ||
    config.innovationTextLimit < 1 ||
    config.innovationTextLimit > 5000
  )
    problems.push({
      field: `${prefix}.innovationTextLimit`,
      code: 'OUT_OF_RANGE',
      message: '创新创业成果字数上限应为1至5000',
    });
  return problems;
}

/** The choices made when starting a declaration: 申报类别 and, for 江苏 职称评审申报, the committee. */
export function startProblems(
  channel: ChannelConfig,
  choice: { category: DeclarationCategory; committeeId?: string | null },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (choice.category === 'EXCEPTIONAL' && !channel.allowsExceptional)
    problems.push({ field: 'category', code: 'EXCEPTIONAL_NOT_ALLOWED', message: '本通道不受理破格申报' });
  if (channel.requiresCommittee && !choice.committeeId)
    problems.push({ field: 'committeeId', code: 'REQUIRED', message: '请选择申报评委会' });
  if (!channel.requiresCommittee && choice.committeeId)
    problems.push({ field: 'committeeId', code: 'NOT_ALLOWED', message: '本通道无需选择申报评委会' });
  return problems;
}

/** A declaration can be started only inside the notice's window. */
export function startRefusal(window: { opensAt: Date; closesAt: Date }, now: Date): Refusal | null {
  if (isWindowOpen(window, now)) return null;
  return now.getTime() < window.opensAt.getTime()
    ? { code: 'DEADLINE_PASSED', reason: 'WINDOW_NOT_OPEN', message: '申报尚未开始，请在申报开始后办理' }
    : { code: 'DEADLINE_PASSED', reason: 'WINDOW_CLOSED', message: '申报已截止，不能再发起申报' };
}
