// Default settings of every module, taken from the seeds (吉林 web and app manuals, 江苏 manual).
// A notice copies these into its FormConfig and a bureau may change them there.
import { MODULES } from '@zhicheng/vocabulary';
import { deepFreeze } from '../freeze';
import type { FileFormat, FileRule, ModuleConfig, ModuleKey } from '../types';

/** 论文、证书扫描件 are PDFs or photos. */
export const PROOF_FORMATS: readonly FileFormat[] = ['pdf', 'jpg', 'png'];
export const PROOF_MAX_SIZE_KB = 5000;

const proofFiles = (min: number, max: number): FileRule => ({
  min,
  max,
  formats: [...PROOF_FORMATS],
  maxSizeKb: PROOF_MAX_SIZE_KB,
});

/** 创新创业成果（突出业绩）: 500 characters on the web; the app variant allows 300. */
export const INNOVATION_TEXT_LIMIT = 500;
export const INNOVATION_TEXT_LIMIT_APP = 300;
/** 工作总结 is long text, but not unbounded (a pasted document, not a book). */
export const WORK_SUMMARY_MAX_CHARS = 20000;

/**
 * The module's defaults with `required: false`; channels decide what is required.
 * Names are the vocabulary's (@zhicheng/vocabulary), the ones the seeds' messages use (教育经历已填写1条… /
 * 单位公示表未上传).
 */
export const MODULE_DEFAULTS: Readonly<Record<ModuleKey, ModuleConfig>> = deepFreeze({
  BASIC_INFO: { key: 'BASIC_INFO', name: MODULES.BASIC_INFO.zh, required: false },
  TALENT_BASIC_INFO: { key: 'TALENT_BASIC_INFO', name: MODULES.TALENT_BASIC_INFO.zh, required: false },
  // 专家破格推荐证明: one zip or pdf of at most 5000 KB per expert.
  RECOMMENDERS: {
    key: 'RECOMMENDERS',
    name: MODULES.RECOMMENDERS.zh,
    required: false,
    maxEntries: 2,
    filesPerEntry: { min: 1, max: 1, formats: ['zip', 'pdf'], maxSizeKb: 5000 },
  },
  EDUCATION: {
    key: 'EDUCATION',
    name: MODULES.EDUCATION.zh,
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  CONTINUING_EDUCATION: {
    key: 'CONTINUING_EDUCATION',
    name: MODULES.CONTINUING_EDUCATION.zh,
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  PAPERS: {
    key: 'PAPERS',
    name: MODULES.PAPERS.zh,
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 20),
  },
  WORK_EXPERIENCE: {
    key: 'WORK_EXPERIENCE',
    name: MODULES.WORK_EXPERIENCE.zh,
    required: false,
    maxEntries: 3,
  },
  PART_TIME_POSTS: {
    key: 'PART_TIME_POSTS',
    name: MODULES.PART_TIME_POSTS.zh,
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  // The seeds set no entry limit for 企业人才业绩 (one per year of the last three is natural).
  ENTERPRISE_RESULTS: {
    key: 'ENTERPRISE_RESULTS',
    name: MODULES.ENTERPRISE_RESULTS.zh,
    required: false,
    filesPerEntry: proofFiles(1, 3),
  },
  INNOVATION: { key: 'INNOVATION', name: MODULES.INNOVATION.zh, required: false },
  HONOURS: {
    key: 'HONOURS',
    name: MODULES.HONOURS.zh,
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  AWARDS: {
    key: 'AWARDS',
    name: MODULES.AWARDS.zh,
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  ANNUAL_ASSESSMENT: {
    key: 'ANNUAL_ASSESSMENT',
    name: MODULES.ANNUAL_ASSESSMENT.zh,
    required: false,
    maxEntries: 5,
  },
  WORK_SUMMARY: { key: 'WORK_SUMMARY', name: MODULES.WORK_SUMMARY.zh, required: false },
  // The upload itself is the attachment slot UNIT_PUBLICITY (see attachments.ts).
  UNIT_PUBLICITY: { key: 'UNIT_PUBLICITY', name: MODULES.UNIT_PUBLICITY.zh, required: false },
  OTHER_MATERIALS: {
    key: 'OTHER_MATERIALS',
    name: MODULES.OTHER_MATERIALS.zh,
    required: false,
    maxEntries: 10,
    filesPerEntry: proofFiles(1, 5),
  },
});

/** A module's default settings, required or not, with a fresh copy of its file rule. */
export function moduleConfig(
  key: ModuleKey,
  required: boolean,
  overrides: Partial<ModuleConfig> = {},
): ModuleConfig {
  const base = MODULE_DEFAULTS[key];
  return {
    ...base,
    ...(base.filesPerEntry
      ? { filesPerEntry: { ...base.filesPerEntry, formats: [...base.filesPerEntry.formats] } }
      : {}),
    ...overrides,
    required,
  };
}
