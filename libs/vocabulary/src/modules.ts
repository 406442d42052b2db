// The declaration's modules and their fields, once: key, the field of the modules object holding
// it, Chinese and English names, and per field its labels, kind, whether required and its limits.
// The declaration subgraph validates with these (and names fields in its messages with them), the
// wizard and the review pages label with them, the business forms print them, review names
// flagged modules with them. A notice's form configuration may rename a module; these are the
// defaults. Checks that relate fields (conditionals, date order, catalogue) are not data and live
// in the declaration subgraph.
import type { Label } from './label';

export const MODULE_KEYS = [
  'BASIC_INFO',
  'TALENT_BASIC_INFO',
  'RECOMMENDERS',
  'EDUCATION',
  'CONTINUING_EDUCATION',
  'PAPERS',
  'WORK_EXPERIENCE',
  'PART_TIME_POSTS',
  'ENTERPRISE_RESULTS',
  'INNOVATION',
  'HONOURS',
  'AWARDS',
  'ANNUAL_ASSESSMENT',
  'WORK_SUMMARY',
  'UNIT_PUBLICITY',
  'OTHER_MATERIALS',
] as const;
export type ModuleKey = (typeof MODULE_KEYS)[number];

/** What kind of value a field holds; `code` is a catalogue pick the API answers with its name. */
export type FieldKind = 'text' | 'date' | 'year' | 'integer' | 'boolean' | 'choice' | 'code';

export interface FieldDefinition extends Label {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** text: most characters. */
  maxLength?: number;
  /** integer: bounds. */
  min?: number;
  max?: number;
  /** choice: the enum whose words it takes (ENUM_WORDS). */
  enumName?: EnumName;
}

export interface ModuleDefinition extends Label {
  key: ModuleKey;
  /** The field of the declaration's modules (GraphQL DeclarationModules) holding it; null: upload only. */
  dataKey: string | null;
  /** In form order; empty for free-text and upload modules. */
  fields: readonly FieldDefinition[];
}

/** Enum values the API answers as codes, with their words (MALE → 男 / Male). */
export const ENUM_WORDS = {
  Gender: { MALE: { zh: '男', en: 'Male' }, FEMALE: { zh: '女', en: 'Female' } },
  IdType: {
    RESIDENT_ID: { zh: '居民身份证', en: 'Resident ID card' },
    PASSPORT: { zh: '护照', en: 'Passport' },
  },
  ExceptionalKind: {
    EDUCATION: { zh: '学历破格', en: 'By education' },
    SENIORITY: { zh: '资历破格', en: 'By seniority' },
    TWO_EXPERTS: { zh: '两名专家推荐破格', en: 'Two experts recommend' },
  },
  TalentSource: {
    INTRODUCED: { zh: '引进人才', en: 'Introduced' },
    IN_PROVINCE: { zh: '省内人才', en: 'In province' },
  },
  TalentServiceType: {
    FIRST: { zh: '首次认定', en: 'First recognition' },
    PROMOTION: { zh: '晋升认定', en: 'Promotion' },
  },
  PaperKind: { PAPER: { zh: '论文', en: 'Paper' }, BOOK: { zh: '著作', en: 'Book' } },
  EducationSource: {
    MANUAL: { zh: '本人填写', en: 'Entered by the applicant' },
    REGISTRY: { zh: '学信网获取', en: 'From the degree registry' },
  },
  AssessmentResult: {
    EXCELLENT: { zh: '优秀', en: 'Excellent' },
    COMPETENT: { zh: '合格', en: 'Competent' },
    BASICALLY_COMPETENT: { zh: '基本合格', en: 'Basically competent' },
    INCOMPETENT: { zh: '不合格', en: 'Incompetent' },
  },
  TalentLevel: {
    A: { zh: 'A类', en: 'Class A' },
    B: { zh: 'B类', en: 'Class B' },
    C: { zh: 'C类', en: 'Class C' },
    D: { zh: 'D类', en: 'Class D' },
    E: { zh: 'E类', en: 'Class E' },
  },
} as const satisfies Record<string, Record<string, Label>>;
export type EnumName = keyof typeof ENUM_WORDS;

type Limits = Partial<Pick<FieldDefinition, 'maxLength' | 'min' | 'max' | 'enumName'>>;
const field =
  (kind: FieldKind, required: boolean) =>
  (name: string, zh: string, en: string, limits: Limits = {}): FieldDefinition => ({
    name,
    zh,
    en,
    kind,
    required,
    ...limits,
  });
const text = (name: string, zh: string, en: string, maxLength = 100) =>
  field('text', true)(name, zh, en, { maxLength });
const optionalText = (name: string, zh: string, en: string, maxLength = 100) =>
  field('text', false)(name, zh, en, { maxLength });
const date = field('date', true);
const optionalDate = field('date', false);
const year = field('year', true);
const yesNo = field('boolean', true);
const code = field('code', true);
const choice = (name: string, zh: string, en: string, enumName: EnumName, required = true) =>
  field('choice', required)(name, zh, en, { enumName });
const integer = (name: string, zh: string, en: string, min: number, max: number, required = true) =>
  field('integer', required)(name, zh, en, { min, max });

const person = {
  name: text('name', '姓名', 'Name', 50),
  gender: choice('gender', '性别', 'Gender', 'Gender'),
  idType: choice('idType', '证件类型', 'ID type', 'IdType'),
  idNumber: text('idNumber', '证件号码', 'ID number', 30),
  mobile: text('mobile', '手机号码', 'Mobile', 20),
  birthDate: date('birthDate', '出生日期', 'Date of birth'),
  educationLevel: text('educationLevel', '最高学历', 'Highest education', 20),
  workUnitName: text('workUnitName', '工作单位', 'Employer', 100),
};

const startDate = date('startDate', '开始日期', 'From');
const endDate = date('endDate', '结束日期', 'To');
const openEndDate = optionalDate('endDate', '结束日期', 'To');

export const MODULES: Readonly<Record<ModuleKey, ModuleDefinition>> = {
  BASIC_INFO: {
    key: 'BASIC_INFO',
    dataKey: 'basicInfo',
    zh: '基本信息',
    en: 'Basic information',
    fields: [
      person.name,
      optionalText('formerName', '曾用名', 'Former name', 50),
      person.gender,
      text('ethnicity', '民族', 'Ethnicity', 20),
      text('politicalStatus', '政治面貌', 'Political status', 20),
      person.idType,
      person.idNumber,
      person.mobile,
      person.birthDate,
      person.educationLevel,
      date('workStartDate', '参加工作日期', 'Started working'),
      text('personnelType', '人员身份', 'Personnel type', 30),
      person.workUnitName,
      text('unitType', '单位类型', 'Unit type', 30),
      text('workNature', '工作属性', 'Nature of work', 30),
      optionalText('currentTitleName', '现专业技术资格', 'Current qualification', 50),
      optionalDate('currentTitleDate', '取得资格日期', 'Qualified on'),
      optionalDate('appointmentDate', '聘任日期', 'Appointed on'),
      optionalText('practiceQualificationName', '职（执）业资格名称', 'Practice qualification', 50),
      optionalDate('practiceQualificationDate', '职（执）业资格取得日期', 'Practice qualification date'),
      code('seriesCode', '申报系列', 'Series'),
      code('specialtyCode', '申报专业', 'Specialty'),
      code('scopeCode', '申报专业范围', 'Specialty scope'),
      code('titleCode', '申报职称名称', 'Title'),
      code('levelCode', '申报职称级别', 'Level'),
      code('practisedSpecialtyCode', '从事专业', 'Practised specialty'),
      integer('yearsInSpecialty', '从事本专业年限', 'Years in the specialty', 0, 60),
      choice('exceptionalKind', '破格类别', 'Exceptional kind', 'ExceptionalKind', false),
    ],
  },
  TALENT_BASIC_INFO: {
    key: 'TALENT_BASIC_INFO',
    dataKey: 'talentBasicInfo',
    zh: '基本信息',
    en: 'Basic information',
    fields: [
      person.name,
      person.gender,
      person.idType,
      person.idNumber,
      person.mobile,
      person.birthDate,
      person.educationLevel,
      person.workUnitName,
      text('post', '现任职务或岗位', 'Current post', 50),
      choice('source', '人才来源', 'Source', 'TalentSource'),
      optionalText('introducedFrom', '从何地（单位）引进', 'Introduced from', 100),
      choice('serviceType', '人才认定服务类型', 'Recognition type', 'TalentServiceType'),
      choice(
        'previousCategoryCode',
        '已在吉认定人才类别',
        'Previously recognised class',
        'TalentLevel',
        false,
      ),
      optionalDate('previousRecognitionDate', '认定日期', 'Recognised on'),
      yesNo('longTermContract', '是否签订长期聘用合同（五年以上）', 'Long-term contract (5+ years)'),
      optionalDate('contractStartDate', '引进或聘用合同（协议）开始时间', 'Contract start'),
      text('standardCode', '申请评定符合标准', 'Standard met', 20),
      choice('levelCode', '申请评定级别（层次）', 'Level', 'TalentLevel', false),
    ],
  },
  RECOMMENDERS: {
    key: 'RECOMMENDERS',
    dataKey: 'recommenders',
    zh: '破格推荐专家',
    en: 'Recommending experts',
    fields: [
      text('name', '姓名', 'Name', 50),
      person.idType,
      person.idNumber,
      text('workUnit', '现工作单位', 'Employer', 100),
      text('title', '专业技术职务', 'Professional title', 50),
      text('practisedSpecialty', '从事专业', 'Specialty', 50),
      optionalText('mobile', '手机号码', 'Mobile', 20),
      text('reason', '推荐理由', 'Reason', 500),
    ],
  },
  EDUCATION: {
    key: 'EDUCATION',
    dataKey: 'education',
    zh: '教育经历',
    en: 'Education',
    fields: [
      text('school', '毕业学校', 'School', 100),
      text('major', '所学专业', 'Major', 50),
      text('educationLevel', '学历', 'Education', 20),
      optionalText('degree', '学位', 'Degree', 20),
      text('studyMode', '教育方式', 'Mode', 20),
      date('startDate', '入学日期', 'From'),
      date('endDate', '毕业日期', 'To'),
      optionalText('diplomaNumber', '学历证书编号', 'Diploma number', 50),
      optionalText('degreeNumber', '学位证书编号', 'Degree number', 50),
      choice('source', '数据来源', 'Source', 'EducationSource', false),
    ],
  },
  CONTINUING_EDUCATION: {
    key: 'CONTINUING_EDUCATION',
    dataKey: 'continuingEducation',
    zh: '继续教育经历',
    en: 'Continuing education',
    fields: [
      text('studyMode', '学习方式', 'Mode', 20),
      text('content', '学习内容', 'Content', 200),
      text('organiser', '主办单位', 'Organiser', 100),
      startDate,
      endDate,
      integer('hours', '学时', 'Hours', 1, 10000, false),
    ],
  },
  PAPERS: {
    key: 'PAPERS',
    dataKey: 'papers',
    zh: '论文著作',
    en: 'Papers and books',
    fields: [
      choice('kind', '分类', 'Kind', 'PaperKind'),
      text('title', '论文题目 / 著作名称', 'Title', 200),
      text('publication', '刊物名称 / 出版社', 'Journal / publisher', 100),
      date('publishedDate', '发表/出版日期', 'Published'),
      text('authorRole', '本人排名或作者角色', 'Author role', 20),
      optionalText('serialNumber', '刊号 / 书号', 'ISSN / ISBN', 50),
    ],
  },
  WORK_EXPERIENCE: {
    key: 'WORK_EXPERIENCE',
    dataKey: 'workExperience',
    zh: '工作经历',
    en: 'Work experience',
    fields: [
      text('unit', '工作单位', 'Employer', 100),
      text('post', '工作岗位', 'Post', 50),
      startDate,
      openEndDate,
      optionalText('duties', '主要职责', 'Duties', 500),
    ],
  },
  PART_TIME_POSTS: {
    key: 'PART_TIME_POSTS',
    dataKey: 'partTimePosts',
    zh: '专业兼职',
    en: 'Part-time posts',
    fields: [
      text('organisation', '组织（机构）名称', 'Organisation', 100),
      text('supervisingDepartment', '主管部门', 'Supervising department', 100),
      text('post', '兼任职务', 'Post', 50),
      startDate,
      openEndDate,
    ],
  },
  ENTERPRISE_RESULTS: {
    key: 'ENTERPRISE_RESULTS',
    dataKey: 'enterpriseResults',
    zh: '企业人才业绩',
    en: 'Enterprise results',
    fields: [
      year('year', '年度', 'Year'),
      text('enterpriseName', '企业名称', 'Enterprise', 100),
      text('enterpriseScale', '企业规模', 'Scale', 20),
      text('position', '本人职务', 'Position', 50),
      yesNo('specialisedAndNew', '是否“专精特新”企业', '“Specialised and new” enterprise'),
      text('description', '业绩情况', 'Results', 500),
    ],
  },
  INNOVATION: {
    key: 'INNOVATION',
    dataKey: 'innovation',
    zh: '创新创业成果（突出业绩）',
    en: 'Innovation results',
    fields: [],
  },
  HONOURS: {
    key: 'HONOURS',
    dataKey: 'honours',
    zh: '人才荣誉表彰',
    en: 'Honours',
    fields: [
      text('name', '荣誉表彰名称', 'Honour', 100),
      text('grantedBy', '授予单位', 'Granted by', 100),
      date('grantedDate', '授予日期', 'Granted on'),
      text('rank', '级别', 'Rank', 20),
    ],
  },
  AWARDS: {
    key: 'AWARDS',
    dataKey: 'awards',
    zh: '专业获奖',
    en: 'Awards',
    fields: [
      text('name', '奖项名称', 'Award', 100),
      text('grade', '获奖等级', 'Grade', 20),
      integer('personalRank', '本人排名', 'Personal rank', 1, 100),
      text('grantedBy', '授予单位', 'Granted by', 100),
      date('grantedDate', '授予日期', 'Granted on'),
    ],
  },
  ANNUAL_ASSESSMENT: {
    key: 'ANNUAL_ASSESSMENT',
    dataKey: 'annualAssessments',
    zh: '年度考核',
    en: 'Annual assessments',
    fields: [year('year', '考核年度', 'Year'), choice('result', '考核结果', 'Result', 'AssessmentResult')],
  },
  WORK_SUMMARY: {
    key: 'WORK_SUMMARY',
    dataKey: 'workSummary',
    zh: '工作总结',
    en: 'Work summary',
    fields: [],
  },
  UNIT_PUBLICITY: {
    key: 'UNIT_PUBLICITY',
    dataKey: null,
    zh: '单位公示表',
    en: 'Unit publicity form',
    fields: [],
  },
  OTHER_MATERIALS: {
    key: 'OTHER_MATERIALS',
    dataKey: 'otherMaterials',
    zh: '其他材料',
    en: 'Other materials',
    fields: [text('name', '材料名称', 'Material', 50)],
  },
};

/** The module whose data lives under `dataKey` (basicInfo → BASIC_INFO). */
export function moduleByDataKey(dataKey: string): ModuleDefinition | undefined {
  return Object.values(MODULES).find((m) => m.dataKey === dataKey);
}

/** One field of a module, by its name. */
export function fieldOf(module: ModuleKey, name: string): FieldDefinition | undefined {
  return MODULES[module].fields.find((f) => f.name === name);
}

/**
 * The field a dotted path from the modules object names (`education.2.school`,
 * `basicInfo.name`), with its module; undefined for a path that names no field.
 */
export function fieldAtPath(path: string): { module: ModuleDefinition; field?: FieldDefinition } | undefined {
  const [dataKey, ...rest] = path.split('.');
  const module = moduleByDataKey(dataKey);
  if (!module) return undefined;
  const name = rest.find((part) => !/^\d+$/.test(part));
  const found = name === undefined ? undefined : module.fields.find((f) => f.name === name);
  return { module, ...(found ? { field: found } : {}) };
}
