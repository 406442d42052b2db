// Every 申报通道 of SPEC §3 as configuration: its menu (group), the modules and attachments of its
// default form, its default review route and what its last level's pass means. Adding a channel
// is adding an entry here (or a row a bureau edits), never a code branch.
import {
  CHANNEL_GROUP_WORDS,
  MODULE_KEYS,
  type AttachmentSlotConfig,
  type BusinessFormKind,
  type ChannelConfig,
  type ChannelGroup,
  type FormConfig,
  type ModuleConfig,
  type ModuleKey,
  type RouteLevelKind,
  type TitleFilter,
} from '../types';
import { deepFreeze } from '../freeze';
import { catalogueSlot } from './attachments';
import { INNOVATION_TEXT_LIMIT, moduleConfig } from './modules';

type ModuleChoice = ModuleKey | [ModuleKey, Partial<ModuleConfig>];

interface FormDefinition {
  required: ModuleChoice[];
  optional: ModuleChoice[];
  attachments: Array<string | [string, Partial<AttachmentSlotConfig>]>;
  educationCertificateNumbers?: boolean;
}

/** Builds a FormConfig from module keys and slot codes; the order is the wizard's order. */
function form(definition: FormDefinition): FormConfig {
  const toModule = (required: boolean) => (choice: ModuleChoice) =>
    Array.isArray(choice) ? moduleConfig(choice[0], required, choice[1]) : moduleConfig(choice, required);
  const modules = [...definition.required.map(toModule(true)), ...definition.optional.map(toModule(false))];
  modules.sort((a, b) => WIZARD_ORDER.indexOf(a.key) - WIZARD_ORDER.indexOf(b.key));
  return {
    modules,
    attachments: definition.attachments.map((a) =>
      Array.isArray(a) ? catalogueSlot(a[0], a[1]) : catalogueSlot(a),
    ),
    innovationTextLimit: INNOVATION_TEXT_LIMIT,
    ...(definition.educationCertificateNumbers ? { educationCertificateNumbers: true } : {}),
  };
}

/** The wizard shows modules in the vocabulary's order. */
const WIZARD_ORDER: readonly ModuleKey[] = MODULE_KEYS;

/** The 吉林 正常职称申报 attachment list (seed 000), plus the photo and the publicity form. */
const JILIN_TITLE_ATTACHMENTS = [
  'PHOTO',
  'ID_CARD',
  'CURRENT_TITLE_CERTIFICATE',
  'APPOINTMENT_DOCUMENT',
  'CONTINUING_EDUCATION_PROOF',
  'STUDENT_RECORD_REPORT',
  'LABOUR_CONTRACT',
  'PRACTICE_QUALIFICATION_CERTIFICATE',
  'OTHER_PROOF',
  'ECONOMICS_EXAM_CERTIFICATE',
  'UNIT_PUBLICITY',
];

const titleReviewForm = (): FormConfig =>
  form({
    required: ['BASIC_INFO', 'EDUCATION', 'WORK_EXPERIENCE', 'ANNUAL_ASSESSMENT', 'UNIT_PUBLICITY'],
    optional: [
      'RECOMMENDERS',
      'CONTINUING_EDUCATION',
      'PAPERS',
      'PART_TIME_POSTS',
      'HONOURS',
      'AWARDS',
      'WORK_SUMMARY',
      'OTHER_MATERIALS',
    ],
    attachments: JILIN_TITLE_ATTACHMENTS,
  });

/** 认定 channels: the title form without 破格 recommenders. */
const recognitionForm = (): FormConfig =>
  form({
    required: ['BASIC_INFO', 'EDUCATION', 'WORK_EXPERIENCE', 'ANNUAL_ASSESSMENT', 'UNIT_PUBLICITY'],
    optional: [
      'CONTINUING_EDUCATION',
      'PAPERS',
      'PART_TIME_POSTS',
      'HONOURS',
      'AWARDS',
      'WORK_SUMMARY',
      'OTHER_MATERIALS',
    ],
    attachments: JILIN_TITLE_ATTACHMENTS,
  });

/** 二级岗位评聘: achievements weigh; a work summary is required. */
const secondLevelPostForm = (): FormConfig =>
  form({
    required: [
      'BASIC_INFO',
      'EDUCATION',
      'WORK_EXPERIENCE',
      'ANNUAL_ASSESSMENT',
      'WORK_SUMMARY',
      'UNIT_PUBLICITY',
    ],
    optional: ['PAPERS', 'HONOURS', 'AWARDS', 'OTHER_MATERIALS'],
    attachments: [
      'PHOTO',
      'ID_CARD',
      'CURRENT_TITLE_CERTIFICATE',
      'APPOINTMENT_DOCUMENT',
      'OTHER_PROOF',
      'UNIT_PUBLICITY',
    ],
  });

/** 聘期考核: the term's assessments and a summary of the term (聘期工作总结). */
const postTermAssessmentForm = (): FormConfig =>
  form({
    required: [
      'BASIC_INFO',
      'ANNUAL_ASSESSMENT',
      ['WORK_SUMMARY', { name: '聘期工作总结', nameEn: 'Work summary of the appointment term' }],
      'UNIT_PUBLICITY',
    ],
    optional: ['PAPERS', 'AWARDS', 'OTHER_MATERIALS'],
    attachments: ['PHOTO', 'ID_CARD', 'APPOINTMENT_DOCUMENT', 'UNIT_PUBLICITY'],
  });

/** 人才分类定级 (seed 001): 学习经历, 工作经历, 创新创业成果 required; only 身份证 must be attached. */
const talentClassificationForm = (): FormConfig =>
  form({
    required: ['TALENT_BASIC_INFO', 'EDUCATION', 'WORK_EXPERIENCE', 'INNOVATION'],
    optional: [
      'CONTINUING_EDUCATION',
      'PAPERS',
      'PART_TIME_POSTS',
      'ENTERPRISE_RESULTS',
      'HONOURS',
      'AWARDS',
    ],
    attachments: [['PHOTO', { module: 'TALENT_BASIC_INFO' }], 'ID_CARD'],
  });

/** 江苏 (seed 004): 学历学位信息 with certificate numbers, 工作总结, 单位公示及结果报告证明, 其他材料. */
const jiangsuForm = (review: boolean): FormConfig =>
  form({
    required: [
      'BASIC_INFO',
      ['EDUCATION', { name: '学历学位信息', nameEn: 'Diplomas and degrees' }],
      'ANNUAL_ASSESSMENT',
      'WORK_SUMMARY',
      ['UNIT_PUBLICITY', { name: '单位公示及结果报告证明', nameEn: 'Unit publicity and result report' }],
    ],
    optional: review
      ? ['WORK_EXPERIENCE', 'CONTINUING_EDUCATION', 'PAPERS', 'AWARDS', 'OTHER_MATERIALS']
      : ['WORK_EXPERIENCE', 'OTHER_MATERIALS'],
    attachments: [
      'PHOTO',
      'ID_CARD',
      ['UNIT_PUBLICITY', { name: '单位公示及结果报告证明', nameEn: 'Unit publicity and result report' }],
    ],
    educationCertificateNumbers: true,
  });

const FULL_ROUTE: RouteLevelKind[] = ['UNIT', 'DEPARTMENT', 'BUREAU', 'COMMITTEE'];
const BUREAU_ROUTE: RouteLevelKind[] = ['UNIT', 'DEPARTMENT', 'BUREAU'];
const TITLE_FORMS: BusinessFormKind[] = ['REVIEW_LIST', 'PUBLICITY'];

interface ChannelDefinition {
  code: string;
  name: string;
  group: ChannelGroup;
  form: () => FormConfig;
  route: RouteLevelKind[];
  outcomeAfterRoute?: ChannelConfig['outcomeAfterRoute'];
  requiresCommittee?: boolean;
  allowsExceptional?: boolean;
  usesTitleCatalogue?: boolean;
  titleFilter?: TitleFilter;
  businessForms?: BusinessFormKind[];
}

const PRIMARY_SECONDARY: TitleFilter = { specialtyCodes: ['EDU.PS'] };

const DEFINITIONS: ChannelDefinition[] = [
  // 专业技术职称评审申报: reviewed by a committee; 破格 with two experts' recommendation possible.
  {
    code: 'TITLE_NORMAL',
    name: '正常职称申报',
    group: 'TITLE_REVIEW',
    form: titleReviewForm,
    route: FULL_ROUTE,
    allowsExceptional: true,
  },
  {
    code: 'TITLE_PS_FULL_SENIOR',
    name: '中小学正高级教师',
    group: 'TITLE_REVIEW',
    form: titleReviewForm,
    route: FULL_ROUTE,
    allowsExceptional: true,
    titleFilter: { ...PRIMARY_SECONDARY, levelCodes: ['FULL_SENIOR'] },
  },
  {
    code: 'TITLE_PS_DEPUTY_SENIOR_AND_BELOW',
    name: '中小学副高级及以下',
    group: 'TITLE_REVIEW',
    form: titleReviewForm,
    route: FULL_ROUTE,
    allowsExceptional: true,
    titleFilter: {
      ...PRIMARY_SECONDARY,
      levelCodes: ['DEPUTY_SENIOR', 'INTERMEDIATE', 'ASSISTANT', 'JUNIOR'],
    },
  },
  // 高层次和特殊人才职称认定: 首评 and recognitions still go to a committee; no 破格 (they are the exception).
  {
    code: 'RECOGNITION_ORGAN_DIVERTED',
    name: '机关分流人员首评',
    group: 'HIGH_LEVEL_RECOGNITION',
    form: recognitionForm,
    route: FULL_ROUTE,
  },
  {
    code: 'RECOGNITION_MILITARY_TRANSFER',
    name: '部队转业干部首评',
    group: 'HIGH_LEVEL_RECOGNITION',
    form: recognitionForm,
    route: FULL_ROUTE,
  },
  {
    code: 'RECOGNITION_GRASSROOTS_POSTGRADUATE',
    name: '基层硕博人员',
    group: 'HIGH_LEVEL_RECOGNITION',
    form: recognitionForm,
    route: FULL_ROUTE,
  },
  {
    code: 'RECOGNITION_NON_PUBLIC_MANAGER',
    name: '非公有制经济组织高级经营管理人才',
    group: 'HIGH_LEVEL_RECOGNITION',
    form: recognitionForm,
    route: FULL_ROUTE,
  },
  {
    code: 'RECOGNITION_GRASSROOTS_30_10',
    name: '基层30年10年',
    group: 'HIGH_LEVEL_RECOGNITION',
    form: recognitionForm,
    route: FULL_ROUTE,
  },
  // 待遇兑现 confirms a title a policy already grants: the bureau's pass is final.
  {
    code: 'RECOGNITION_TALENT_INCENTIVE',
    name: '人才激励政策职称待遇兑现',
    group: 'HIGH_LEVEL_RECOGNITION',
    form: recognitionForm,
    route: BUREAU_ROUTE,
  },
  {
    code: 'RECOGNITION_SKILL_PATHWAY',
    name: '高技能人才与专业技术人才职业发展贯通',
    group: 'HIGH_LEVEL_RECOGNITION',
    form: recognitionForm,
    route: FULL_ROUTE,
  },
  {
    code: 'RECOGNITION_THIRD_LEVEL_POST',
    name: '专业技术三级岗位人员',
    group: 'HIGH_LEVEL_RECOGNITION',
    form: recognitionForm,
    route: FULL_ROUTE,
  },
  // 岗位评聘 and 聘期考核 concern posts, not a title choice.
  {
    code: 'SECOND_LEVEL_POST_APPOINTMENT',
    name: '专业技术二级岗位评聘',
    group: 'SECOND_LEVEL_POST',
    form: secondLevelPostForm,
    route: FULL_ROUTE,
    usesTitleCatalogue: false,
  },
  {
    code: 'SECOND_LEVEL_POST_TERM_ASSESSMENT',
    name: '二级岗位聘期考核',
    group: 'SECOND_LEVEL_POST_ASSESSMENT',
    form: postTermAssessmentForm,
    route: BUREAU_ROUTE,
    usesTitleCatalogue: false,
  },
  {
    code: 'THIRD_LEVEL_POST_TERM_ASSESSMENT',
    name: '三级岗位聘期考核',
    group: 'THIRD_LEVEL_POST_ASSESSMENT',
    form: postTermAssessmentForm,
    route: BUREAU_ROUTE,
    usesTitleCatalogue: false,
  },
  // 人才分类定级: the route stops at the bureau with 材料审核通过; evaluation is offline.
  {
    code: 'TALENT_CLASSIFICATION',
    name: '人才分类定级评定',
    group: 'TALENT_CLASSIFICATION',
    form: talentClassificationForm,
    route: BUREAU_ROUTE,
    outcomeAfterRoute: 'MATERIALS_APPROVED',
    usesTitleCatalogue: false,
    businessForms: ['TALENT_APPLICATION'],
  },
  // 江苏: 初定 is confirmed by the bureau; 评审 goes to the committee chosen when starting.
  {
    code: 'JS_TITLE_INITIAL',
    name: '职称初定申报',
    group: 'JIANGSU_TITLE',
    form: () => jiangsuForm(false),
    route: BUREAU_ROUTE,
  },
  {
    code: 'JS_TITLE_REVIEW',
    name: '职称评审申报',
    group: 'JIANGSU_TITLE',
    form: () => jiangsuForm(true),
    route: FULL_ROUTE,
    requiresCommittee: true,
  },
];

// Frozen: a notice takes a copy (defaultFormConfigFor) and changes that.
export const CHANNELS: readonly ChannelConfig[] = deepFreeze(
  DEFINITIONS.map((d) => ({
    code: d.code,
    name: d.name,
    group: d.group,
    groupName: CHANNEL_GROUP_WORDS[d.group],
    defaultFormConfig: d.form(),
    route: [...d.route],
    outcomeAfterRoute: d.outcomeAfterRoute ?? 'FINALLY_APPROVED',
    requiresCommittee: d.requiresCommittee ?? false,
    allowsExceptional: d.allowsExceptional ?? false,
    usesTitleCatalogue: d.usesTitleCatalogue ?? true,
    ...(d.titleFilter ? { titleFilter: d.titleFilter } : {}),
    businessForms: d.businessForms ?? [...TITLE_FORMS],
  })),
);

export function findChannel(code: string): ChannelConfig | undefined {
  return CHANNELS.find((c) => c.code === code);
}

/** A fresh, changeable copy of a channel's default form (what a new notice starts from). */
export function defaultFormConfigFor(code: string): FormConfig | undefined {
  const found = findChannel(code);
  return found && structuredClone(found.defaultFormConfig);
}
