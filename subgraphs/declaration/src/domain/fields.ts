// The fields of every module as data: label (used in every message and by forms), kind, whether
// required and its limits. Checks that relate fields (conditionals, date order, catalogue) live in
// validate-input.ts; this table only says what one field alone must be.
import { TALENT_LEVELS } from './data/talent-standards';
import {
  ASSESSMENT_RESULT_WORDS,
  EXCEPTIONAL_KIND_WORDS,
  type BasicInfo,
  type ModuleKey,
  type TalentBasicInfo,
} from './types';

export type FieldSpec =
  | { kind: 'text'; label: string; required: boolean; maxLength: number }
  | { kind: 'date'; label: string; required: boolean }
  | { kind: 'year'; label: string; required: boolean }
  | { kind: 'integer'; label: string; required: boolean; min: number; max: number }
  | { kind: 'boolean'; label: string; required: boolean }
  | { kind: 'choice'; label: string; required: boolean; values: readonly string[] };

const text = (label: string, maxLength = 100, required = true): FieldSpec => ({
  kind: 'text',
  label,
  required,
  maxLength,
});
const optionalText = (label: string, maxLength = 100): FieldSpec => text(label, maxLength, false);
const date = (label: string, required = true): FieldSpec => ({ kind: 'date', label, required });
const year = (label: string): FieldSpec => ({ kind: 'year', label, required: true });
const integer = (label: string, min: number, max: number, required = true): FieldSpec => ({
  kind: 'integer',
  label,
  required,
  min,
  max,
});
const choice = (label: string, values: readonly string[], required = true): FieldSpec => ({
  kind: 'choice',
  label,
  required,
  values,
});
const yesNo = (label: string): FieldSpec => ({ kind: 'boolean', label, required: true });

const GENDERS = ['MALE', 'FEMALE'] as const;
const ID_TYPES = ['RESIDENT_ID', 'PASSPORT'] as const;

/** Fields of BASIC_INFO (catalogue codes are checked as a cascade, not here). */
export const BASIC_INFO_FIELDS: Readonly<Partial<Record<keyof BasicInfo, FieldSpec>>> = {
  name: text('姓名', 50),
  formerName: optionalText('曾用名', 50),
  gender: choice('性别', GENDERS),
  ethnicity: text('民族', 20),
  politicalStatus: text('政治面貌', 20),
  idType: choice('证件类型', ID_TYPES),
  idNumber: text('证件号码', 30),
  mobile: text('手机号码', 20),
  birthDate: date('出生日期'),
  educationLevel: text('最高学历', 20),
  workStartDate: date('参加工作日期'),
  personnelType: text('人员身份', 30),
  workUnitName: text('工作单位', 100),
  unitType: text('单位类型', 30),
  workNature: text('工作属性', 30),
  currentTitleName: optionalText('现专业技术资格', 50),
  currentTitleDate: date('取得资格日期', false),
  appointmentDate: date('聘任日期', false),
  practiceQualificationName: optionalText('职（执）业资格名称', 50),
  practiceQualificationDate: date('职（执）业资格取得日期', false),
  yearsInSpecialty: integer('从事本专业年限', 0, 60),
  exceptionalKind: choice('破格类别', Object.keys(EXCEPTIONAL_KIND_WORDS), false),
};

export const TALENT_BASIC_INFO_FIELDS: Readonly<Partial<Record<keyof TalentBasicInfo, FieldSpec>>> = {
  name: text('姓名', 50),
  gender: choice('性别', GENDERS),
  idType: choice('证件类型', ID_TYPES),
  idNumber: text('证件号码', 30),
  mobile: text('手机号码', 20),
  birthDate: date('出生日期'),
  educationLevel: text('最高学历', 20),
  workUnitName: text('工作单位', 100),
  post: text('现任职务或岗位', 50),
  source: choice('人才来源', ['INTRODUCED', 'IN_PROVINCE']),
  introducedFrom: optionalText('从何地（单位）引进', 100),
  serviceType: choice('人才认定服务类型', ['FIRST', 'PROMOTION']),
  previousCategoryCode: choice('已在吉认定人才类别', Object.keys(TALENT_LEVELS), false),
  previousRecognitionDate: date('认定日期', false),
  longTermContract: yesNo('是否签订长期聘用合同（五年以上）'),
  contractStartDate: date('引进或聘用合同（协议）开始时间', false),
  standardCode: text('申请评定符合标准', 20),
  levelCode: choice('申请评定级别（层次）', Object.keys(TALENT_LEVELS), false),
};

/** Fields of every list module's entries (the entry `id` is checked separately). */
export const ENTRY_FIELDS: Readonly<Partial<Record<ModuleKey, Readonly<Record<string, FieldSpec>>>>> = {
  RECOMMENDERS: {
    name: text('专家姓名', 50),
    idType: choice('证件类型', ID_TYPES),
    idNumber: text('证件号码', 30),
    workUnit: text('现工作单位', 100),
    title: text('专业技术职务', 50),
    practisedSpecialty: text('从事专业', 50),
    mobile: optionalText('手机号码', 20),
    reason: text('推荐理由', 500),
  },
  EDUCATION: {
    school: text('毕业学校', 100),
    major: text('所学专业', 50),
    educationLevel: text('学历', 20),
    degree: optionalText('学位', 20),
    studyMode: text('教育方式', 20),
    startDate: date('入学日期'),
    endDate: date('毕业日期'),
    diplomaNumber: optionalText('学历证书编号', 50),
    degreeNumber: optionalText('学位证书编号', 50),
    source: choice('信息来源', ['MANUAL', 'REGISTRY'], false),
  },
  CONTINUING_EDUCATION: {
    studyMode: text('学习方式', 20),
    content: text('学习内容', 200),
    organiser: text('主办单位', 100),
    startDate: date('开始日期'),
    endDate: date('结束日期'),
    hours: integer('学时', 1, 10000, false),
  },
  PAPERS: {
    kind: choice('分类', ['PAPER', 'BOOK']),
    title: text('论文（著作）题目', 200),
    publication: text('刊物名称或出版社', 100),
    publishedDate: date('发表（出版）日期'),
    authorRole: text('本人排名或作者角色', 20),
    serialNumber: optionalText('刊号或书号', 50),
  },
  WORK_EXPERIENCE: {
    unit: text('工作单位', 100),
    post: text('工作岗位', 50),
    startDate: date('开始日期'),
    endDate: date('结束日期', false),
    duties: optionalText('主要工作内容', 500),
  },
  PART_TIME_POSTS: {
    organisation: text('组织（机构）名称', 100),
    supervisingDepartment: text('主管部门', 100),
    post: text('兼任职务', 50),
    startDate: date('开始日期'),
    endDate: date('结束日期', false),
  },
  ENTERPRISE_RESULTS: {
    year: year('业绩年度'),
    enterpriseName: text('企业名称', 100),
    enterpriseScale: text('企业规模', 20),
    position: text('本人职务', 50),
    specialisedAndNew: yesNo('是否"专精特新"企业'),
    description: text('业绩情况', 500),
  },
  HONOURS: {
    name: text('荣誉表彰名称', 100),
    grantedBy: text('授予单位', 100),
    grantedDate: date('授予日期'),
    rank: text('荣誉级别', 20),
  },
  AWARDS: {
    name: text('奖项名称', 100),
    grade: text('获奖等级', 20),
    personalRank: integer('本人排名', 1, 100),
    grantedBy: text('授予单位', 100),
    grantedDate: date('授予日期'),
  },
  ANNUAL_ASSESSMENT: {
    year: year('考核年度'),
    result: choice('考核结果', Object.keys(ASSESSMENT_RESULT_WORDS)),
  },
  OTHER_MATERIALS: {
    name: text('材料名称', 50),
  },
};

/** [start, end] date fields whose end may not come before the start. */
export const DATE_RANGES: Readonly<Partial<Record<ModuleKey, ReadonlyArray<[start: string, end: string]>>>> =
  {
    EDUCATION: [['startDate', 'endDate']],
    CONTINUING_EDUCATION: [['startDate', 'endDate']],
    WORK_EXPERIENCE: [['startDate', 'endDate']],
    PART_TIME_POSTS: [['startDate', 'endDate']],
  };
