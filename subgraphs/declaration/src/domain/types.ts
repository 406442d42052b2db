// The declaration's vocabulary as plain data types: what a notice configures (FormConfig), what an
// applicant fills in (ModuleData), which files are attached (AttachmentFact) and what the rules
// answer (FieldProblem at save time, ValidationProblem in the 数据验证信息 list).
// No ORM or GraphQL here: the service layer maps its entities and inputs onto these shapes.

import {
  CHANNEL_GROUP,
  MODULE_KEYS as VOCABULARY_MODULE_KEYS,
  zhWords,
  type ModuleKey as VocabularyModuleKey,
} from '@zhicheng/vocabulary';
// A type-only import: erased at build time, so the domain stays free of GraphQL at run time.
export type { FieldProblem } from '@zhicheng/server-kit';

/** Calendar date `YYYY-MM-DD` (China local date; a birth date has no time zone). */
export type IsoDate = string;

/** The modules a notice can put into the wizard's 02 信息填报 step (the vocabulary's, in its order). */
export type ModuleKey = VocabularyModuleKey;
export const ModuleKey = Object.fromEntries(VOCABULARY_MODULE_KEYS.map((key) => [key, key])) as {
  readonly [K in ModuleKey]: K;
};
export const MODULE_KEYS: readonly ModuleKey[] = VOCABULARY_MODULE_KEYS;

/** File types the server recognises by magic bytes (never by the file name). */
export const FileFormat = { pdf: 'pdf', jpg: 'jpg', png: 'png', zip: 'zip' } as const;
export type FileFormat = (typeof FileFormat)[keyof typeof FileFormat];
export const FILE_FORMATS: readonly FileFormat[] = Object.values(FileFormat);

/** 申报类别: 正常 or 破格. Chosen when the declaration starts, kept on the declaration. */
export const DeclarationCategory = { NORMAL: 'NORMAL', EXCEPTIONAL: 'EXCEPTIONAL' } as const;
export type DeclarationCategory = (typeof DeclarationCategory)[keyof typeof DeclarationCategory];
export const DECLARATION_CATEGORY_WORDS: Readonly<Record<DeclarationCategory, string>> = {
  NORMAL: '正常',
  EXCEPTIONAL: '破格',
};

/** 破格类别. Only 两名专家推荐破格 brings the recommenders module into play. */
export const ExceptionalKind = {
  EDUCATION: 'EDUCATION',
  SENIORITY: 'SENIORITY',
  TWO_EXPERTS: 'TWO_EXPERTS',
} as const;
export type ExceptionalKind = (typeof ExceptionalKind)[keyof typeof ExceptionalKind];
export const EXCEPTIONAL_KIND_WORDS: Readonly<Record<ExceptionalKind, string>> = {
  EDUCATION: '学历破格',
  SENIORITY: '资历破格',
  TWO_EXPERTS: '两名专家推荐破格',
};

// ---------------------------------------------------------------------------------------------
// Form configuration (part of a notice; a bureau edits it without a release)
// ---------------------------------------------------------------------------------------------

export interface FileRule {
  /** At least this many files per entry (0: files optional). */
  min: number;
  max: number;
  formats: FileFormat[];
  maxSizeKb: number;
}

export interface ModuleConfig {
  key: ModuleKey;
  /** Shown in the wizard and used in every message about the module (e.g. 教育经历). */
  name: string;
  /** The name in the English UI; absent: the vocabulary's English for the module. */
  nameEn?: string;
  /** A required module must have data (or, for UNIT_PUBLICITY, its upload) before submit. */
  required: boolean;
  /** For list modules: at most this many entries (the seeds' 最多填写三条). */
  maxEntries?: number;
  /** For list modules whose entries carry proof files; absent means entries have no files. */
  filesPerEntry?: FileRule;
}

export interface AttachmentSlotConfig {
  /** Stable code, e.g. ID_CARD; attachments name their slot by it. */
  code: string;
  name: string;
  /** The name in the English UI; absent: the vocabulary's English for the code, if it has one. */
  nameEn?: string;
  formats: FileFormat[];
  maxSizeKb: number;
  maxCount: number;
  required: boolean;
  /**
   * The module the upload is shown in instead of the 附件材料信息 list (the photo in basic info,
   * the publicity form in 单位公示表); problems are reported under that module.
   */
  module?: ModuleKey;
}

export interface FormConfig {
  modules: ModuleConfig[];
  attachments: AttachmentSlotConfig[];
  /** 创新创业成果（突出业绩） at most this many characters (500 on the web, 300 in the app). */
  innovationTextLimit: number;
  /**
   * Jiangsu's 学历学位信息: each entry needs a diploma or a degree number, each number needs its
   * file, and an entry fetched from the degree registry needs no file.
   */
  educationCertificateNumbers?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Module data (what the applicant fills in). Every list entry has a client-generated uuid `id`,
// which attachments of that entry refer to.
// ---------------------------------------------------------------------------------------------

export const Gender = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];
export const GENDER_WORDS: Readonly<Record<Gender, string>> = { MALE: '男', FEMALE: '女' };

export const IdType = { RESIDENT_ID: 'RESIDENT_ID', PASSPORT: 'PASSPORT' } as const;
export type IdType = (typeof IdType)[keyof typeof IdType];
export const ID_TYPE_WORDS: Readonly<Record<IdType, string>> = {
  RESIDENT_ID: '居民身份证',
  PASSPORT: '护照',
};

/** The five cascading choices of the title catalogue (申报系列 → 专业 → 专业范围 → 职称名称 → 级别). */
export interface TitleSelection {
  seriesCode?: string | null;
  specialtyCode?: string | null;
  scopeCode?: string | null;
  titleCode?: string | null;
  levelCode?: string | null;
}

/** 基本信息 of the title channels. name/gender/idType/idNumber/birthDate come from identity (read-only). */
export interface BasicInfo extends TitleSelection {
  name: string;
  formerName?: string | null;
  gender: Gender;
  ethnicity: string;
  politicalStatus: string;
  idType: IdType;
  idNumber: string;
  mobile: string;
  birthDate: IsoDate;
  /** 最高学历 */
  educationLevel: string;
  workStartDate: IsoDate;
  /** 人员身份 (e.g. 专业技术人员) */
  personnelType: string;
  workUnitName: string;
  /** 单位类型 (机关, 事业单位, 企业 …) */
  unitType: string;
  /** 工作属性 (应用, 研究 …) */
  workNature: string;
  /** 现专业技术资格 and 取得资格日期 (both or neither). */
  currentTitleName?: string | null;
  currentTitleDate?: IsoDate | null;
  /** 聘任日期 */
  appointmentDate?: IsoDate | null;
  /** 职（执）业资格名称 and its date. */
  practiceQualificationName?: string | null;
  practiceQualificationDate?: IsoDate | null;
  /** 从事专业: must equal the chosen 申报专业范围 (scopeCode). */
  practisedSpecialtyCode?: string | null;
  /** 从事本专业年限 */
  yearsInSpecialty: number;
  /** 破格类别, set exactly when the declaration's category is EXCEPTIONAL. */
  exceptionalKind?: ExceptionalKind | null;
}

export const TalentSource = { INTRODUCED: 'INTRODUCED', IN_PROVINCE: 'IN_PROVINCE' } as const;
export type TalentSource = (typeof TalentSource)[keyof typeof TalentSource];
export const TALENT_SOURCE_WORDS: Readonly<Record<TalentSource, string>> = {
  INTRODUCED: '引进人才',
  IN_PROVINCE: '省内人才',
};

export const TalentServiceType = { FIRST: 'FIRST', PROMOTION: 'PROMOTION' } as const;
export type TalentServiceType = (typeof TalentServiceType)[keyof typeof TalentServiceType];
export const TALENT_SERVICE_TYPE_WORDS: Readonly<Record<TalentServiceType, string>> = {
  FIRST: '首次认定',
  PROMOTION: '晋升认定',
};

/** 人才分类定级 basic info. */
export interface TalentBasicInfo {
  name: string;
  gender: Gender;
  idType: IdType;
  idNumber: string;
  mobile: string;
  birthDate: IsoDate;
  educationLevel: string;
  workUnitName: string;
  /** 现任职务或岗位 */
  post: string;
  /** 人才来源; 引进人才 ⇒ introducedFrom (从何地（单位）引进) required. */
  source: TalentSource;
  introducedFrom?: string | null;
  /** 人才认定服务类型; 晋升认定 ⇒ previous category (已在吉认定人才类别) and its date required. */
  serviceType: TalentServiceType;
  previousCategoryCode?: string | null;
  previousRecognitionDate?: IsoDate | null;
  /** 是否签订长期聘用合同（五年以上）; 否 ⇒ contractStartDate required. */
  longTermContract: boolean;
  contractStartDate?: IsoDate | null;
  /** 申请评定符合标准: the standard decides the level. */
  standardCode: string;
  /** 申请评定级别（层次）: derived from standardCode, never typed (talentLevelForStandard). */
  levelCode?: string | null;
}

/** 破格推荐专家 */
export interface Recommender {
  id: string;
  name: string;
  idType: IdType;
  idNumber: string;
  /** 现工作单位 */
  workUnit: string;
  /** 专业技术职务 */
  title: string;
  /** 从事专业 */
  practisedSpecialty: string;
  mobile?: string | null;
  /** 推荐理由 */
  reason: string;
}

export const EducationSource = { MANUAL: 'MANUAL', REGISTRY: 'REGISTRY' } as const;
export type EducationSource = (typeof EducationSource)[keyof typeof EducationSource];
export const EDUCATION_SOURCE_WORDS: Readonly<Record<EducationSource, string>> = {
  MANUAL: '手动填写',
  REGISTRY: '自动获取',
};

/** 学习教育经历 / 学历学位信息 */
export interface EducationEntry {
  id: string;
  school: string;
  major: string;
  /** 学历 (研究生, 大学本科 …) */
  educationLevel: string;
  /** 学位 (博士, 硕士, 学士, 无) */
  degree?: string | null;
  /** 教育方式 (全日制, 非全日制 …) */
  studyMode: string;
  startDate: IsoDate;
  endDate: IsoDate;
  diplomaNumber?: string | null;
  degreeNumber?: string | null;
  /** REGISTRY: fetched automatically from the degree registry, needs no proof file. */
  source?: EducationSource;
}

/** 继续教育（培训）经历 */
export interface ContinuingEducationEntry {
  id: string;
  /** 学习方式 */
  studyMode: string;
  /** 学习内容 */
  content: string;
  /** 主办单位 */
  organiser: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** 学时 */
  hours?: number | null;
}

export const PaperKind = { PAPER: 'PAPER', BOOK: 'BOOK' } as const;
export type PaperKind = (typeof PaperKind)[keyof typeof PaperKind];
export const PAPER_KIND_WORDS: Readonly<Record<PaperKind, string>> = { PAPER: '论文', BOOK: '著作' };

/** 论文著作 */
export interface PaperEntry {
  id: string;
  kind: PaperKind;
  title: string;
  /** 刊物名称 / 出版社 */
  publication: string;
  /** 发表/出版日期 */
  publishedDate: IsoDate;
  /** 本人排名或作者角色 (独著, 第一作者 …) */
  authorRole: string;
  /** 刊号 (ISSN/CN) or 书号 (ISBN) */
  serialNumber?: string | null;
}

/** 工作经历 (no files) */
export interface WorkExperienceEntry {
  id: string;
  unit: string;
  /** 工作岗位 */
  post: string;
  startDate: IsoDate;
  /** null: 至今 */
  endDate?: IsoDate | null;
  duties?: string | null;
}

/** 专业兼职 */
export interface PartTimePostEntry {
  id: string;
  /** 组织（机构）名称 */
  organisation: string;
  /** 主管部门 */
  supervisingDepartment: string;
  /** 兼任职务 */
  post: string;
  startDate: IsoDate;
  endDate?: IsoDate | null;
}

/** 企业人才业绩 (近三年) */
export interface EnterpriseResultEntry {
  id: string;
  year: number;
  enterpriseName: string;
  /** 企业规模 (大型, 中型, 小型, 微型) */
  enterpriseScale: string;
  /** 本人职务 */
  position: string;
  /** 是否"专精特新"企业 */
  specialisedAndNew: boolean;
  /** 业绩情况 */
  description: string;
}

/** 人才荣誉表彰 */
export interface HonourEntry {
  id: string;
  name: string;
  /** 授予单位 */
  grantedBy: string;
  grantedDate: IsoDate;
  /** 级别 (国家级, 省级, 市级 …) */
  rank: string;
}

/** 专业获奖 */
export interface AwardEntry {
  id: string;
  name: string;
  /** 获奖等级 (一等奖 …) */
  grade: string;
  /** 本人排名 */
  personalRank: number;
  grantedBy: string;
  grantedDate: IsoDate;
}

export const AssessmentResult = {
  EXCELLENT: 'EXCELLENT',
  COMPETENT: 'COMPETENT',
  BASICALLY_COMPETENT: 'BASICALLY_COMPETENT',
  INCOMPETENT: 'INCOMPETENT',
} as const;
export type AssessmentResult = (typeof AssessmentResult)[keyof typeof AssessmentResult];
export const ASSESSMENT_RESULT_WORDS: Readonly<Record<AssessmentResult, string>> = {
  EXCELLENT: '优秀',
  COMPETENT: '合格',
  BASICALLY_COMPETENT: '基本合格',
  INCOMPETENT: '不合格',
};

/** 年度考核 */
export interface AnnualAssessmentEntry {
  id: string;
  year: number;
  result: AssessmentResult;
}

/** 其他材料: a named upload (the entry's files carry the content). */
export interface OtherMaterialEntry {
  id: string;
  name: string;
}

/** Everything an applicant fills in; a module absent from the object has not been filled. */
export interface ModuleData {
  basicInfo?: BasicInfo | null;
  talentBasicInfo?: TalentBasicInfo | null;
  recommenders?: Recommender[] | null;
  education?: EducationEntry[] | null;
  continuingEducation?: ContinuingEducationEntry[] | null;
  papers?: PaperEntry[] | null;
  workExperience?: WorkExperienceEntry[] | null;
  partTimePosts?: PartTimePostEntry[] | null;
  enterpriseResults?: EnterpriseResultEntry[] | null;
  /** 创新创业成果（突出业绩） */
  innovation?: string | null;
  honours?: HonourEntry[] | null;
  awards?: AwardEntry[] | null;
  annualAssessments?: AnnualAssessmentEntry[] | null;
  /** 工作总结: kept exactly as typed (line breaks, indentation). */
  workSummary?: string | null;
  otherMaterials?: OtherMaterialEntry[] | null;
}

/** The property of ModuleData each module is stored in (UNIT_PUBLICITY is an upload only). */
export const MODULE_DATA_KEY = {
  BASIC_INFO: 'basicInfo',
  TALENT_BASIC_INFO: 'talentBasicInfo',
  RECOMMENDERS: 'recommenders',
  EDUCATION: 'education',
  CONTINUING_EDUCATION: 'continuingEducation',
  PAPERS: 'papers',
  WORK_EXPERIENCE: 'workExperience',
  PART_TIME_POSTS: 'partTimePosts',
  ENTERPRISE_RESULTS: 'enterpriseResults',
  INNOVATION: 'innovation',
  HONOURS: 'honours',
  AWARDS: 'awards',
  ANNUAL_ASSESSMENT: 'annualAssessments',
  WORK_SUMMARY: 'workSummary',
  UNIT_PUBLICITY: null,
  OTHER_MATERIALS: 'otherMaterials',
} as const satisfies Record<ModuleKey, keyof ModuleData | null>;

/** The value one module holds, e.g. ModuleValue<'EDUCATION'> is EducationEntry[]. */
export type ModuleValue<K extends ModuleKey> = (typeof MODULE_DATA_KEY)[K] extends keyof ModuleData
  ? NonNullable<ModuleData[(typeof MODULE_DATA_KEY)[K]]>
  : never;

/** Modules whose data is a list of entries with ids. */
export type ListModuleKey = {
  [K in ModuleKey]: ModuleValue<K> extends readonly { id: string }[] ? K : never;
}[ModuleKey];

export const LIST_MODULE_KEYS: readonly ListModuleKey[] = [
  'RECOMMENDERS',
  'EDUCATION',
  'CONTINUING_EDUCATION',
  'PAPERS',
  'WORK_EXPERIENCE',
  'PART_TIME_POSTS',
  'ENTERPRISE_RESULTS',
  'HONOURS',
  'AWARDS',
  'ANNUAL_ASSESSMENT',
  'OTHER_MATERIALS',
];

export function isListModule(key: ModuleKey): key is ListModuleKey {
  return (LIST_MODULE_KEYS as readonly ModuleKey[]).includes(key);
}

// ---------------------------------------------------------------------------------------------
// Channels (申报通道): configuration, not code
// ---------------------------------------------------------------------------------------------

/** One level of a review route ("按人事管理权限逐级审核"). */
export const RouteLevelKind = {
  UNIT: 'UNIT',
  DEPARTMENT: 'DEPARTMENT',
  BUREAU: 'BUREAU',
  COMMITTEE: 'COMMITTEE',
} as const;
export type RouteLevelKind = (typeof RouteLevelKind)[keyof typeof RouteLevelKind];
export const ROUTE_LEVEL_WORDS: Readonly<Record<RouteLevelKind, string>> = {
  UNIT: '推荐单位',
  DEPARTMENT: '行政主管部门',
  BUREAU: '人社部门',
  COMMITTEE: '评委会',
};

/** The menus the seeds show (人才人事 → …, 江苏: 专业技术人员管理服务). */
export const ChannelGroup = {
  TITLE_REVIEW: 'TITLE_REVIEW',
  HIGH_LEVEL_RECOGNITION: 'HIGH_LEVEL_RECOGNITION',
  SECOND_LEVEL_POST: 'SECOND_LEVEL_POST',
  SECOND_LEVEL_POST_ASSESSMENT: 'SECOND_LEVEL_POST_ASSESSMENT',
  THIRD_LEVEL_POST_ASSESSMENT: 'THIRD_LEVEL_POST_ASSESSMENT',
  TALENT_CLASSIFICATION: 'TALENT_CLASSIFICATION',
  JIANGSU_TITLE: 'JIANGSU_TITLE',
} as const;
export type ChannelGroup = (typeof ChannelGroup)[keyof typeof ChannelGroup];
export const CHANNEL_GROUP_WORDS: Readonly<Record<ChannelGroup, string>> = zhWords(CHANNEL_GROUP);

/** Business forms (业务表册) generated from a declaration. */
export type BusinessFormKind = 'REVIEW_LIST' | 'PUBLICITY' | 'TALENT_APPLICATION';

/** Which catalogue choices a channel accepts (e.g. 中小学正高级教师: only that title). */
export interface TitleFilter {
  seriesCodes?: string[];
  specialtyCodes?: string[];
  levelCodes?: string[];
}

export interface ChannelConfig {
  code: string;
  name: string;
  group: ChannelGroup;
  groupName: string;
  /** The default form of a notice on this channel (its modules, attachments, limits). */
  defaultFormConfig: FormConfig;
  /** The default review route, lowest level first. */
  route: RouteLevelKind[];
  /**
   * The status once the last route level passes: FINALLY_APPROVED where the route ends at a
   * committee (its result is the 终审), MATERIALS_APPROVED for talent classification, whose
   * route stops at the bureau (材料审核通过) and whose evaluation happens offline.
   */
  outcomeAfterRoute: 'FINALLY_APPROVED' | 'MATERIALS_APPROVED';
  /** 江苏 职称评审申报: a committee is chosen by region + level + specialty when starting. */
  requiresCommittee: boolean;
  /** 破格 (and so 两名专家推荐破格 with its recommenders) is possible on this channel. */
  allowsExceptional: boolean;
  /** The basic info's five catalogue choices are required (post and talent channels: no). */
  usesTitleCatalogue: boolean;
  titleFilter?: TitleFilter;
  businessForms: BusinessFormKind[];
}

// ---------------------------------------------------------------------------------------------
// Attachments and problems
// ---------------------------------------------------------------------------------------------

export type AttachmentSlot =
  { kind: 'CATALOGUE'; code: string } | { kind: 'ENTRY'; module: ModuleKey; entryId: string };

/** What the rules need to know about one stored file. */
export interface AttachmentFact {
  id: string;
  slot: AttachmentSlot;
  format: FileFormat;
  sizeBytes: number;
}

/** One line of 数据验证信息. `field` (a dotted path like `education.2`) helps the UI jump there. */
export interface ValidationProblem {
  module: ModuleKey | 'ATTACHMENTS';
  code: string;
  message: string;
  field?: string;
  /** The numbers in the message (count, max …): clients in other languages build theirs from code + params. */
  params?: Readonly<Record<string, string | number>>;
}
