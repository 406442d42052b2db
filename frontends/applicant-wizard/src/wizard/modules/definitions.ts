// What each list module's entries hold, as data: one generic editor (ListModule) shows them all.
// Field names are the GraphQL input's; labels come from i18n (fields.<dataKey>.<name>); choice
// values of Chinese vocabularies are stored as the words themselves (学历 "大学本科").
import { fieldOf } from '@zhicheng/vocabulary';
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

const LIST_MODULE_FIELDS: Partial<Record<ModuleKey, ListModuleDef>> = {
  RECOMMENDERS: {
    dataKey: 'recommenders',
    fields: [
      { name: 'name', kind: 'text', inTable: true },
      { name: 'idType', kind: 'enum', enumName: 'IdType', enumValues: ID_TYPES },
      { name: 'idNumber', kind: 'text', inTable: true },
      { name: 'workUnit', kind: 'text', inTable: true },
      { name: 'title', kind: 'text', inTable: true },
      { name: 'practisedSpecialty', kind: 'text' },
      { name: 'mobile', kind: 'text' },
      { name: 'reason', kind: 'textarea' },
    ],
  },
  EDUCATION: {
    dataKey: 'education',
    fields: [
      { name: 'school', kind: 'text', inTable: true },
      { name: 'major', kind: 'text', inTable: true },
      { name: 'educationLevel', kind: 'choice', choices: EDUCATION_LEVELS },
      { name: 'degree', kind: 'choice', choices: DEGREES },
      { name: 'studyMode', kind: 'choice', choices: STUDY_MODES },
      { name: 'startDate', kind: 'date' },
      { name: 'endDate', kind: 'date', inTable: true },
      { name: 'diplomaNumber', kind: 'text' },
      { name: 'degreeNumber', kind: 'text' },
    ],
  },
  CONTINUING_EDUCATION: {
    dataKey: 'continuingEducation',
    fields: [
      { name: 'studyMode', kind: 'choice', choices: TRAINING_MODES, inTable: true },
      { name: 'content', kind: 'text', inTable: true },
      { name: 'organiser', kind: 'text', inTable: true },
      { name: 'startDate', kind: 'date', inTable: true },
      { name: 'endDate', kind: 'date' },
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
        inTable: true,
      },
      { name: 'title', kind: 'text', inTable: true },
      { name: 'publication', kind: 'text', inTable: true },
      { name: 'publishedDate', kind: 'date', inTable: true },
      { name: 'authorRole', kind: 'choice', choices: AUTHOR_ROLES },
      { name: 'serialNumber', kind: 'text' },
    ],
  },
  WORK_EXPERIENCE: {
    dataKey: 'workExperience',
    fields: [
      { name: 'unit', kind: 'text', inTable: true },
      { name: 'post', kind: 'text', inTable: true },
      { name: 'startDate', kind: 'date', inTable: true },
      { name: 'endDate', kind: 'date', inTable: true, openEnded: true },
      { name: 'duties', kind: 'textarea' },
    ],
  },
  PART_TIME_POSTS: {
    dataKey: 'partTimePosts',
    fields: [
      { name: 'organisation', kind: 'text', inTable: true },
      { name: 'supervisingDepartment', kind: 'text', inTable: true },
      { name: 'post', kind: 'text', inTable: true },
      { name: 'startDate', kind: 'date', inTable: true },
      { name: 'endDate', kind: 'date', openEnded: true },
    ],
  },
  ENTERPRISE_RESULTS: {
    dataKey: 'enterpriseResults',
    fields: [
      { name: 'year', kind: 'year', inTable: true },
      { name: 'enterpriseName', kind: 'text', inTable: true },
      { name: 'enterpriseScale', kind: 'choice', choices: ENTERPRISE_SCALES, inTable: true },
      { name: 'position', kind: 'text' },
      { name: 'specialisedAndNew', kind: 'bool' },
      { name: 'description', kind: 'textarea' },
    ],
  },
  HONOURS: {
    dataKey: 'honours',
    fields: [
      { name: 'name', kind: 'text', inTable: true },
      { name: 'grantedBy', kind: 'text', inTable: true },
      { name: 'grantedDate', kind: 'date', inTable: true },
      { name: 'rank', kind: 'choice', choices: HONOUR_RANKS, inTable: true },
    ],
  },
  AWARDS: {
    dataKey: 'awards',
    fields: [
      { name: 'name', kind: 'text', inTable: true },
      { name: 'grade', kind: 'choice', choices: AWARD_GRADES, inTable: true },
      { name: 'personalRank', kind: 'int' },
      { name: 'grantedBy', kind: 'text', inTable: true },
      { name: 'grantedDate', kind: 'date', inTable: true },
    ],
  },
  ANNUAL_ASSESSMENT: {
    dataKey: 'annualAssessments',
    fields: [
      { name: 'year', kind: 'year', inTable: true },
      {
        name: 'result',
        kind: 'enum',
        enumName: 'AssessmentResult',
        enumValues: ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'],
        inTable: true,
      },
    ],
  },
  OTHER_MATERIALS: {
    dataKey: 'otherMaterials',
    fields: [{ name: 'name', kind: 'text', inTable: true }],
  },
};

/**
 * Each list module's entry form: the fields above with whether each is required and its length
 * limit from the one vocabulary (@zhicheng/vocabulary), which the server checks with too.
 */
export const LIST_MODULES: Partial<Record<ModuleKey, ListModuleDef>> = Object.fromEntries(
  Object.entries(LIST_MODULE_FIELDS).map(([key, def]) => [
    key,
    {
      ...def,
      fields: def!.fields.map((field) => {
        const known = fieldOf(key as ModuleKey, field.name);
        if (!known) throw new Error(`${key}.${field.name} is not in the vocabulary`);
        return {
          ...field,
          required: known.required,
          ...(known.maxLength !== undefined ? { maxLength: known.maxLength } : {}),
        };
      }),
    },
  ]),
);

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
