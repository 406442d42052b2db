// The words of review: route levels, who may act at each, the declaration's modules a return can
// flag, decisions and committee results. The words come from the one vocabulary
// (@zhicheng/vocabulary), which the UI reads too.
import type { ReviewLevel, TalentLevelCode } from '@zhicheng/events';
import {
  COMMITTEE_RESULT,
  MODULE_KEYS as VOCABULARY_MODULE_KEYS,
  MODULES,
  RETURN_TARGET,
  REVIEW_DECISION,
  REVIEW_LEVEL,
  zhWords,
  type ModuleKey as VocabularyModuleKey,
} from '@zhicheng/vocabulary';
import type { Role } from '@zhicheng/server-kit';

export type { ReviewLevel, RouteLevel, TalentLevelCode } from '@zhicheng/events';

/** Route order ("按人事管理权限逐级审核"): a route lists a subset of these, lowest first. */
export const REVIEW_LEVELS: readonly ReviewLevel[] = ['UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'];

/** The seeds' names for the levels (a route step's own name, e.g. 吉林省教育厅, is shown when known). */
export const REVIEW_LEVEL_WORDS: Readonly<Record<ReviewLevel, string>> = zhWords(REVIEW_LEVEL);

/** The roles that may act for an organisation at each level (identity issues them in the token). */
export const LEVEL_ROLES: Readonly<Record<ReviewLevel, readonly Role[]>> = {
  UNIT: ['LEGAL_PERSON', 'UNIT_AGENT'],
  DEPARTMENT: ['DEPARTMENT_REVIEWER'],
  BUREAU: ['BUREAU_REVIEWER'],
  COMMITTEE: ['COMMITTEE_SECRETARY'],
};

/** The declaration's modules, from the one vocabulary (DeclarationReturned carries them). */
export type ModuleKey = VocabularyModuleKey;
export const ModuleKey = Object.fromEntries(VOCABULARY_MODULE_KEYS.map((key) => [key, key])) as {
  readonly [K in ModuleKey]: K;
};
export const MODULE_KEYS: readonly ModuleKey[] = VOCABULARY_MODULE_KEYS;

/** The declaration form's default module names (a notice may rename; these are for messages). */
export const MODULE_WORDS: Readonly<Record<ModuleKey, string>> = Object.fromEntries(
  MODULE_KEYS.map((key) => [key, MODULES[key].zh]),
) as Record<ModuleKey, string>;

/** A reviewer's decision on a task below the committee (审核结果). */
export type ReviewDecision = 'PASS' | 'RETURN' | 'TERMINATE';
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['PASS', 'RETURN', 'TERMINATE'];
export const REVIEW_DECISION_WORDS: Readonly<Record<ReviewDecision, string>> = zhWords(REVIEW_DECISION);

/** The committee's three outcomes (评审结果). */
export type CommitteeResult = 'PASS' | 'FAIL' | 'DEFER';
export const COMMITTEE_RESULTS: readonly CommitteeResult[] = ['PASS', 'FAIL', 'DEFER'];
export const COMMITTEE_RESULT_WORDS: Readonly<Record<CommitteeResult, string>> = zhWords(COMMITTEE_RESULT);

/**
 * 人才分类定级's classes (人才类别), top class first, as the declaration subgraph names them
 * (its TALENT_LEVELS); repeated here as ModuleKey is: the deciding body records the class awarded.
 */
export const TALENT_LEVEL_WORDS: Readonly<Record<TalentLevelCode, string>> = {
  A: 'A类',
  B: 'B类',
  C: 'C类',
  D: 'D类',
  E: 'E类',
};
export const TALENT_LEVEL_CODES = Object.keys(TALENT_LEVEL_WORDS) as TalentLevelCode[];

/** Where a return sends the declaration: to the applicant, or to a lower level on the route. */
export type ReturnTarget = 'APPLICANT' | ReviewLevel;
export const RETURN_TARGET_WORDS: Readonly<Record<ReturnTarget, string>> = zhWords(RETURN_TARGET);

/** What the last route level's pass means when the route does not end at a committee. */
export type RouteOutcome = 'FINALLY_APPROVED' | 'MATERIALS_APPROVED';

/** Longest opinion a reviewer may write (characters, not bytes). */
export const OPINION_MAX_LENGTH = 500;

export function levelIndex(level: ReviewLevel): number {
  return REVIEW_LEVELS.indexOf(level);
}

export function characterCount(text: string): number {
  return [...text].length;
}
