// The fields of every module as data: label (used in every message), kind, whether required and
// its limits — read from the one vocabulary (@zhicheng/vocabulary) that the wizard, the review
// pages and the business forms read too. Checks that relate fields (conditionals, date order,
// catalogue) live in validate-input.ts; this table only says what one field alone must be.
import { ENUM_WORDS, MODULES, type FieldDefinition } from '@zhicheng/vocabulary';
import { LIST_MODULE_KEYS, type BasicInfo, type ModuleKey, type TalentBasicInfo } from './types';

export type FieldSpec =
  | { kind: 'text'; label: string; required: boolean; maxLength: number }
  | { kind: 'date'; label: string; required: boolean }
  | { kind: 'year'; label: string; required: boolean }
  | { kind: 'integer'; label: string; required: boolean; min: number; max: number }
  | { kind: 'boolean'; label: string; required: boolean }
  | { kind: 'choice'; label: string; required: boolean; values: readonly string[] };

/** A vocabulary field as a check; catalogue codes are checked as a cascade, not here. */
function specOf(field: FieldDefinition): FieldSpec | undefined {
  const base = { label: field.zh, required: field.required };
  switch (field.kind) {
    case 'text':
      return { ...base, kind: 'text', maxLength: field.maxLength ?? 100 };
    case 'integer':
      return { ...base, kind: 'integer', min: field.min ?? 0, max: field.max ?? Number.MAX_SAFE_INTEGER };
    case 'choice':
      return { ...base, kind: 'choice', values: Object.keys(ENUM_WORDS[field.enumName!]) };
    case 'code':
      return undefined;
    default:
      return { ...base, kind: field.kind };
  }
}

function specsOf(key: ModuleKey): Readonly<Record<string, FieldSpec>> {
  const specs: Record<string, FieldSpec> = {};
  for (const field of MODULES[key].fields) {
    const spec = specOf(field);
    if (spec) specs[field.name] = spec;
  }
  return specs;
}

/** Fields of BASIC_INFO. */
export const BASIC_INFO_FIELDS: Readonly<Partial<Record<keyof BasicInfo, FieldSpec>>> = specsOf('BASIC_INFO');

export const TALENT_BASIC_INFO_FIELDS: Readonly<Partial<Record<keyof TalentBasicInfo, FieldSpec>>> =
  specsOf('TALENT_BASIC_INFO');

/** Fields of every list module's entries (the entry `id` is checked separately). */
export const ENTRY_FIELDS: Readonly<Partial<Record<ModuleKey, Readonly<Record<string, FieldSpec>>>>> =
  Object.fromEntries(LIST_MODULE_KEYS.map((key) => [key, specsOf(key)]));

/** [start, end] date fields whose end may not come before the start. */
export const DATE_RANGES: Readonly<Partial<Record<ModuleKey, ReadonlyArray<[start: string, end: string]>>>> =
  {
    EDUCATION: [['startDate', 'endDate']],
    CONTINUING_EDUCATION: [['startDate', 'endDate']],
    WORK_EXPERIENCE: [['startDate', 'endDate']],
    PART_TIME_POSTS: [['startDate', 'endDate']],
  };
