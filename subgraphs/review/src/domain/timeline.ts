// The progress timeline (流程推送 / 进度跟踪): one entry per step anyone took on a declaration —
// who, at which level and organisation, what they decided, their opinion and when. The same
// entries, numbered and hash-chained, are the audit trail (audit.ts).
import { TIMELINE_STEP, zhWords } from '@zhicheng/vocabulary';
import type { ApplicantStatus } from './status';
import type { ModuleKey, ReturnTarget, ReviewLevel } from './vocabulary';

export type TimelineStep =
  | 'SUBMIT'
  | 'RESUBMIT'
  | 'PASS'
  | 'FORWARD'
  | 'RETURN'
  | 'TERMINATE'
  | 'COMMITTEE_PASS'
  | 'COMMITTEE_FAIL'
  | 'COMMITTEE_DEFER';

export const TIMELINE_STEP_WORDS: Readonly<Record<TimelineStep, string>> = zhWords(TIMELINE_STEP);

/** The steps that are a reviewer's decision (and so carry an opinion). */
export type DecisionStep = Exclude<TimelineStep, 'SUBMIT' | 'RESUBMIT' | 'FORWARD'>;

export interface TimelineEntry {
  declarationId: string;
  /** The review task the step decided, or (submit, resubmit) opened. */
  taskSequence: number;
  /** ISO 8601. */
  at: string;
  step: TimelineStep;
  stepText: string;
  /** APPLICANT for the applicant's own steps. */
  level: ReviewLevel | 'APPLICANT';
  levelText: string;
  /** The reviewing organisation; null for the applicant's steps. */
  organisationId: string | null;
  organisationName: string | null;
  /** The account that acted (reviewer, unit agent, committee secretary or the applicant). */
  actorId: string;
  /** The reviewer's (or applicant's) name as shown in 进度跟踪. */
  actorName: string;
  opinion: string | null;
  /** RETURN: the modules flagged for the applicant to change. */
  modules: ModuleKey[] | null;
  /** RETURN: to whom. */
  returnTarget: ReturnTarget | null;
  /** FORWARD: the 批量送审 batch. */
  batchId: string | null;
  /** The applicant's status once this step happened. */
  statusAfter: ApplicantStatus;
  statusText: string;
}
