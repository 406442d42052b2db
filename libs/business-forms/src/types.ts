// What the forms show, as plain display data: the declaration service resolves codes to their
// words (系列, 专业, 级别, 学历 …) before calling, so this library knows no catalogue.
import { BUSINESS_FORM, zhWords } from '@zhicheng/vocabulary';

/** A calendar date `YYYY-MM-DD` (or `YYYY-MM`); shown as 2026年3月1日 / 出生年月 as 1990年5月. */
export type IsoDate = string;

export type BusinessFormKind = 'REVIEW_LIST' | 'PUBLICITY' | 'TALENT_APPLICATION';

export interface ApplicantFacts {
  name: string;
  /** 男 / 女 */
  gender?: string | null;
  birthDate?: IsoDate | null;
  ethnicity?: string | null;
  politicalStatus?: string | null;
  idNumber?: string | null;
  mobile?: string | null;
  /** 工作单位 */
  unitName: string;
  /** 现任职务或岗位 */
  post?: string | null;
  /** 最高学历（学位）, e.g. 大学本科（学士）, or a fuller line with school and major. */
  education?: string | null;
  workStartDate?: IsoDate | null;
  /** 现专业技术资格 and 取得时间 */
  currentTitle?: string | null;
  currentTitleDate?: IsoDate | null;
}

/** The five catalogue choices, as words. */
export interface AppliedTitle {
  seriesName: string;
  specialtyName: string;
  scopeName?: string | null;
  titleName: string;
  levelName: string;
}

export interface EducationLine {
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  school: string;
  major?: string | null;
  /** 学历 */
  educationLevel?: string | null;
  degree?: string | null;
  studyMode?: string | null;
}

export interface WorkLine {
  startDate?: IsoDate | null;
  /** Empty: 至今 */
  endDate?: IsoDate | null;
  unit: string;
  post?: string | null;
}

/** An honour, award or result: name, date, who granted it / a level. */
export interface RecordLine {
  name: string;
  date?: IsoDate | null;
  grantor?: string | null;
  level?: string | null;
}

/** One applicant's row in 职称评审一览表. */
export interface ReviewListEntry {
  applicant: ApplicantFacts;
  title: AppliedTitle;
  /** 申报类别: 正常 / 破格 (with the kind, e.g. 破格（两名专家推荐破格）). */
  category: string;
  /** 从事本专业年限 */
  yearsInSpecialty?: number | null;
  /** e.g. 2023年 合格；2024年 优秀 */
  annualAssessment?: string | null;
  /** 主要业绩 / 工作总结摘要 (shortened to fit; the full text stays in the declaration). */
  achievements?: string | null;
}

export interface ReviewListData {
  /** Heading; default 职称评审一览表. */
  heading?: string | null;
  /** The notice and the recommending unit, shown under the heading. */
  noticeTitle?: string | null;
  recommendingUnit?: string | null;
  entries: ReviewListEntry[];
  /** When the form was produced (shown in the footer); default now. */
  generatedAt?: Date;
}

export interface PublicityData {
  heading?: string | null;
  applicant: ApplicantFacts;
  title: AppliedTitle;
  category: string;
  /** 主要业绩 shown to colleagues (shortened to fit). */
  achievements?: string | null;
  /** 推荐单位 that publishes the form */
  recommendingUnit: string;
  publicity: { startDate: IsoDate; endDate: IsoDate };
  /** Where objections go: the accepting department or person, a telephone, optionally an address. */
  objectionContact: { name: string; phone: string; address?: string | null };
  generatedAt?: Date;
}

export interface TalentApplicationData {
  heading?: string | null;
  applicant: ApplicantFacts;
  /** 人才来源: 引进人才 / 省内人才, and 从何地（单位）引进 */
  source: string;
  introducedFrom?: string | null;
  /** 人才认定服务类型: 首次认定 / 晋升认定, and the previous category with its date */
  serviceType: string;
  previousCategory?: string | null;
  previousRecognitionDate?: IsoDate | null;
  /** 是否签订长期聘用合同（五年以上）, and the contract start when not */
  longTermContract: boolean;
  contractStartDate?: IsoDate | null;
  /** 申请评定符合标准 (its text) and the level it gives */
  standard: string;
  levelName: string;
  education: EducationLine[];
  workExperience: WorkLine[];
  /** 主要创新创业成果（突出业绩） */
  innovation?: string | null;
  honours?: RecordLine[];
  awards?: RecordLine[];
  enterpriseResults?: RecordLine[];
  generatedAt?: Date;
}

export interface BusinessFormData {
  REVIEW_LIST: ReviewListData;
  PUBLICITY: PublicityData;
  TALENT_APPLICATION: TalentApplicationData;
}

/** The names the declaration lists under 业务表册信息 (and a download would be called). */
export const BUSINESS_FORM_NAMES: Readonly<Record<BusinessFormKind, string>> = zhWords(BUSINESS_FORM);
