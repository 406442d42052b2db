// Default settings of every module, taken from the seeds (吉林 web and app manuals, 江苏 manual).
// A notice copies these into its FormConfig and a bureau may change them there.
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
 * Names are the ones the seeds' messages use (教育经历已填写1条… / 单位公示表未上传).
 */
export const MODULE_DEFAULTS: Readonly<Record<ModuleKey, ModuleConfig>> = deepFreeze({
  BASIC_INFO: { key: 'BASIC_INFO', name: '基本信息', required: false },
  TALENT_BASIC_INFO: { key: 'TALENT_BASIC_INFO', name: '基本信息', required: false },
  // 专家破格推荐证明: one zip or pdf of at most 5000 KB per expert.
  RECOMMENDERS: {
    key: 'RECOMMENDERS',
    name: '破格推荐专家',
    required: false,
    maxEntries: 2,
    filesPerEntry: { min: 1, max: 1, formats: ['zip', 'pdf'], maxSizeKb: 5000 },
  },
  EDUCATION: {
    key: 'EDUCATION',
    name: '教育经历',
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  CONTINUING_EDUCATION: {
    key: 'CONTINUING_EDUCATION',
    name: '继续教育经历',
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  PAPERS: {
    key: 'PAPERS',
    name: '论文著作',
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 20),
  },
  WORK_EXPERIENCE: { key: 'WORK_EXPERIENCE', name: '工作经历', required: false, maxEntries: 3 },
  PART_TIME_POSTS: {
    key: 'PART_TIME_POSTS',
    name: '专业兼职',
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  // The seeds set no entry limit for 企业人才业绩 (one per year of the last three is natural).
  ENTERPRISE_RESULTS: {
    key: 'ENTERPRISE_RESULTS',
    name: '企业人才业绩',
    required: false,
    filesPerEntry: proofFiles(1, 3),
  },
  INNOVATION: { key: 'INNOVATION', name: '创新创业成果（突出业绩）', required: false },
  HONOURS: {
    key: 'HONOURS',
    name: '人才荣誉表彰',
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  AWARDS: {
    key: 'AWARDS',
    name: '专业获奖',
    required: false,
    maxEntries: 3,
    filesPerEntry: proofFiles(1, 3),
  },
  ANNUAL_ASSESSMENT: { key: 'ANNUAL_ASSESSMENT', name: '年度考核', required: false, maxEntries: 5 },
  WORK_SUMMARY: { key: 'WORK_SUMMARY', name: '工作总结', required: false },
  // The upload itself is the attachment slot UNIT_PUBLICITY (see attachments.ts).
  UNIT_PUBLICITY: { key: 'UNIT_PUBLICITY', name: '单位公示表', required: false },
  OTHER_MATERIALS: {
    key: 'OTHER_MATERIALS',
    name: '其他材料',
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
