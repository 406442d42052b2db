// 数据验证信息: every problem that stops a declaration from being submitted, all at once, in the
// seeds' words (教育经历已填写1条，其中有1条未上传证明材料，请补充上传 …; full-width punctuation). It re-runs the save-time
// rules too, since the form or the catalogue may have changed after a module was saved.
import type { CatalogueNode } from './catalogue';
import { chinaDate } from './dates';
import { recommenderQuotaProblems, type RecommendationCounts } from './recommenders';
import { kbToBytes } from './uploads';
import { isBlank, moduleConfigOf, validateModuleInput, type ModuleInputContext } from './validate-input';
import {
  MODULE_DATA_KEY,
  type AttachmentFact,
  type AttachmentSlotConfig,
  type ChannelConfig,
  type DeclarationCategory,
  type FileRule,
  type FormConfig,
  type IsoDate,
  type ModuleConfig,
  type ModuleData,
  type ModuleKey,
  type ModuleValue,
  type ValidationProblem,
} from './types';

export interface DeclarationFacts {
  config: FormConfig;
  channel: ChannelConfig;
  data: ModuleData;
  attachments: readonly AttachmentFact[];
  category: DeclarationCategory;
  /** China's date today; defaults to the current one. */
  today?: IsoDate;
  catalogue?: readonly CatalogueNode[];
  /** When given, the one-expert-two-applicants quota is checked too (see recommenderQuotaProblems). */
  recommendationCounts?: RecommendationCounts;
}

/** The seeds' 两名专家推荐破格 needs exactly this many recommenders. */
export const REQUIRED_RECOMMENDERS = 2;

/** Every problem, module by module in the form's order, then the attachment catalogue. */
export function validationReport(decl: DeclarationFacts): ValidationProblem[] {
  const today = decl.today ?? chinaDate(new Date());
  const ctx: ModuleInputContext = {
    config: decl.config,
    channel: decl.channel,
    category: decl.category,
    today,
    data: decl.data,
    catalogue: decl.catalogue,
  };
  const problems: ValidationProblem[] = [];
  const modulesInForm = new Set(decl.config.modules.map((m) => m.key));

  if (decl.category === 'EXCEPTIONAL' && !decl.channel.allowsExceptional) {
    const module = modulesInForm.has('TALENT_BASIC_INFO') ? 'TALENT_BASIC_INFO' : 'BASIC_INFO';
    problems.push({ module, code: 'EXCEPTIONAL_NOT_ALLOWED', message: '本通道不受理破格申报' });
  }

  for (const module of decl.config.modules) {
    problems.push(...moduleProblems(module, decl, ctx));
    for (const slot of decl.config.attachments.filter((s) => s.module === module.key))
      problems.push(...slotProblems(slot, module.key, decl));
  }
  for (const slot of decl.config.attachments.filter((s) => !s.module || !modulesInForm.has(s.module)))
    problems.push(...slotProblems(slot, 'ATTACHMENTS', decl));
  return problems;
}

/** True when nothing in the report stops a submit. */
export function isReadyToSubmit(decl: DeclarationFacts): boolean {
  return validationReport(decl).length === 0;
}

// --- modules ----------------------------------------------------------------------------------

function moduleValue(data: ModuleData, key: ModuleKey): unknown {
  const dataKey = MODULE_DATA_KEY[key];
  return dataKey ? data[dataKey] : undefined;
}

export function isModuleFilled(data: ModuleData, key: ModuleKey): boolean {
  const value = moduleValue(data, key);
  return Array.isArray(value) ? value.length > 0 : !isBlank(value);
}

/** "基本信息" stays "基本信息", "年度考核" becomes "年度考核信息" (请填写年度考核信息). */
function infoName(name: string): string {
  return name.endsWith('信息') ? name : `${name}信息`;
}

/** Puts a save-time message in its module's context: 教育经历第2条：请填写毕业学校. */
function inContext(module: ModuleConfig, field: string, message: string): string {
  const [, second] = field.split('.');
  if (second !== undefined && /^\d+$/.test(second))
    return `${module.name}第${Number(second) + 1}条：${message}`;
  return message.startsWith(module.name) ? message : `${module.name}：${message}`;
}

function moduleProblems(
  module: ModuleConfig,
  decl: DeclarationFacts,
  ctx: ModuleInputContext,
): ValidationProblem[] {
  const key = module.key;
  const problems: ValidationProblem[] = [];
  const add = (code: string, message: string, field?: string, params?: ValidationProblem['params']) =>
    problems.push({ module: key, code, message, ...(field ? { field } : {}), ...(params ? { params } : {}) });
  const dataKey = MODULE_DATA_KEY[key];
  const value = moduleValue(decl.data, key);
  const filled = isModuleFilled(decl.data, key);

  // UNIT_PUBLICITY is an upload: its slots report it (单位公示表未上传).
  if (module.required && !filled && dataKey !== null)
    add('MODULE_MISSING', `${module.name}未填写，请填写${infoName(module.name)}`);

  if (filled) {
    for (const p of validateModuleInput(key, value as ModuleValue<typeof key>, ctx)) {
      // Said below with the count in it.
      if (p.code !== 'TOO_MANY_ENTRIES') add(p.code, inContext(module, p.field, p.message), p.field);
    }
  }

  if (Array.isArray(value)) {
    const entries = value as Array<{ id?: unknown }>;
    if (module.maxEntries !== undefined && entries.length > module.maxEntries)
      add(
        'TOO_MANY_ENTRIES',
        `${module.name}已填写${entries.length}条，最多填写${module.maxEntries}条`,
        dataKey ?? key,
        { count: entries.length, max: module.maxEntries },
      );
    if (module.filesPerEntry)
      problems.push(...entryFileProblems(module, module.filesPerEntry, entries, decl));
  }

  if (key === 'RECOMMENDERS') problems.push(...recommenderProblems(module, decl));
  return problems;
}

function recommenderProblems(module: ModuleConfig, decl: DeclarationFacts): ValidationProblem[] {
  if (decl.category !== 'EXCEPTIONAL' || decl.data.basicInfo?.exceptionalKind !== 'TWO_EXPERTS') return [];
  const recommenders = decl.data.recommenders ?? [];
  const problems: ValidationProblem[] = [];
  const count = recommenders.length;
  if (count !== REQUIRED_RECOMMENDERS)
    problems.push({
      module: 'RECOMMENDERS',
      code: 'RECOMMENDERS_COUNT',
      field: 'recommenders',
      params: { count, required: REQUIRED_RECOMMENDERS },
      message:
        count === 0
          ? `${module.name}未填写，请填写${REQUIRED_RECOMMENDERS}条`
          : `${module.name}已填写${count}条，请填写${REQUIRED_RECOMMENDERS}条`,
    });
  if (decl.recommendationCounts)
    for (const p of recommenderQuotaProblems(recommenders, decl.recommendationCounts))
      problems.push({
        module: 'RECOMMENDERS',
        code: p.code,
        field: p.field,
        message: inContext(module, p.field, p.message),
      });
  return problems;
}

/**
 * How many proof files an entry needs. 江苏's 学历学位信息: one per certificate number filled in
 * (a number needs its file), none for a record fetched from the degree registry.
 */
function filesNeeded(
  module: ModuleConfig,
  rule: FileRule,
  entry: Record<string, unknown>,
  config: FormConfig,
): number {
  if (module.key !== 'EDUCATION' || !config.educationCertificateNumbers) return rule.min;
  if (entry.source === 'REGISTRY') return 0;
  const numbers = [entry.diplomaNumber, entry.degreeNumber].filter((n) => !isBlank(n)).length;
  return Math.max(rule.min, numbers);
}

function entryFileProblems(
  module: ModuleConfig,
  rule: FileRule,
  entries: Array<{ id?: unknown }>,
  decl: DeclarationFacts,
): ValidationProblem[] {
  let withoutFiles = 0;
  let incomplete = 0;
  let tooMany = 0;
  const files: AttachmentFact[] = [];
  for (const entry of entries) {
    const own = decl.attachments.filter(
      (a) => a.slot.kind === 'ENTRY' && a.slot.module === module.key && a.slot.entryId === entry.id,
    );
    files.push(...own);
    const needed = filesNeeded(module, rule, entry as Record<string, unknown>, decl.config);
    if (own.length === 0 && needed > 0) withoutFiles += 1;
    else if (own.length < needed) incomplete += 1;
    if (own.length > rule.max) tooMany += 1;
  }
  const n = entries.length;
  const field = MODULE_DATA_KEY[module.key] ?? module.key;
  const problems: ValidationProblem[] = [];
  const add = (code: string, message: string, count: number) =>
    problems.push({ module: module.key, code, field, message, params: { entries: n, count, max: rule.max } });
  if (withoutFiles > 0)
    add(
      'ENTRY_FILES_MISSING',
      `${module.name}已填写${n}条，其中有${withoutFiles}条未上传证明材料，请补充上传`,
      withoutFiles,
    );
  if (incomplete > 0)
    add(
      'ENTRY_FILES_INCOMPLETE',
      `${module.name}已填写${n}条，其中有${incomplete}条证明材料不全，请补充上传`,
      incomplete,
    );
  if (tooMany > 0)
    add(
      'ENTRY_FILES_TOO_MANY',
      `${module.name}已填写${n}条，其中有${tooMany}条证明材料超过${rule.max}个，请删除多余材料`,
      tooMany,
    );
  problems.push(
    ...fileRuleProblems(
      `${module.name}有`,
      '个证明材料',
      rule.formats,
      rule.maxSizeKb,
      files,
      module.key,
      field,
    ),
  );
  return problems;
}

// --- attachment catalogue ---------------------------------------------------------------------

/** A slot shown inside an upload-only module (单位公示表) is required when that module is. */
function slotRequired(slot: AttachmentSlotConfig, config: FormConfig): boolean {
  if (slot.required) return true;
  if (!slot.module || MODULE_DATA_KEY[slot.module] !== null) return false;
  return moduleConfigOf(config, slot.module)?.required ?? false;
}

function slotProblems(
  slot: AttachmentSlotConfig,
  module: ModuleKey | 'ATTACHMENTS',
  decl: DeclarationFacts,
): ValidationProblem[] {
  const files = decl.attachments.filter((a) => a.slot.kind === 'CATALOGUE' && a.slot.code === slot.code);
  const problems: ValidationProblem[] = [];
  const field = `attachments.${slot.code}`;
  if (files.length === 0 && slotRequired(slot, decl.config))
    problems.push({ module, code: 'ATTACHMENT_MISSING', field, message: `${slot.name}未上传` });
  if (files.length > slot.maxCount)
    problems.push({
      module,
      code: 'ATTACHMENT_TOO_MANY',
      field,
      params: { count: files.length, max: slot.maxCount },
      message: `${slot.name}最多上传${slot.maxCount}个，已上传${files.length}个，请删除多余文件`,
    });
  problems.push(
    ...fileRuleProblems(`${slot.name}有`, '个文件', slot.formats, slot.maxSizeKb, files, module, field),
  );
  return problems;
}

/** Format and size of stored files, re-checked because a notice's rules may have changed. */
function fileRuleProblems(
  subject: string,
  noun: string,
  formats: readonly string[],
  maxSizeKb: number,
  files: readonly AttachmentFact[],
  module: ModuleKey | 'ATTACHMENTS',
  field?: string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const wrongFormat = files.filter((f) => !formats.includes(f.format)).length;
  const tooLarge = files.filter((f) => f.sizeBytes > kbToBytes(maxSizeKb)).length;
  const at = field ? { field } : {};
  if (wrongFormat > 0)
    problems.push({
      module,
      code: 'FILE_FORMAT',
      ...at,
      params: { count: wrongFormat, formats: formats.join(', ') },
      message: `${subject}${wrongFormat}${noun}格式不符合要求，只能上传${formats.join('、')}格式的文件，请重新上传`,
    });
  if (tooLarge > 0)
    problems.push({
      module,
      code: 'FILE_TOO_LARGE',
      ...at,
      params: { count: tooLarge, maxSizeKb },
      message: `${subject}${tooLarge}${noun}超过${maxSizeKb}KB，请重新上传`,
    });
  return problems;
}
