// The rules of one module's value, in two strengths. A save (暂存/保存, `draft: true`) refuses
// only what is malformed: a wrong shape or ID format, a text over its limit, a date that is no
// date, a value outside its dictionary, a cascading pick under the wrong parent, fields that
// contradict each other. Completeness (required fields, fields required by another one, the
// whole cascade, certificate numbers) is added without `draft`: that is what the 数据验证信息
// report (report.ts) and submit use, so a draft can be saved half done and is still complete
// before it is submitted. Entry counts, proof files and required modules live in report.ts.
import { validateMobile, validateResidentId } from '@zhicheng/domain-codes';
import { TITLE_CATALOGUE, selectionProblems, type CatalogueNode } from './catalogue';
import { MODULE_DEFAULTS, WORK_SUMMARY_MAX_CHARS } from './data/modules';
import { TALENT_LEVELS } from './data/talent-standards';
import { isIsoDate, yearOf } from './dates';
import {
  BASIC_INFO_FIELDS,
  DATE_RANGES,
  ENTRY_FIELDS,
  TALENT_BASIC_INFO_FIELDS,
  type FieldSpec,
} from './fields';
import { isHigherTalentLevel, isTalentLevelCode, talentLevelForStandard } from './talent';
import {
  MODULE_DATA_KEY,
  MODULE_KEYS,
  type ChannelConfig,
  type DeclarationCategory,
  type FieldProblem,
  type FormConfig,
  type IsoDate,
  type ModuleConfig,
  type ModuleData,
  type ModuleKey,
  type ModuleValue,
} from './types';

export interface ModuleInputContext {
  config: FormConfig;
  channel: ChannelConfig;
  category: DeclarationCategory;
  /** China's date today (chinaDate(now)): nothing may lie after it. */
  today: IsoDate;
  /** The declaration's modules as they will be after this save (for rules across modules). */
  data?: ModuleData;
  catalogue?: readonly CatalogueNode[];
  /** 暂存: only malformed values are problems; what is missing is left to the report. */
  draft?: boolean;
}

type Row = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PASSPORT = /^[A-Z0-9]{5,17}$/i;
const EARLIEST_YEAR = 1950;

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Characters as a person counts them (a Chinese character is one, an emoji is one). */
export function textLength(value: string): number {
  return [...value].length;
}

/** The module's settings in this form, if the form has the module. */
export function moduleConfigOf(config: FormConfig, key: ModuleKey): ModuleConfig | undefined {
  return config.modules.find((m) => m.key === key);
}

/**
 * Problems of one module's new value, each with a dotted field path from ModuleData
 * (`education.2.school`, `basicInfo.levelCode`, `innovation`). null/undefined clears the module
 * and is always accepted.
 */
export function validateModuleInput<K extends ModuleKey>(
  key: K,
  value: ModuleValue<K> | null | undefined,
  ctx: ModuleInputContext,
): FieldProblem[] {
  const dataKey = MODULE_DATA_KEY[key] ?? key;
  if (value === null || value === undefined) return [];
  const module = moduleConfigOf(ctx.config, key);
  if (!module) {
    return [
      { field: dataKey, code: 'MODULE_NOT_IN_FORM', message: `本次申报不包含${MODULE_DEFAULTS[key].name}` },
    ];
  }
  const problems: FieldProblem[] = [];
  const raw: unknown = value;
  switch (key) {
    case 'BASIC_INFO':
      checkBasicInfo(raw, dataKey, ctx, problems);
      break;
    case 'TALENT_BASIC_INFO':
      checkTalentBasicInfo(raw, dataKey, ctx, problems);
      break;
    case 'INNOVATION':
      checkText(raw, dataKey, module.name, ctx.config.innovationTextLimit, problems);
      break;
    case 'WORK_SUMMARY':
      checkText(raw, dataKey, module.name, WORK_SUMMARY_MAX_CHARS, problems);
      break;
    case 'UNIT_PUBLICITY':
      // An upload only: nothing to fill in.
      break;
    default:
      checkList(key, raw, dataKey, module, ctx, problems);
  }
  return problems;
}

/** validateModuleInput for every module present in `input` (a save may carry several). */
export function validateModulesInput(input: ModuleData, ctx: ModuleInputContext): FieldProblem[] {
  const data = { ...ctx.data, ...input };
  const problems: FieldProblem[] = [];
  for (const key of MODULE_KEYS) {
    const dataKey = MODULE_DATA_KEY[key];
    if (dataKey === null || !Object.prototype.hasOwnProperty.call(input, dataKey)) continue;
    problems.push(...validateModuleInput(key, input[dataKey] as ModuleValue<typeof key>, { ...ctx, data }));
  }
  return problems;
}

// --- one field --------------------------------------------------------------------------------

function checkField(
  value: unknown,
  spec: FieldSpec,
  field: string,
  ctx: ModuleInputContext,
  problems: FieldProblem[],
): void {
  const today = ctx.today;
  const add = (code: string, message: string) => problems.push({ field, code, message });
  if (isBlank(value)) {
    if (spec.required && !ctx.draft) {
      const verb =
        spec.kind === 'text' || spec.kind === 'integer' || spec.kind === 'year' ? '请填写' : '请选择';
      add('REQUIRED', `${verb}${spec.label}`);
    }
    return;
  }
  switch (spec.kind) {
    case 'text':
      if (typeof value !== 'string') add('INVALID', `${spec.label}格式不正确`);
      else if (textLength(value.trim()) > spec.maxLength)
        add('TEXT_TOO_LONG', `${spec.label}不能超过${spec.maxLength}个字`);
      break;
    case 'date':
      if (!isIsoDate(value)) add('DATE_INVALID', `${spec.label}不是有效日期`);
      else if (value > today) add('DATE_IN_FUTURE', `${spec.label}不能晚于今天`);
      break;
    case 'year':
      if (typeof value !== 'number' || !Number.isInteger(value)) add('INVALID', `${spec.label}应为四位年份`);
      else if (value > yearOf(today)) add('YEAR_IN_FUTURE', `${spec.label}不能晚于今年`);
      else if (value < EARLIEST_YEAR) add('OUT_OF_RANGE', `${spec.label}不能早于${EARLIEST_YEAR}年`);
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max)
        add('OUT_OF_RANGE', `${spec.label}应为${spec.min}至${spec.max}之间的整数`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') add('INVALID', `请选择${spec.label}`);
      break;
    case 'choice':
      if (typeof value !== 'string' || !spec.values.includes(value))
        add('INVALID', `${spec.label}的选项无效，请重新选择`);
      break;
  }
}

function checkFields(
  row: Row,
  specs: Readonly<Record<string, FieldSpec | undefined>>,
  prefix: string,
  ctx: ModuleInputContext,
  problems: FieldProblem[],
): void {
  for (const [name, spec] of Object.entries(specs)) {
    if (spec) checkField(row[name], spec, `${prefix}.${name}`, ctx, problems);
  }
}

function checkDateRanges(
  key: ModuleKey,
  row: Row,
  prefix: string,
  specs: Readonly<Record<string, FieldSpec | undefined>>,
  problems: FieldProblem[],
): void {
  for (const [start, end] of DATE_RANGES[key] ?? []) {
    const from = row[start];
    const to = row[end];
    if (isIsoDate(from) && isIsoDate(to) && to < from) {
      problems.push({
        field: `${prefix}.${end}`,
        code: 'DATE_ORDER',
        message: `${specs[end]?.label ?? end}不能早于${specs[start]?.label ?? start}`,
      });
    }
  }
}

/** Requires `dependent` when `condition` holds (e.g. 引进人才 ⇒ 从何地引进); a draft may lack it. */
function requireWhen(
  ctx: ModuleInputContext,
  condition: boolean,
  row: Row,
  dependent: string,
  prefix: string,
  message: string,
  problems: FieldProblem[],
): void {
  if (!ctx.draft && condition && isBlank(row[dependent]))
    problems.push({ field: `${prefix}.${dependent}`, code: 'REQUIRED', message });
}

function asRow(value: unknown, field: string, problems: FieldProblem[]): Row | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Row;
  problems.push({ field, code: 'INVALID', message: '填写的内容格式不正确' });
  return undefined;
}

// --- identity data ----------------------------------------------------------------------------

/**
 * 证件号码 (a resident ID by GB 11643, a passport by shape) and, for the applicant's own ID,
 * that 出生日期 and 性别 agree with it.
 */
function checkIdentity(
  row: Row,
  prefix: string,
  today: IsoDate,
  problems: FieldProblem[],
  own: boolean,
): void {
  const idNumber = row.idNumber;
  if (typeof idNumber !== 'string' || isBlank(idNumber)) return;
  const field = `${prefix}.idNumber`;
  if (row.idType === 'RESIDENT_ID') {
    const result = validateResidentId(idNumber, { today: new Date(`${today}T12:00:00Z`) });
    if (!result.ok) {
      for (const p of result.problems) problems.push({ field, code: p.code, message: p.message });
      return;
    }
    if (own && isIsoDate(row.birthDate) && row.birthDate !== result.birthDate)
      problems.push({
        field: `${prefix}.birthDate`,
        code: 'BIRTH_DATE_MISMATCH',
        message: '出生日期与证件号码不一致',
      });
    const gender = result.gender === 'male' ? 'MALE' : 'FEMALE';
    if (own && (row.gender === 'MALE' || row.gender === 'FEMALE') && row.gender !== gender)
      problems.push({ field: `${prefix}.gender`, code: 'GENDER_MISMATCH', message: '性别与证件号码不一致' });
  } else if (row.idType === 'PASSPORT' && !PASSPORT.test(idNumber.trim())) {
    problems.push({ field, code: 'PASSPORT_FORMAT', message: '护照号码应为5-17位字母或数字' });
  }
}

function checkMobile(row: Row, prefix: string, problems: FieldProblem[]): void {
  if (typeof row.mobile !== 'string' || isBlank(row.mobile)) return;
  const result = validateMobile(row.mobile);
  if (!result.ok)
    for (const p of result.problems)
      problems.push({ field: `${prefix}.mobile`, code: p.code, message: p.message });
}

/** Normalised for comparison: upper-case X, no spaces. */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.replace(/\s/g, '').toUpperCase();
}

// --- single-value modules ---------------------------------------------------------------------

function checkText(
  value: unknown,
  field: string,
  name: string,
  limit: number,
  problems: FieldProblem[],
): void {
  if (typeof value !== 'string') {
    problems.push({ field, code: 'INVALID', message: `${name}格式不正确` });
  } else if (textLength(value.trim()) > limit) {
    problems.push({ field, code: 'TEXT_TOO_LONG', message: `${name}不能超过${limit}字` });
  }
}

function checkBasicInfo(
  value: unknown,
  prefix: string,
  ctx: ModuleInputContext,
  problems: FieldProblem[],
): void {
  const row = asRow(value, prefix, problems);
  if (!row) return;
  checkFields(row, BASIC_INFO_FIELDS, prefix, ctx, problems);
  checkIdentity(row, prefix, ctx.today, problems, true);
  checkMobile(row, prefix, problems);
  if (isIsoDate(row.birthDate) && isIsoDate(row.workStartDate) && row.workStartDate < row.birthDate)
    problems.push({
      field: `${prefix}.workStartDate`,
      code: 'DATE_ORDER',
      message: '参加工作日期不能早于出生日期',
    });

  // A date without its name (or the reverse) says nothing.
  requireWhen(
    ctx,
    !isBlank(row.currentTitleName),
    row,
    'currentTitleDate',
    prefix,
    '请选择取得资格日期',
    problems,
  );
  requireWhen(
    ctx,
    !isBlank(row.currentTitleDate),
    row,
    'currentTitleName',
    prefix,
    '请填写现专业技术资格',
    problems,
  );
  requireWhen(
    ctx,
    !isBlank(row.practiceQualificationName),
    row,
    'practiceQualificationDate',
    prefix,
    '请选择职（执）业资格取得日期',
    problems,
  );
  requireWhen(
    ctx,
    !isBlank(row.practiceQualificationDate),
    row,
    'practiceQualificationName',
    prefix,
    '请填写职（执）业资格名称',
    problems,
  );

  problems.push(
    ...selectionProblems(row, {
      prefix: `${prefix}.`,
      complete: ctx.channel.usesTitleCatalogue && !ctx.draft,
      filter: ctx.channel.titleFilter,
      catalogue: ctx.catalogue ?? TITLE_CATALOGUE,
    }),
  );
  // The seeds: "从事专业"必须与"申报专业范围"保持一致.
  const practisedField = `${prefix}.practisedSpecialtyCode`;
  if (isBlank(row.practisedSpecialtyCode)) {
    if (ctx.channel.usesTitleCatalogue && !ctx.draft)
      problems.push({ field: practisedField, code: 'REQUIRED', message: '请选择从事专业' });
  } else if (row.practisedSpecialtyCode !== row.scopeCode && !(ctx.draft && isBlank(row.scopeCode))) {
    // A draft may pick 从事专业 before 申报专业范围; two different picks contradict each other.
    problems.push({
      field: practisedField,
      code: 'PRACTISED_SPECIALTY_MISMATCH',
      message: '"从事专业"必须与"申报专业范围"保持一致',
    });
  }

  const kindField = `${prefix}.exceptionalKind`;
  if (ctx.category === 'EXCEPTIONAL') {
    if (isBlank(row.exceptionalKind)) {
      if (!ctx.draft)
        problems.push({ field: kindField, code: 'REQUIRED', message: '申报类别为破格时，请选择破格类别' });
    } else if (row.exceptionalKind === 'TWO_EXPERTS' && !moduleConfigOf(ctx.config, 'RECOMMENDERS'))
      problems.push({
        field: kindField,
        code: 'EXCEPTIONAL_KIND_NOT_IN_FORM',
        message: '本次申报不受理两名专家推荐破格',
      });
  } else if (!isBlank(row.exceptionalKind)) {
    problems.push({
      field: kindField,
      code: 'EXCEPTIONAL_KIND_NOT_ALLOWED',
      message: '申报类别为正常时不能选择破格类别',
    });
  }
}

function checkTalentBasicInfo(
  value: unknown,
  prefix: string,
  ctx: ModuleInputContext,
  problems: FieldProblem[],
): void {
  const row = asRow(value, prefix, problems);
  if (!row) return;
  checkFields(row, TALENT_BASIC_INFO_FIELDS, prefix, ctx, problems);
  checkIdentity(row, prefix, ctx.today, problems, true);
  checkMobile(row, prefix, problems);

  requireWhen(
    ctx,
    row.source === 'INTRODUCED',
    row,
    'introducedFrom',
    prefix,
    '人才来源为引进人才时，请填写从何地（单位）引进',
    problems,
  );
  const promotion = row.serviceType === 'PROMOTION';
  requireWhen(
    ctx,
    promotion,
    row,
    'previousCategoryCode',
    prefix,
    '晋升认定时，请选择已在吉认定人才类别',
    problems,
  );
  requireWhen(ctx, promotion, row, 'previousRecognitionDate', prefix, '晋升认定时，请选择认定日期', problems);
  requireWhen(
    ctx,
    row.longTermContract === false,
    row,
    'contractStartDate',
    prefix,
    '未签订长期聘用合同（五年以上）时，请选择引进或聘用合同（协议）开始时间',
    problems,
  );

  if (isBlank(row.standardCode)) return;
  const level = talentLevelForStandard(typeof row.standardCode === 'string' ? row.standardCode : undefined);
  if (!level) {
    problems.push({
      field: `${prefix}.standardCode`,
      code: 'TALENT_STANDARD_UNKNOWN',
      message: '申请评定符合标准不存在，请重新选择',
    });
    return;
  }
  // The level follows from the standard; a typed one that differs is refused, not silently kept.
  if (!isBlank(row.levelCode) && row.levelCode !== level)
    problems.push({
      field: `${prefix}.levelCode`,
      code: 'TALENT_LEVEL_NOT_FROM_STANDARD',
      message: `申请评定级别（层次）由所选标准确定，应为${TALENT_LEVELS[level]}`,
    });
  if (
    promotion &&
    isTalentLevelCode(row.previousCategoryCode) &&
    !isHigherTalentLevel(level, row.previousCategoryCode)
  )
    problems.push({
      field: `${prefix}.standardCode`,
      code: 'TALENT_PROMOTION_NOT_HIGHER',
      message: `晋升认定的申请评定级别须高于已认定的${TALENT_LEVELS[row.previousCategoryCode]}`,
    });
}

// --- list modules -----------------------------------------------------------------------------

function checkList(
  key: ModuleKey,
  value: unknown,
  dataKey: string,
  module: ModuleConfig,
  ctx: ModuleInputContext,
  problems: FieldProblem[],
): void {
  if (!Array.isArray(value)) {
    problems.push({ field: dataKey, code: 'INVALID', message: `${module.name}格式不正确` });
    return;
  }
  if (module.maxEntries !== undefined && value.length > module.maxEntries)
    problems.push({
      field: dataKey,
      code: 'TOO_MANY_ENTRIES',
      message: `${module.name}最多填写${module.maxEntries}条`,
    });

  const specs = ENTRY_FIELDS[key] ?? {};
  const seenIds = new Set<string>();
  const rows: Array<{ row: Row; prefix: string }> = [];
  value.forEach((entry: unknown, index) => {
    const prefix = `${dataKey}.${index}`;
    const row = asRow(entry, prefix, problems);
    if (!row) return;
    if (typeof row.id !== 'string' || !UUID.test(row.id))
      problems.push({
        field: `${prefix}.id`,
        code: 'ENTRY_ID_INVALID',
        message: '条目标识无效，请刷新页面后重试',
      });
    else if (seenIds.has(row.id.toLowerCase()))
      problems.push({
        field: `${prefix}.id`,
        code: 'ENTRY_ID_DUPLICATE',
        message: '条目标识重复，请刷新页面后重试',
      });
    else seenIds.add(row.id.toLowerCase());
    checkFields(row, specs, prefix, ctx, problems);
    checkDateRanges(key, row, prefix, specs, problems);
    rows.push({ row, prefix });
  });

  const extra = LIST_RULES[key];
  if (extra) extra(rows, { ctx, dataKey, module, problems });
}

interface ListRuleArgs {
  ctx: ModuleInputContext;
  dataKey: string;
  module: ModuleConfig;
  problems: FieldProblem[];
}
type ListRule = (rows: Array<{ row: Row; prefix: string }>, args: ListRuleArgs) => void;

const LIST_RULES: Partial<Record<ModuleKey, ListRule>> = {
  RECOMMENDERS: (rows, { ctx, dataKey, module, problems }) => {
    if (rows.length === 0) return;
    const basic = ctx.data?.basicInfo;
    if (ctx.category !== 'EXCEPTIONAL') {
      problems.push({
        field: dataKey,
        code: 'RECOMMENDERS_NOT_EXCEPTIONAL',
        message: `申报类别为破格时才能填写${module.name}`,
      });
      return;
    }
    if (!basic) {
      // The seeds: 请先保存基本信息栏再点击添加.
      problems.push({
        field: dataKey,
        code: 'BASIC_INFO_FIRST',
        message: `请先保存基本信息再添加${module.name}`,
      });
      return;
    }
    if (basic.exceptionalKind !== 'TWO_EXPERTS') {
      problems.push({
        field: dataKey,
        code: 'RECOMMENDERS_NOT_TWO_EXPERTS',
        message: `破格类别为两名专家推荐破格时才能填写${module.name}`,
      });
      return;
    }
    const applicantId = basic.idNumber ? normaliseIdNumber(basic.idNumber) : undefined;
    const seen = new Set<string>();
    for (const { row, prefix } of rows) {
      checkIdentity(row, prefix, ctx.today, problems, false);
      checkMobile(row, prefix, problems);
      if (typeof row.idNumber !== 'string' || isBlank(row.idNumber)) continue;
      const id = normaliseIdNumber(row.idNumber);
      if (id === applicantId)
        problems.push({
          field: `${prefix}.idNumber`,
          code: 'RECOMMENDER_IS_APPLICANT',
          message: '推荐专家不能是申报人本人',
        });
      else if (seen.has(id))
        problems.push({
          field: `${prefix}.idNumber`,
          code: 'RECOMMENDER_DUPLICATE',
          message: '两名推荐专家不能是同一人',
        });
      seen.add(id);
    }
  },
  EDUCATION: (rows, { ctx, problems }) => {
    if (!ctx.config.educationCertificateNumbers || ctx.draft) return;
    // 江苏: 学历证书编号、学位证书编号二者至少填写一项 (a registry record carries its own).
    for (const { row, prefix } of rows) {
      if (row.source !== 'REGISTRY' && isBlank(row.diplomaNumber) && isBlank(row.degreeNumber))
        problems.push({
          field: `${prefix}.diplomaNumber`,
          code: 'CERTIFICATE_NUMBER_REQUIRED',
          message: '学历证书编号、学位证书编号二者至少填写一项',
        });
    }
  },
  ENTERPRISE_RESULTS: (rows, { ctx, problems }) => {
    // 企业人才业绩 covers the last three years only.
    const thisYear = yearOf(ctx.today);
    for (const { row, prefix } of rows) {
      if (
        typeof row.year === 'number' &&
        Number.isInteger(row.year) &&
        row.year >= EARLIEST_YEAR &&
        row.year < thisYear - 3
      )
        problems.push({
          field: `${prefix}.year`,
          code: 'RESULT_TOO_OLD',
          message: `企业人才业绩只填写近三年业绩（${thisYear - 3}年以后）`,
        });
    }
  },
  ANNUAL_ASSESSMENT: (rows, { problems }) => {
    const years = new Set<unknown>();
    for (const { row, prefix } of rows) {
      if (years.has(row.year))
        problems.push({
          field: `${prefix}.year`,
          code: 'ASSESSMENT_YEAR_DUPLICATE',
          message: `${String(row.year)}年度考核已填写`,
        });
      years.add(row.year);
    }
  },
};
