// What each list module's entries hold, as data: one generic editor (ListModule) shows them all.
// Field names are the GraphQL input's; labels come from i18n (fields.<dataKey>.<name>); choice
// values of Chinese vocabularies are stored as the words themselves (学历 "大学本科").
import type { DeclarationModulesInput, ModuleKey } from '../../gql/graphql';
import {
  AUTHOR_ROLES,
  AWARD_GRADES,
  DEGREES,
  EDUCATION_LEVELS,
  ENTERPRISE_SCALES,
  HONOUR_RANKS,
  STUDY_MODES,
  TRAINING_MODES,
} from './vocabulary';

export type FieldKind = 'text' | 'textarea' | 'date' | 'int' | 'year' | 'choice' | 'enum' | 'bool';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** choice: the words to pick from. */
  choices?: readonly string[];
  /** enum: the GraphQL enum's name (labels at enums.<name>.<value>) and its values. */
  enumName?: string;
  enumValues?: readonly string[];
  maxLength?: number;
  /** Shown as a column of the module's table. */
  inTable?: boolean;
  /** endDate: empty means 至今. */
  openEnded?: boolean;
}

export type ListDataKey = Exclude<
  keyof DeclarationModulesInput,
  'basicInfo' | 'talentBasicInfo' | 'innovation' | 'workSummary'
>;

export interface ListModuleDef {
  dataKey: ListDataKey;
  fields: FieldDef[];
}

const ID_TYPES = ['RESIDENT_ID', 'PASSPORT'] as const;

export const LIST_MODULES: Partial<Record<ModuleKey, ListModuleDef>> = {
  RECOMMENDERS: {
    dataKey: 'recommenders',
    fields: [
      { name: 'name', kind: 'text', required: true, inTable: true, maxLength: 50 },
      { name: 'idType', kind: 'enum', enumName: 'IdType', enumValues: ID_TYPES, required: true },
      { name: 'idNumber', kind: 'text', required: true, inTable: true, maxLength: 18 },
      { name: 'workUnit', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'title', kind: 'text', required: true, inTable: true, maxLength: 50 },
      { name: 'practisedSpecialty', kind: 'text', required: true, maxLength: 50 },
      { name: 'mobile', kind: 'text', maxLength: 11 },
      { name: 'reason', kind: 'textarea', required: true, maxLength: 500 },
    ],
  },
  EDUCATION: {
    dataKey: 'education',
    fields: [
      { name: 'school', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'major', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'educationLevel', kind: 'choice', choices: EDUCATION_LEVELS, required: true },
      { name: 'degree', kind: 'choice', choices: DEGREES },
      { name: 'studyMode', kind: 'choice', choices: STUDY_MODES, required: true },
      { name: 'startDate', kind: 'date', required: true },
      { name: 'endDate', kind: 'date', required: true, inTable: true },
      { name: 'diplomaNumber', kind: 'text', maxLength: 50 },
      { name: 'degreeNumber', kind: 'text', maxLength: 50 },
    ],
  },
  CONTINUING_EDUCATION: {
    dataKey: 'continuingEducation',
    fields: [
      { name: 'studyMode', kind: 'choice', choices: TRAINING_MODES, required: true, inTable: true },
      { name: 'content', kind: 'text', required: true, inTable: true, maxLength: 200 },
      { name: 'organiser', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'startDate', kind: 'date', required: true, inTable: true },
      { name: 'endDate', kind: 'date', required: true },
      { name: 'hours', kind: 'int' },
    ],
  },
  PAPERS: {
    dataKey: 'papers',
    fields: [
      {
        name: 'kind',
        kind: 'enum',
        enumName: 'PaperKind',
        enumValues: ['PAPER', 'BOOK'],
        required: true,
        inTable: true,
      },
      { name: 'title', kind: 'text', required: true, inTable: true, maxLength: 200 },
      { name: 'publication', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'publishedDate', kind: 'date', required: true, inTable: true },
      { name: 'authorRole', kind: 'choice', choices: AUTHOR_ROLES, required: true },
      { name: 'serialNumber', kind: 'text', maxLength: 50 },
    ],
  },
  WORK_EXPERIENCE: {
    dataKey: 'workExperience',
    fields: [
      { name: 'unit', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'post', kind: 'text', required: true, inTable: true, maxLength: 50 },
      { name: 'startDate', kind: 'date', required: true, inTable: true },
      { name: 'endDate', kind: 'date', inTable: true, openEnded: true },
      { name: 'duties', kind: 'textarea', maxLength: 500 },
    ],
  },
  PART_TIME_POSTS: {
    dataKey: 'partTimePosts',
    fields: [
      { name: 'organisation', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'supervisingDepartment', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'post', kind: 'text', required: true, inTable: true, maxLength: 50 },
      { name: 'startDate', kind: 'date', required: true, inTable: true },
      { name: 'endDate', kind: 'date', openEnded: true },
    ],
  },
  ENTERPRISE_RESULTS: {
    dataKey: 'enterpriseResults',
    fields: [
      { name: 'year', kind: 'year', required: true, inTable: true },
      { name: 'enterpriseName', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'enterpriseScale', kind: 'choice', choices: ENTERPRISE_SCALES, required: true, inTable: true },
      { name: 'position', kind: 'text', required: true, maxLength: 50 },
      { name: 'specialisedAndNew', kind: 'bool', required: true },
      { name: 'description', kind: 'textarea', required: true, maxLength: 500 },
    ],
  },
  HONOURS: {
    dataKey: 'honours',
    fields: [
      { name: 'name', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'grantedBy', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'grantedDate', kind: 'date', required: true, inTable: true },
      { name: 'rank', kind: 'choice', choices: HONOUR_RANKS, required: true, inTable: true },
    ],
  },
  AWARDS: {
    dataKey: 'awards',
    fields: [
      { name: 'name', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'grade', kind: 'choice', choices: AWARD_GRADES, required: true, inTable: true },
      { name: 'personalRank', kind: 'int', required: true },
      { name: 'grantedBy', kind: 'text', required: true, inTable: true, maxLength: 100 },
      { name: 'grantedDate', kind: 'date', required: true, inTable: true },
    ],
  },
  ANNUAL_ASSESSMENT: {
    dataKey: 'annualAssessments',
    fields: [
      { name: 'year', kind: 'year', required: true, inTable: true },
      {
        name: 'result',
        kind: 'enum',
        enumName: 'AssessmentResult',
        enumValues: ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'],
        required: true,
        inTable: true,
      },
    ],
  },
  OTHER_MATERIALS: {
    dataKey: 'otherMaterials',
    fields: [{ name: 'name', kind: 'text', required: true, inTable: true, maxLength: 100 }],
  },
};

type Entry = Record<string, unknown> & { id: string };

/** Form values (strings, numbers, booleans, '' for nothing) → an input entry with nulls for nothing. */
export function toEntryInput(def: ListModuleDef, id: string, values: Record<string, unknown>): Entry {
  const entry: Entry = { id };
  for (const field of def.fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') entry[field.name] = null;
    else if (field.kind === 'int' || field.kind === 'year') entry[field.name] = Number(value);
    else if (typeof value === 'string') entry[field.name] = value.trim() || null;
    else entry[field.name] = value;
  }
  return entry;
}

/**
 * An output entry (with __typename) → the input shape (only the definition's fields and id). An
 * education record's `source` is never sent: only the server marks a record as from a registry.
 */
export function entryToInput(def: ListModuleDef, entry: Record<string, unknown> & { id: string }): Entry {
  const input: Entry = { id: entry.id };
  for (const field of def.fields) input[field.name] = entry[field.name] ?? null;
  return input;
}
