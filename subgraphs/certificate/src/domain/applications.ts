// The rules of 补办/换发 and 历史职称数据登记 input, as pure functions: every problem of an input
// at once, with a stable code and a Chinese sentence that says what to change.
import { maskIdNumber, validateResidentId } from '@zhicheng/domain-codes';
import { APPLICATION_STATUS, zhWords } from '@zhicheng/vocabulary';

export type Problem = { field: string; code: string; message: string };

/** 申报类型 (seed 004 ch. 5 ②). */
export const DECLARATION_TYPES = { REVIEW: '评审', INITIAL: '初定' } as const;
export type DeclarationType = keyof typeof DECLARATION_TYPES;

/** 业务类别 (seed 004 ch. 5 ③). */
export const BUSINESS_TYPES = { REISSUE: '补办', RENEWAL: '换发' } as const;
export type BusinessType = keyof typeof BUSINESS_TYPES;

/** 级别 printed on professional-title certificates. */
export const LEVEL_NAMES = ['正高级', '副高级', '中级', '助理级', '员级', '初级'] as const;

/** 待审核 / 审核通过 / 审核不通过 / 已撤回, from the vocabulary. */
export const STATUS_TEXT = zhWords(APPLICATION_STATUS);

export const MAX_REASON = 500;
export const MAX_OPINION = 500;
const MAX_TEXT = 100;
const MAX_NUMBER = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

const REGION = /^\d{6}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Spaces people type around and inside names (张 三) do not count. */
export const normaliseName = (name: string) => name.replace(/\s+/g, '');

/**
 * A printed certificate number as stored and looked up: no spaces, Latin letters upper-case,
 * full-width letters and digits folded (纸质证书 numbers mix them).
 */
export function normalisePrintedNumber(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Letters, digits, CJK and the punctuation printed numbers use (吉职字〔2005〕第123号, No.0012-A). */
const PRINTED_NUMBER = /^[\p{L}\p{N}\-_.·/()（）〔〕[\]【】#]+$/u;

export function printedNumberProblem(number: string): { code: string; message: string } | null {
  if (!number) return { code: 'REQUIRED', message: '请输入证书编号' };
  if ([...number].length > MAX_NUMBER)
    return { code: 'TOO_LONG', message: `证书编号不能超过${MAX_NUMBER}个字符` };
  if (!PRINTED_NUMBER.test(number))
    return {
      code: 'INVALID_FORMAT',
      message: '证书编号只能包含文字、字母、数字和 - _ . / ( ) 〔 〕 等符号，请按证书上的编号输入',
    };
  return null;
}

/** A real calendar date, not in the future, not before 1950. */
function dateProblem(value: string, label: string, today: string): { code: string; message: string } | null {
  if (!value) return { code: 'REQUIRED', message: `请填写${label}` };
  const m = DATE.exec(value);
  const date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!m || !date || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3])
    return { code: 'INVALID_DATE', message: `${label}应为真实的日期，格式 YYYY-MM-DD` };
  if (value < '1950-01-01') return { code: 'INVALID_DATE', message: `${label}不能早于1950年` };
  if (value > today) return { code: 'DATE_IN_FUTURE', message: `${label}不能晚于今天` };
  return null;
}

function text(
  problems: Problem[],
  field: string,
  value: string | null | undefined,
  label: string,
  required: boolean,
  max = MAX_TEXT,
): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) problems.push({ field, code: 'REQUIRED', message: `请填写${label}` });
    return null;
  }
  if ([...v].length > max) problems.push({ field, code: 'TOO_LONG', message: `${label}不能超过${max}个字` });
  return v;
}

export interface ReissueInput {
  certificateId?: string | null;
  historicalRegistrationId?: string | null;
  declarationType: string;
  businessType: string;
  regionCode: string;
  declarationPointId: string;
  reason: string;
  fileIds: readonly string[];
}

/** The form's own problems (the certificate, region, point and files are checked against data after). */
export function reissueInputProblems(input: ReissueInput): Problem[] {
  const problems: Problem[] = [];
  const targets = [input.certificateId, input.historicalRegistrationId].filter((v) => v != null && v !== '');
  if (targets.length !== 1)
    problems.push({
      field: 'certificateId',
      code: 'CERTIFICATE_REQUIRED',
      message: '请先查询并选择要补办（换发）的证书',
    });
  else if (!isUuid(targets[0]))
    problems.push({
      field: input.certificateId ? 'certificateId' : 'historicalRegistrationId',
      code: 'INVALID_ID',
      message: '证书编号格式不正确，请重新查询证书',
    });
  if (!(input.declarationType in DECLARATION_TYPES))
    problems.push({ field: 'declarationType', code: 'REQUIRED', message: '请选择申报类型（评审或初定）' });
  if (!(input.businessType in BUSINESS_TYPES))
    problems.push({ field: 'businessType', code: 'REQUIRED', message: '请选择业务类别（补办或换发）' });
  regionProblems(problems, input.regionCode);
  if (!input.declarationPointId)
    problems.push({ field: 'declarationPointId', code: 'REQUIRED', message: '请选择所属申报点' });
  else if (!isUuid(input.declarationPointId))
    problems.push({
      field: 'declarationPointId',
      code: 'INVALID_ID',
      message: '所属申报点不存在，请重新选择',
    });
  text(problems, 'reason', input.reason, '补办（换发）原因', true, MAX_REASON);
  fileIdProblems(problems, input.fileIds);
  return problems;
}

function regionProblems(problems: Problem[], regionCode: string) {
  if (!regionCode) problems.push({ field: 'regionCode', code: 'REQUIRED', message: '请选择所属行政区划' });
  else if (!REGION.test(regionCode))
    problems.push({ field: 'regionCode', code: 'INVALID_REGION', message: '所属行政区划不存在，请重新选择' });
}

function fileIdProblems(problems: Problem[], fileIds: readonly string[]) {
  fileIds.forEach((id, i) => {
    if (!isUuid(id))
      problems.push({ field: `fileIds.${i}`, code: 'INVALID_ID', message: '文件编号格式不正确，请重新上传' });
  });
  if (new Set(fileIds).size !== fileIds.length)
    problems.push({ field: 'fileIds', code: 'FILE_DUPLICATE', message: '同一个文件只能提交一次' });
}

export interface HistoricalInput {
  certificateNumber: string;
  holderName: string;
  idNumber: string;
  obtainedBy: string;
  titleName: string;
  seriesName?: string | null;
  specialtyName: string;
  levelName: string;
  obtainedOn: string;
  committeeName?: string | null;
  approvalDocumentNumber?: string | null;
  issuerName: string;
  issuedOn: string;
  workUnit?: string | null;
  regionCode: string;
  fileIds: readonly string[];
}

export interface HistoricalFacts {
  certificateNumber: string;
  holderName: string;
  holderIdNumberMasked: string;
  obtainedBy: DeclarationType;
  titleName: string;
  seriesName: string | null;
  specialtyName: string;
  levelName: string;
  obtainedOn: string;
  committeeName: string | null;
  approvalDocumentNumber: string | null;
  issuerName: string;
  issuedOn: string;
  workUnit: string | null;
  regionCode: string;
}

/**
 * The registration form "严格按照历史证书填写": every problem at once, and the facts to store
 * (the ID number masked: the full number is checked, never kept).
 */
export function checkHistoricalInput(
  input: HistoricalInput,
  today: string,
): { problems: Problem[]; facts: HistoricalFacts; idNumber: string | null } {
  const problems: Problem[] = [];
  const certificateNumber = normalisePrintedNumber(input.certificateNumber ?? '');
  const numberProblem = printedNumberProblem(certificateNumber);
  if (numberProblem) problems.push({ field: 'certificateNumber', ...numberProblem });
  const holderName = normaliseName(input.holderName ?? '');
  if (!holderName) problems.push({ field: 'holderName', code: 'REQUIRED', message: '请填写姓名' });
  else if ([...holderName].length > 50)
    problems.push({ field: 'holderName', code: 'TOO_LONG', message: '姓名不能超过50个字' });
  let masked = '';
  const id = validateResidentId(input.idNumber ?? '');
  if (!(input.idNumber ?? '').trim())
    problems.push({ field: 'idNumber', code: 'REQUIRED', message: '请填写身份证件号码' });
  else if (!id.ok) for (const p of id.problems) problems.push({ field: 'idNumber', ...p });
  else masked = maskIdNumber(id.normalised);
  if (!(input.obtainedBy in DECLARATION_TYPES))
    problems.push({ field: 'obtainedBy', code: 'REQUIRED', message: '请选择取得方式（评审或初定）' });
  const titleName = text(problems, 'titleName', input.titleName, '资格名称', true);
  const seriesName = text(problems, 'seriesName', input.seriesName, '系列', false);
  const specialtyName = text(problems, 'specialtyName', input.specialtyName, '专业', true);
  const levelName = (input.levelName ?? '').trim();
  if (!levelName) problems.push({ field: 'levelName', code: 'REQUIRED', message: '请选择级别' });
  else if (!(LEVEL_NAMES as readonly string[]).includes(levelName))
    problems.push({
      field: 'levelName',
      code: 'INVALID_LEVEL',
      message: `级别应为${LEVEL_NAMES.join('、')}之一`,
    });
  const obtained = dateProblem(input.obtainedOn ?? '', '取得资格时间', today);
  if (obtained) problems.push({ field: 'obtainedOn', ...obtained });
  const committeeName = text(problems, 'committeeName', input.committeeName, '评审委员会（认定机构）', false);
  const approvalDocumentNumber = text(
    problems,
    'approvalDocumentNumber',
    input.approvalDocumentNumber,
    '批准文号',
    false,
  );
  const issuerName = text(problems, 'issuerName', input.issuerName, '发证机关', true);
  const issued = dateProblem(input.issuedOn ?? '', '发证日期', today);
  if (issued) problems.push({ field: 'issuedOn', ...issued });
  if (!obtained && !issued && input.issuedOn < input.obtainedOn)
    problems.push({ field: 'issuedOn', code: 'DATE_ORDER', message: '发证日期不能早于取得资格时间' });
  const workUnit = text(problems, 'workUnit', input.workUnit, '工作单位', false);
  regionProblems(problems, input.regionCode);
  fileIdProblems(problems, input.fileIds);
  return {
    problems,
    facts: {
      certificateNumber,
      holderName,
      holderIdNumberMasked: masked,
      obtainedBy: input.obtainedBy as DeclarationType,
      titleName: titleName ?? '',
      seriesName,
      specialtyName: specialtyName ?? '',
      levelName,
      obtainedOn: input.obtainedOn,
      committeeName,
      approvalDocumentNumber,
      issuerName: issuerName ?? '',
      issuedOn: input.issuedOn,
      workUnit,
      regionCode: input.regionCode,
    },
    // Checked against the account's own (never stored: the registration keeps it masked).
    idNumber: id.ok ? id.normalised : null,
  };
}

/** 审核意见: required when refusing, at most MAX_OPINION characters. */
export function opinionProblems(approve: boolean, opinion: string | null | undefined): Problem[] {
  const text = (opinion ?? '').trim();
  if (!approve && !text)
    return [
      { field: 'opinion', code: 'OPINION_REQUIRED', message: '审核不通过时请填写审核意见，告诉申请人原因' },
    ];
  if ([...text].length > MAX_OPINION)
    return [{ field: 'opinion', code: 'OPINION_TOO_LONG', message: `审核意见不能超过${MAX_OPINION}个字` }];
  return [];
}

/** The reason recorded on the certificate a 补办/换发 replaces (作废原因). */
export const revocationReasonOf = (businessType: string, newNumber: string) =>
  `证书${BUSINESS_TYPES[businessType as BusinessType] ?? '补办'}，已换发新证书 ${newNumber}`;
