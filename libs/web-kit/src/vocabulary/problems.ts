// Problems in the UI language. Chinese shows the server's message exactly; other languages build
// the sentence from the stable parts the API answers beside it: the code, the field path (whose
// label and limits the vocabulary knows), the module or attachment slot and the params.
import { fieldAtPath, type Label } from '@zhicheng/vocabulary';
import type { Language } from '../i18n';
import { moduleName, slotName, type NamedModule, type NamedSlot } from './words';

type Params = Readonly<Record<string, string | number>>;

/** English sentences per code; {label} is the field, {module} the module or slot. */
const FIELD_EN: Readonly<Record<string, string>> = {
  REQUIRED: '{label} is required',
  TEXT_TOO_LONG: '{label} may have at most {maxLength} characters',
  DATE_INVALID: '{label} is not a valid date',
  DATE_IN_FUTURE: '{label} cannot be later than today',
  YEAR_IN_FUTURE: '{label} cannot be later than this year',
  DATE_ORDER: '{label} cannot be earlier than the start',
  OUT_OF_RANGE: '{label} is out of range',
  INVALID: '{label} is not valid',
  BIRTH_DATE_MISMATCH: 'The date of birth does not match the ID number',
  GENDER_MISMATCH: 'The gender does not match the ID number',
  PASSPORT_FORMAT: 'A passport number has 5 to 17 letters or digits',
  ID_FORMAT: 'A resident ID number has 18 characters: 17 digits, then a digit or X',
  ID_REGION: 'The ID number starts with no known region code',
  ID_BIRTH_DATE: 'The ID number holds no valid date of birth',
  ID_CHECK_DIGIT: 'The last character of the ID number does not match; please check it',
  MOBILE_FORMAT: 'A mobile number has 11 digits, starting with 1 and then 3 to 9',
  CREDIT_CODE_FORMAT: 'A unified social credit code has 18 letters or digits',
  CREDIT_CODE_FORBIDDEN_CHAR: 'The credit code has characters it cannot contain (I, O, Z, S, V)',
  CREDIT_CODE_CHECK_CHAR: 'The last character of the credit code does not match; please check it',
};
const FIELD_EN_DEFAULT = '{label} is not valid ({code})';

const REPORT_EN: Readonly<Record<string, string>> = {
  EXCEPTIONAL_NOT_ALLOWED: 'This channel does not accept exceptional declarations',
  MODULE_MISSING: '{module} is not filled in',
  TOO_MANY_ENTRIES: '{module}: {count} entries, at most {max} allowed',
  RECOMMENDERS_COUNT: '{module}: {count} entries, exactly {required} needed',
  ENTRY_FILES_MISSING: '{module}: {count} of {entries} entries have no proof files; please upload them',
  ENTRY_FILES_INCOMPLETE: '{module}: {count} of {entries} entries lack proof files; please upload them',
  ENTRY_FILES_TOO_MANY:
    '{module}: {count} of {entries} entries have more than {max} files; remove the extra ones',
  ATTACHMENT_MISSING: '{module} is not uploaded',
  ATTACHMENT_TOO_MANY: '{module}: {count} files uploaded, at most {max} allowed; remove the extra ones',
  FILE_FORMAT: '{module}: {count} file(s) in a wrong format; only {formats} files are accepted',
  FILE_TOO_LARGE: '{module}: {count} file(s) over {maxSizeKb} KB; please upload smaller ones',
  SERIES_NOT_COVERED: 'This notice does not accept the chosen series; choose another one',
  COMMITTEE_MISMATCH: 'The chosen committee does not accept this level or specialty',
};

function fill(template: string, values: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

function labelIn(language: Language, label: Label): string {
  return language === 'zh-CN' ? label.zh : label.en;
}

/** One field problem (`extensions.fields[]`) in the language: Chinese as the server said it. */
export function fieldProblemText(
  language: Language,
  problem: { field: string; code: string; message: string },
): string {
  if (language === 'zh-CN') return problem.message;
  // input.modules.education.0.school → education.0.school
  const path = problem.field.replace(/\[(\d+)\]/g, '.$1').replace(/^(input\.)?(modules\.)?/, '');
  const found = fieldAtPath(path);
  const field = found?.field;
  const label = field ? labelIn(language, field) : found ? labelIn(language, found.module) : 'This field';
  const entry = path.split('.').find((part) => /^\d+$/.test(part));
  const text = fill(FIELD_EN[problem.code] ?? FIELD_EN_DEFAULT, {
    label,
    code: problem.code,
    maxLength: field?.maxLength ?? '',
  });
  return found && entry !== undefined
    ? `${labelIn(language, found.module)}, entry ${Number(entry) + 1}: ${text}`
    : text;
}

/** One line of 数据验证信息 in the language. */
export function validationProblemText(
  language: Language,
  problem: {
    module: string;
    code: string;
    message: string;
    field?: string | null;
    params?: ReadonlyArray<{ name: string; value: string }> | null;
  },
  config?: { modules?: readonly NamedModule[]; attachments?: readonly NamedSlot[] } | null,
): string {
  if (language === 'zh-CN') return problem.message;
  const params: Record<string, string> = Object.fromEntries(
    (problem.params ?? []).map((p) => [p.name, p.value]),
  );
  const slotCode = problem.field?.startsWith('attachments.') ? problem.field.slice(12) : undefined;
  const slot = slotCode ? config?.attachments?.find((s) => s.code === slotCode) : undefined;
  const subject = slotCode
    ? slotName(language, slot ?? { code: slotCode, name: slotCode })
    : moduleName(language, problem.module, config?.modules);
  const template = REPORT_EN[problem.code];
  if (template) return fill(template, { ...params, module: subject });
  // A save-time rule re-run by the report: the field's own problem, in its module.
  if (problem.field) return fieldProblemText(language, { ...problem, field: problem.field });
  return `${subject}: not valid (${problem.code})`;
}
