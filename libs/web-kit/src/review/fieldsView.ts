// How a module's stored values read on a reviewer's page: the applicant's labels in the
// applicant's order (DECLARATION_WORDS), catalogue codes replaced by the names the API answers
// next to them, enum codes by their words, yes/no for booleans, a dash for nothing.
import type { DeclarationWords } from '../declaration/words';

type Row = Record<string, unknown>;

/** Code field → the name field the API answers beside it. */
export const NAME_FIELDS: Readonly<Record<string, string>> = {
  seriesCode: 'seriesName',
  specialtyCode: 'specialtyName',
  scopeCode: 'scopeName',
  titleCode: 'titleName',
  levelCode: 'levelName',
  practisedSpecialtyCode: 'practisedSpecialtyName',
  previousCategoryCode: 'previousCategoryName',
  standardCode: 'standardName',
};

/** Field → the enum whose words it takes; `module.field` where a name means different things. */
const ENUM_FIELDS: Readonly<Record<string, keyof DeclarationWords['enums']>> = {
  gender: 'Gender',
  idType: 'IdType',
  exceptionalKind: 'ExceptionalKind',
  serviceType: 'TalentServiceType',
  'talentBasicInfo.source': 'TalentSource',
  'education.source': 'EducationSource',
  'papers.kind': 'PaperKind',
  'annualAssessments.result': 'AssessmentResult',
};

export interface FieldView {
  field: string;
  label: string;
  text: string;
}

/** The fields of a module (by its data key, e.g. basicInfo) as label and text, in form order. */
export function fieldsOf(words: DeclarationWords, moduleField: string, row: Row): FieldView[] {
  const labels = (words.fields as Record<string, unknown>)[moduleField];
  if (!labels || typeof labels !== 'object') return [];
  return Object.entries(labels as Record<string, string>).map(([field, label]) => ({
    field,
    label,
    text: valueText(words, moduleField, field, row),
  }));
}

export function valueText(words: DeclarationWords, moduleField: string, field: string, row: Row): string {
  const value = row[field];
  if (value === null || value === undefined || value === '') return '—';
  const name = NAME_FIELDS[field] ? row[NAME_FIELDS[field]] : undefined;
  if (typeof name === 'string' && name) return name;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const enumName = ENUM_FIELDS[`${moduleField}.${field}`] ?? ENUM_FIELDS[field];
  if (enumName) {
    const enumWords = words.enums[enumName] as Record<string, string>;
    return enumWords[String(value)] ?? String(value);
  }
  return String(value);
}
