// Valid declarations to start tests from: each test breaks exactly one thing.
import { makeResidentId } from '@zhicheng/domain-codes';
import {
  findChannel,
  type AttachmentFact,
  type BasicInfo,
  type ChannelConfig,
  type DeclarationCategory,
  type DeclarationFacts,
  type FileFormat,
  type ModuleData,
  type ModuleKey,
  type TalentBasicInfo,
} from '../../src/domain';

export const TODAY = '2026-11-23';

export const APPLICANT_ID = makeResidentId({ region: '220102', birthDate: '19880808', sequence: 11 });
export const EXPERT_A_ID = makeResidentId({ region: '220102', birthDate: '19650101', sequence: 21 });
export const EXPERT_B_ID = makeResidentId({ region: '220104', birthDate: '19700202', sequence: 32 });

let counter = 0;
/** A stable, valid uuid (v4 shape) per call. */
export function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function channel(code: string): ChannelConfig {
  const found = findChannel(code);
  if (!found) throw new Error(`no channel ${code}`);
  return found;
}

export function basicInfo(overrides: Partial<BasicInfo> = {}): BasicInfo {
  return {
    name: '张伟',
    gender: 'MALE',
    ethnicity: '汉族',
    politicalStatus: '群众',
    idType: 'RESIDENT_ID',
    idNumber: APPLICANT_ID,
    mobile: '13800000001',
    birthDate: '1988-08-08',
    educationLevel: '大学本科',
    workStartDate: '2010-07-01',
    personnelType: '专业技术人员',
    workUnitName: '长春市第一软件有限公司',
    unitType: '企业',
    workNature: '应用',
    currentTitleName: '工程师',
    currentTitleDate: '2019-10-04',
    appointmentDate: '2019-10-20',
    seriesCode: 'ENG',
    specialtyCode: 'ENG.EI',
    scopeCode: 'ENG.EI.SOFTWARE',
    titleCode: 'ENG.SENIOR_ENGINEER',
    levelCode: 'DEPUTY_SENIOR',
    practisedSpecialtyCode: 'ENG.EI.SOFTWARE',
    yearsInSpecialty: 12,
    exceptionalKind: null,
    ...overrides,
  };
}

export function talentBasicInfo(overrides: Partial<TalentBasicInfo> = {}): TalentBasicInfo {
  return {
    name: '张伟',
    gender: 'MALE',
    idType: 'RESIDENT_ID',
    idNumber: APPLICANT_ID,
    mobile: '13800000001',
    birthDate: '1988-08-08',
    educationLevel: '研究生',
    workUnitName: '吉林大学第一医院',
    post: '科室主任',
    source: 'IN_PROVINCE',
    introducedFrom: null,
    serviceType: 'FIRST',
    previousCategoryCode: null,
    previousRecognitionDate: null,
    longTermContract: true,
    contractStartDate: null,
    standardCode: 'E-01',
    levelCode: 'E',
    ...overrides,
  };
}

export const education = (overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  school: '吉林大学',
  major: '计算机科学与技术',
  educationLevel: '大学本科',
  degree: '学士',
  studyMode: '全日制',
  startDate: '2006-09-01',
  endDate: '2010-07-01',
  diplomaNumber: '101831201005001234',
  degreeNumber: null,
  ...overrides,
});

export const workExperience = (overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  unit: '长春市第一软件有限公司',
  post: '软件工程师',
  startDate: '2010-07-01',
  endDate: null,
  ...overrides,
});

export const annualAssessment = (year: number, overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  year,
  result: 'COMPETENT' as const,
  ...overrides,
});

export const recommender = (idNumber: string, overrides: Record<string, unknown> = {}) => ({
  id: uuid(),
  name: idNumber === EXPERT_A_ID ? '王教授' : '刘研究员',
  idType: 'RESIDENT_ID' as const,
  idNumber,
  workUnit: '吉林大学',
  title: '教授',
  practisedSpecialty: '计算机软件',
  mobile: null,
  reason: '该同志在软件工程领域业绩突出，推荐破格申报。',
  ...overrides,
});

let attachmentCounter = 0;
export function catalogueFile(code: string, format: FileFormat = 'pdf', sizeBytes = 100_000): AttachmentFact {
  attachmentCounter += 1;
  return { id: `att-${attachmentCounter}`, slot: { kind: 'CATALOGUE', code }, format, sizeBytes };
}

export function entryFile(
  module: ModuleKey,
  entryId: string,
  format: FileFormat = 'pdf',
  sizeBytes = 100_000,
): AttachmentFact {
  attachmentCounter += 1;
  return { id: `att-${attachmentCounter}`, slot: { kind: 'ENTRY', module, entryId }, format, sizeBytes };
}

/** A complete, valid 正常职称申报 (or 破格 with two experts) that the report passes. */
export function titleDeclaration(
  opts: { category?: DeclarationCategory; channelCode?: string } = {},
): DeclarationFacts & { data: ModuleData; attachments: AttachmentFact[] } {
  const category = opts.category ?? 'NORMAL';
  const ch = channel(opts.channelCode ?? 'TITLE_NORMAL');
  const edu = education();
  const data: ModuleData = {
    basicInfo: basicInfo(category === 'EXCEPTIONAL' ? { exceptionalKind: 'TWO_EXPERTS' } : {}),
    education: [edu],
    workExperience: [workExperience()],
    annualAssessments: [annualAssessment(2023), annualAssessment(2024), annualAssessment(2025)],
  };
  const attachments = [
    catalogueFile('PHOTO', 'jpg'),
    catalogueFile('ID_CARD', 'jpg'),
    catalogueFile('ID_CARD', 'jpg'),
    catalogueFile('UNIT_PUBLICITY'),
    entryFile('EDUCATION', edu.id),
  ];
  if (category === 'EXCEPTIONAL') {
    data.recommenders = [recommender(EXPERT_A_ID), recommender(EXPERT_B_ID)];
    for (const r of data.recommenders) attachments.push(entryFile('RECOMMENDERS', r.id, 'zip'));
  }
  return { config: ch.defaultFormConfig, channel: ch, category, data, attachments, today: TODAY };
}

/** A complete, valid 人才分类定级评定 declaration. */
export function talentDeclaration(): DeclarationFacts & { data: ModuleData; attachments: AttachmentFact[] } {
  const ch = channel('TALENT_CLASSIFICATION');
  const edu = education({ educationLevel: '研究生', degree: '博士' });
  return {
    config: ch.defaultFormConfig,
    channel: ch,
    category: 'NORMAL',
    data: {
      talentBasicInfo: talentBasicInfo(),
      education: [edu],
      workExperience: [workExperience()],
      innovation: '主持省级重点研发项目两项，成果已在省内三家医院推广应用。',
    },
    attachments: [
      catalogueFile('PHOTO', 'jpg'),
      catalogueFile('ID_CARD', 'jpg'),
      entryFile('EDUCATION', edu.id),
    ],
    today: TODAY,
  };
}
