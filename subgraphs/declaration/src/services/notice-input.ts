// Checks a notice as the bureau typed it and turns it into what is stored. Every problem is
// collected (field paths into `input`), so the bureau fixes the whole form in one go.
import { randomUUID } from 'node:crypto';
import type { RouteLevel } from '@zhicheng/events';
import { Problems } from '@zhicheng/server-kit';
import {
  formConfigProblems,
  TITLE_CATALOGUE,
  type ChannelConfig,
  type FileFormat,
  type FormConfig,
  type ModuleKey,
} from '../domain';
import type { NoticeCommittee, NoticeCoverage } from '../entities';
import { notesText, sanitizeNotes } from './notes';

export interface NoticeDraft {
  channelCode: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  notes: string;
  coverage: NoticeCoverage;
  route: RouteLevel[];
  formConfig: FormConfig;
  committees: NoticeCommittee[];
}

/** What createNotice / updateNotice receive (the GraphQL input, loosely typed). */
export interface NoticeInputLike {
  channelCode: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  notes?: string | null;
  coverage?: {
    unitIds?: string[] | null;
    regionCodes?: string[] | null;
    seriesCodes?: string[] | null;
  } | null;
  route: Array<{ level: string; organisationId?: string | null; name: string }>;
  formConfig?: FormConfigLike | null;
  committees?: Array<{
    id?: string | null;
    organisationId?: string | null;
    name: string;
    regionCode: string;
    levelCodes?: string[] | null;
    seriesCodes?: string[] | null;
    specialtyCodes?: string[] | null;
  }> | null;
}

export interface FormConfigLike {
  modules: Array<{
    key: string;
    name: string;
    nameEn?: string | null;
    required: boolean;
    maxEntries?: number | null;
    filesPerEntry?: { min: number; max: number; formats: string[]; maxSizeKb: number } | null;
  }>;
  attachments: Array<{
    code: string;
    name: string;
    nameEn?: string | null;
    formats: string[];
    maxSizeKb: number;
    maxCount: number;
    required: boolean;
    module?: string | null;
  }>;
  innovationTextLimit: number;
  educationCertificateNumbers?: boolean | null;
}

/** notes: characters of text; notesHtml: of the stored markup (formatting counts there only). */
export const LIMITS = { title: 200, notes: 10000, notesHtml: 50000, name: 100 } as const;

const ROUTE_ORDER = ['UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'] as const;
const ROUTE_LEVEL_NAMES: Record<(typeof ROUTE_ORDER)[number], string> = {
  UNIT: '推荐单位',
  DEPARTMENT: '主管部门',
  BUREAU: '人社部门',
  COMMITTEE: '评委会',
};
const REGION = /^\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMMITTEE_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

const seriesCodes = new Set(TITLE_CATALOGUE.map((s) => s.code));
const specialtyCodes = new Set(TITLE_CATALOGUE.flatMap((s) => s.children.map((sp) => sp.code)));
const levelCodes = new Set(
  TITLE_CATALOGUE.flatMap((s) =>
    s.children.flatMap((sp) =>
      sp.children.flatMap((sc) => sc.children.flatMap((t) => t.children.map((l) => l.code))),
    ),
  ),
);

const unique = <T>(list: readonly T[]) => [...new Set(list)];

function text(
  problems: Problems,
  field: string,
  value: string | null | undefined,
  label: string,
  max: number,
  required = true,
) {
  const trimmed = (value ?? '').trim();
  if (required && !trimmed) problems.add(field, 'REQUIRED', `请填写${label}`);
  else if (trimmed.length > max) problems.add(field, 'TOO_LONG', `${label}不能超过${max}个字`);
  return trimmed;
}

/** The form as stored (no GraphQL class instances, no empty optionals); the domain checks it. */
export function formFromInput(form: FormConfigLike): FormConfig {
  return {
    modules: form.modules.map((m) => ({
      key: m.key as ModuleKey,
      name: m.name?.trim() ?? '',
      ...(m.nameEn?.trim() ? { nameEn: m.nameEn.trim() } : {}),
      required: m.required,
      ...(m.maxEntries != null ? { maxEntries: m.maxEntries } : {}),
      ...(m.filesPerEntry
        ? {
            filesPerEntry: {
              min: m.filesPerEntry.min,
              max: m.filesPerEntry.max,
              formats: unique(m.filesPerEntry.formats) as FileFormat[],
              maxSizeKb: m.filesPerEntry.maxSizeKb,
            },
          }
        : {}),
    })),
    attachments: form.attachments.map((a) => ({
      code: a.code,
      name: a.name?.trim() ?? '',
      ...(a.nameEn?.trim() ? { nameEn: a.nameEn.trim() } : {}),
      formats: unique(a.formats) as FileFormat[],
      maxSizeKb: a.maxSizeKb,
      maxCount: a.maxCount,
      required: a.required,
      ...(a.module != null ? { module: a.module as ModuleKey } : {}),
    })),
    innovationTextLimit: form.innovationTextLimit,
    ...(form.educationCertificateNumbers ? { educationCertificateNumbers: true } : {}),
  };
}

/**
 * The stored notice for `input`, or BAD_USER_INPUT listing every problem. `channel` is null when
 * the code names no channel (reported, and the rest is still checked).
 */
export function checkNoticeInput(
  input: NoticeInputLike,
  channel: ChannelConfig | null,
  channelRetired = false,
): NoticeDraft {
  const problems = new Problems();
  if (!channel) problems.add('input.channelCode', 'UNKNOWN_CHANNEL', '申报通道不存在，请重新选择');
  else if (channelRetired)
    problems.add('input.channelCode', 'CHANNEL_RETIRED', `申报通道“${channel.name}”已停用，请选择其他通道`);
  const title = text(problems, 'input.title', input.title, '通知名称', LIMITS.title);
  const notes = sanitizeNotes(input.notes ?? '');
  if (notesText(notes).trim().length > LIMITS.notes)
    problems.add('input.notes', 'TOO_LONG', `申报注意事项不能超过${LIMITS.notes}个字`);
  else if (notes.length > LIMITS.notesHtml)
    problems.add('input.notes', 'TOO_LONG', '申报注意事项的格式过多，请减少格式后重试');
  const opensAt = input.opensAt;
  const closesAt = input.closesAt;
  if (!(opensAt instanceof Date) || Number.isNaN(opensAt.getTime()))
    problems.add('input.opensAt', 'REQUIRED', '请填写申报开始时间');
  if (!(closesAt instanceof Date) || Number.isNaN(closesAt.getTime()))
    problems.add('input.closesAt', 'REQUIRED', '请填写申报截止时间');
  else if (opensAt instanceof Date && closesAt.getTime() <= opensAt.getTime())
    problems.add('input.closesAt', 'CLOSES_BEFORE_OPENS', '申报截止时间必须晚于申报开始时间');

  const coverage: NoticeCoverage = {
    unitIds: unique(input.coverage?.unitIds ?? []),
    regionCodes: unique(input.coverage?.regionCodes ?? []),
    seriesCodes: unique(input.coverage?.seriesCodes ?? []),
  };
  coverage.unitIds.forEach((id, i) => {
    if (!UUID.test(id))
      problems.add(`input.coverage.unitIds.${i}`, 'INVALID_ID', `单位编号 ${id} 格式不正确`);
  });
  coverage.regionCodes.forEach((code, i) => {
    if (!REGION.test(code))
      problems.add(`input.coverage.regionCodes.${i}`, 'INVALID_REGION', `行政区划代码 ${code} 应为6位数字`);
  });
  coverage.seriesCodes.forEach((code, i) => {
    if (!seriesCodes.has(code))
      problems.add(`input.coverage.seriesCodes.${i}`, 'UNKNOWN_SERIES', `申报系列 ${code} 不存在`);
  });

  // A draft may lack its route; publishing asks for it (publishProblems).
  const route: RouteLevel[] = [];
  let previous = -1;
  input.route.forEach((level, i) => {
    const field = `input.route.${i}`;
    const order = ROUTE_ORDER.indexOf(level.level as (typeof ROUTE_ORDER)[number]);
    if (order < 0) problems.add(`${field}.level`, 'UNKNOWN_LEVEL', '审核层级不存在');
    else if (order <= previous)
      problems.add(
        `${field}.level`,
        'ROUTE_ORDER',
        '审核流程应按 推荐单位 → 主管部门 → 人社部门 → 评委会 的顺序逐级配置，且每级一次',
      );
    previous = Math.max(previous, order);
    const name = text(problems, `${field}.name`, level.name, '审核层级名称', LIMITS.name);
    if (level.organisationId != null && !UUID.test(level.organisationId))
      problems.add(`${field}.organisationId`, 'INVALID_ID', '审核机构编号格式不正确');
    route.push({
      level: level.level as RouteLevel['level'],
      organisationId: level.organisationId ?? null,
      name,
    });
  });

  // A channel's route decides who must have reviewed before its outcome (a certificate for title
  // channels): a notice may skip the competent department (无) but no other level of it.
  if (channel && input.route.length > 0) {
    const levels = new Set(input.route.map((level) => level.level));
    const missing = channel.route.filter((level) => level !== 'DEPARTMENT' && !levels.has(level));
    if (missing.length > 0)
      problems.add(
        'input.route',
        'ROUTE_INCOMPLETE',
        `“${channel.name}”通道的审核流程须包含 ${missing.map((level) => ROUTE_LEVEL_NAMES[level]).join('、')}（主管部门可为无）`,
      );
  }

  const formConfig = input.formConfig
    ? formFromInput(input.formConfig)
    : channel
      ? structuredClone(channel.defaultFormConfig)
      : { modules: [], attachments: [], innovationTextLimit: 500 };

  // A draft's form may still be empty (publishing refuses it); a non-empty one must be whole.
  if (input.formConfig && formConfig.modules.length + formConfig.attachments.length > 0)
    for (const p of formConfigProblems(formConfig, 'input.formConfig'))
      problems.add(p.field, p.code, p.message);

  const committees: NoticeCommittee[] = [];
  const committeeIds = new Set<string>();
  (input.committees ?? []).forEach((c, i) => {
    const field = `input.committees.${i}`;
    const id = c.id ?? c.organisationId ?? randomUUID();
    if (!COMMITTEE_ID.test(id))
      problems.add(`${field}.id`, 'INVALID_ID', '评委会编号只能由字母、数字和 _ . : - 组成（至多64位）');
    else if (committeeIds.has(id)) problems.add(`${field}.id`, 'DUPLICATE', '评委会编号重复');
    committeeIds.add(id);
    if (c.organisationId != null && !UUID.test(c.organisationId))
      problems.add(`${field}.organisationId`, 'INVALID_ID', '评委会机构编号格式不正确');
    const name = text(problems, `${field}.name`, c.name, '评委会名称', LIMITS.name);
    if (!REGION.test(c.regionCode))
      problems.add(`${field}.regionCode`, 'INVALID_REGION', '评委会行政区划代码应为6位数字');
    const levels = unique(c.levelCodes ?? []);
    levels.forEach((code, j) => {
      if (!levelCodes.has(code))
        problems.add(`${field}.levelCodes.${j}`, 'UNKNOWN_LEVEL', `申报级别 ${code} 不存在`);
    });
    const series = unique(c.seriesCodes ?? []);
    series.forEach((code, j) => {
      if (!seriesCodes.has(code))
        problems.add(`${field}.seriesCodes.${j}`, 'UNKNOWN_SERIES', `申报系列 ${code} 不存在`);
    });
    const specialties = unique(c.specialtyCodes ?? []);
    specialties.forEach((code, j) => {
      if (!specialtyCodes.has(code))
        problems.add(`${field}.specialtyCodes.${j}`, 'UNKNOWN_SPECIALTY', `申报专业 ${code} 不存在`);
    });
    committees.push({
      id,
      organisationId: c.organisationId ?? null,
      name,
      regionCode: c.regionCode,
      levelCodes: levels,
      seriesCodes: series,
      specialtyCodes: specialties,
    });
  });

  problems.throwIfAny();
  return {
    channelCode: channel!.code,
    title,
    opensAt,
    closesAt,
    notes,
    coverage,
    route,
    formConfig,
    committees,
  };
}

/** What publishProblems looks at. */
export interface PublishFacts {
  route: RouteLevel[];
  formConfig: FormConfig;
  committees: NoticeCommittee[];
  closesAt: Date;
}

/**
 * Problems that only block publishing (a draft may be incomplete in these ways), all at once so
 * the bureau sees the whole list before pressing 发布.
 */
export function publishProblems(
  notice: PublishFacts,
  channel: ChannelConfig,
  /** null: the window is not checked (a published notice being edited may have closed). */
  now: Date | null,
  channelRetired = false,
): Problems {
  const problems = new Problems();
  if (channelRetired)
    problems.add('channelCode', 'CHANNEL_RETIRED', `申报通道“${channel.name}”已停用，不能再发布该通道的通知`);
  if (notice.route.length === 0) problems.add('route', 'REQUIRED', '请配置审核流程后再发布');
  if (notice.formConfig.modules.length === 0)
    problems.add(
      'formConfig.modules',
      'FORM_EMPTY',
      '申报表单还没有任何模块，请至少开启基本信息模块后再发布',
    );
  if (channel.requiresCommittee && notice.committees.length === 0)
    problems.add('committees', 'REQUIRED', `“${channel.name}”通道的通知需配置至少一个评委会后才能发布`);
  if (now && notice.closesAt.getTime() <= now.getTime())
    problems.add('closesAt', 'WINDOW_PASSED', '申报截止时间已过，请修改申报时间后再发布');
  return problems;
}
