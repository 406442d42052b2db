// The typed GraphQL shapes of the declaration's modules. Each entry class is both the output type
// and the input type (they carry the same fields), so the two cannot drift apart. Input fields are
// nullable on purpose: the domain's validateModuleInput reports every missing or wrong field at
// once, in Chinese, with its path, which GraphQL's own coercion errors cannot do.
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  AssessmentResult,
  EducationSource,
  ExceptionalKind,
  Gender,
  IdType,
  ModuleKey,
  PaperKind,
  TalentServiceType,
  TalentSource,
} from '../domain';

registerEnumType(ModuleKey, { name: 'ModuleKey', description: 'A module of the 02 信息填报 step' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(IdType, { name: 'IdType' });
registerEnumType(ExceptionalKind, {
  name: 'ExceptionalKind',
  description: '破格类别: EDUCATION 学历破格 / SENIORITY 资历破格 / TWO_EXPERTS 两名专家推荐破格',
});
registerEnumType(TalentSource, {
  name: 'TalentSource',
  description: 'INTRODUCED 引进人才 / IN_PROVINCE 省内人才',
});
registerEnumType(TalentServiceType, {
  name: 'TalentServiceType',
  description: 'FIRST 首次认定 / PROMOTION 晋升认定',
});
registerEnumType(EducationSource, {
  name: 'EducationSource',
  description: 'MANUAL entered by hand / REGISTRY fetched from the degree registry',
});
registerEnumType(PaperKind, { name: 'PaperKind', description: 'PAPER 论文 / BOOK 著作' });
registerEnumType(AssessmentResult, {
  name: 'AssessmentResult',
  description: 'EXCELLENT 优秀 / COMPETENT 合格 / BASICALLY_COMPETENT 基本合格 / INCOMPETENT 不合格',
});

const DATE = 'Calendar date YYYY-MM-DD';

@ObjectType('BasicInfo', { description: '基本信息 of the title channels' })
@InputType('BasicInfoInput')
export class BasicInfoGql {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: '曾用名' }) formerName?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true, description: '民族' }) ethnicity?: string | null;
  @Field(() => String, { nullable: true, description: '政治面貌' }) politicalStatus?: string | null;
  @Field(() => IdType, { nullable: true }) idType?: IdType | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) mobile?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) birthDate?: string | null;
  @Field(() => String, { nullable: true, description: '最高学历' }) educationLevel?: string | null;
  @Field(() => String, { nullable: true, description: `参加工作日期, ${DATE}` }) workStartDate?:
    string | null;
  @Field(() => String, { nullable: true, description: '人员身份' }) personnelType?: string | null;
  @Field(() => String, { nullable: true, description: '工作单位' }) workUnitName?: string | null;
  @Field(() => String, { nullable: true, description: '单位类型' }) unitType?: string | null;
  @Field(() => String, { nullable: true, description: '工作属性' }) workNature?: string | null;
  @Field(() => String, { nullable: true, description: '现专业技术资格' }) currentTitleName?: string | null;
  @Field(() => String, { nullable: true, description: `取得资格日期, ${DATE}` }) currentTitleDate?:
    string | null;
  @Field(() => String, { nullable: true, description: `聘任日期, ${DATE}` }) appointmentDate?: string | null;
  @Field(() => String, { nullable: true, description: '职（执）业资格名称' })
  practiceQualificationName?: string | null;
  @Field(() => String, { nullable: true, description: `职(执)业资格取得日期, ${DATE}` })
  practiceQualificationDate?: string | null;
  @Field(() => String, { nullable: true, description: '申报系列 (catalogue code)' }) seriesCode?:
    string | null;
  @Field(() => String, { nullable: true, description: '申报专业' }) specialtyCode?: string | null;
  @Field(() => String, { nullable: true, description: '申报专业范围' }) scopeCode?: string | null;
  @Field(() => String, { nullable: true, description: '申报职称名称' }) titleCode?: string | null;
  @Field(() => String, { nullable: true, description: '申报职称级别' }) levelCode?: string | null;
  @Field(() => String, { nullable: true, description: '从事专业: must equal 申报专业范围 (scopeCode)' })
  practisedSpecialtyCode?: string | null;
  @Field(() => Int, { nullable: true, description: '从事本专业年限' }) yearsInSpecialty?: number | null;
  @Field(() => ExceptionalKind, { nullable: true, description: '破格类别 (EXCEPTIONAL declarations only)' })
  exceptionalKind?: ExceptionalKind | null;
}

@ObjectType('TalentBasicInfo', { description: '人才分类定级 基本信息' })
@InputType('TalentBasicInfoInput')
export class TalentBasicInfoGql {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => IdType, { nullable: true }) idType?: IdType | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) mobile?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) educationLevel?: string | null;
  @Field(() => String, { nullable: true }) workUnitName?: string | null;
  @Field(() => String, { nullable: true, description: '现任职务或岗位' }) post?: string | null;
  @Field(() => TalentSource, { nullable: true, description: '人才来源' }) source?: TalentSource | null;
  @Field(() => String, { nullable: true, description: '从何地(单位)引进 (required for 引进人才)' })
  introducedFrom?: string | null;
  @Field(() => TalentServiceType, { nullable: true, description: '人才认定服务类型' })
  serviceType?: TalentServiceType | null;
  @Field(() => String, { nullable: true, description: '已在吉认定人才类别 (required for 晋升认定)' })
  previousCategoryCode?: string | null;
  @Field(() => String, { nullable: true, description: `认定日期, ${DATE}` }) previousRecognitionDate?:
    string | null;
  @Field(() => Boolean, { nullable: true, description: '是否签订长期聘用合同（五年以上）' })
  longTermContract?: boolean | null;
  @Field(() => String, { nullable: true, description: `引进或聘用合同(协议)开始时间, ${DATE}` })
  contractStartDate?: string | null;
  @Field(() => String, { nullable: true, description: '申请评定符合标准' }) standardCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '申请评定级别(层次): derived from standardCode; ignored on input',
  })
  levelCode?: string | null;
}

@ObjectType('Recommender', { description: '破格推荐专家' })
@InputType('RecommenderInput')
export class RecommenderGql {
  @Field(() => ID, { description: 'Client-generated uuid; attachments of the entry refer to it' })
  id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => IdType, { nullable: true }) idType?: IdType | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true, description: '现工作单位' }) workUnit?: string | null;
  @Field(() => String, { nullable: true, description: '专业技术职务' }) title?: string | null;
  @Field(() => String, { nullable: true, description: '从事专业' }) practisedSpecialty?: string | null;
  @Field(() => String, { nullable: true }) mobile?: string | null;
  @Field(() => String, { nullable: true, description: '推荐理由' }) reason?: string | null;
}

/**
 * An education entry as the applicant sends it. It has no `source`: only the server marks a
 * record as fetched from a degree registry (a registry record needs no proof file).
 */
@InputType('EducationEntryInput')
export class EducationEntryInputGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) school?: string | null;
  @Field(() => String, { nullable: true }) major?: string | null;
  @Field(() => String, { nullable: true, description: '学历' }) educationLevel?: string | null;
  @Field(() => String, { nullable: true, description: '学位' }) degree?: string | null;
  @Field(() => String, { nullable: true, description: '教育方式' }) studyMode?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) startDate?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: '学历证书编号' }) diplomaNumber?: string | null;
  @Field(() => String, { nullable: true, description: '学位证书编号' }) degreeNumber?: string | null;
}

@ObjectType('EducationEntry', { description: '学习教育经历 / 学历学位信息' })
export class EducationEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) school?: string | null;
  @Field(() => String, { nullable: true }) major?: string | null;
  @Field(() => String, { nullable: true, description: '学历' }) educationLevel?: string | null;
  @Field(() => String, { nullable: true, description: '学位' }) degree?: string | null;
  @Field(() => String, { nullable: true, description: '教育方式' }) studyMode?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) startDate?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: '学历证书编号' }) diplomaNumber?: string | null;
  @Field(() => String, { nullable: true, description: '学位证书编号' }) degreeNumber?: string | null;
  @Field(() => EducationSource, {
    nullable: true,
    description:
      'REGISTRY only when this service fetched it from a degree registry; never taken from a client',
  })
  source?: EducationSource | null;
}

@ObjectType('ContinuingEducationEntry', { description: '继续教育(培训)经历' })
@InputType('ContinuingEducationEntryInput')
export class ContinuingEducationEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: '学习方式' }) studyMode?: string | null;
  @Field(() => String, { nullable: true, description: '学习内容' }) content?: string | null;
  @Field(() => String, { nullable: true, description: '主办单位' }) organiser?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) startDate?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) endDate?: string | null;
  @Field(() => Int, { nullable: true, description: '学时' }) hours?: number | null;
}

@ObjectType('PaperEntry', { description: '论文著作' })
@InputType('PaperEntryInput')
export class PaperEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => PaperKind, { nullable: true }) kind?: PaperKind | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: '刊物名称 / 出版社' }) publication?: string | null;
  @Field(() => String, { nullable: true, description: `发表/出版日期, ${DATE}` }) publishedDate?:
    string | null;
  @Field(() => String, { nullable: true, description: '本人排名或作者角色' }) authorRole?: string | null;
  @Field(() => String, { nullable: true, description: '刊号 / 书号' }) serialNumber?: string | null;
}

@ObjectType('WorkExperienceEntry', { description: '工作经历 (no files)' })
@InputType('WorkExperienceEntryInput')
export class WorkExperienceEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => String, { nullable: true, description: '工作岗位' }) post?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) startDate?: string | null;
  @Field(() => String, { nullable: true, description: `${DATE}; null: 至今` }) endDate?: string | null;
  @Field(() => String, { nullable: true }) duties?: string | null;
}

@ObjectType('PartTimePostEntry', { description: '专业兼职' })
@InputType('PartTimePostEntryInput')
export class PartTimePostEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: '组织（机构）名称' }) organisation?: string | null;
  @Field(() => String, { nullable: true, description: '主管部门' }) supervisingDepartment?: string | null;
  @Field(() => String, { nullable: true, description: '兼任职务' }) post?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) startDate?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) endDate?: string | null;
}

@ObjectType('EnterpriseResultEntry', { description: '企业人才业绩 (近三年)' })
@InputType('EnterpriseResultEntryInput')
export class EnterpriseResultEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => String, { nullable: true }) enterpriseName?: string | null;
  @Field(() => String, { nullable: true, description: '企业规模' }) enterpriseScale?: string | null;
  @Field(() => String, { nullable: true, description: '本人职务' }) position?: string | null;
  @Field(() => Boolean, { nullable: true, description: '是否"专精特新"企业' }) specialisedAndNew?:
    boolean | null;
  @Field(() => String, { nullable: true, description: '业绩情况' }) description?: string | null;
}

@ObjectType('HonourEntry', { description: '人才荣誉表彰' })
@InputType('HonourEntryInput')
export class HonourEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: '授予单位' }) grantedBy?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) grantedDate?: string | null;
  @Field(() => String, { nullable: true, description: '级别' }) rank?: string | null;
}

@ObjectType('AwardEntry', { description: '专业获奖' })
@InputType('AwardEntryInput')
export class AwardEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: '获奖等级' }) grade?: string | null;
  @Field(() => Int, { nullable: true, description: '本人排名' }) personalRank?: number | null;
  @Field(() => String, { nullable: true }) grantedBy?: string | null;
  @Field(() => String, { nullable: true, description: DATE }) grantedDate?: string | null;
}

@ObjectType('AnnualAssessmentEntry', { description: '年度考核' })
@InputType('AnnualAssessmentEntryInput')
export class AnnualAssessmentEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) year?: number | null;
  @Field(() => AssessmentResult, { nullable: true }) result?: AssessmentResult | null;
}

@ObjectType('OtherMaterialEntry', { description: '其他材料: a named upload' })
@InputType('OtherMaterialEntryInput')
export class OtherMaterialEntryGql {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
}

/** What the applicant filled in; a null module has not been filled. */
@ObjectType('DeclarationModules')
export class DeclarationModulesView {
  @Field(() => BasicInfoGql, { nullable: true }) basicInfo?: BasicInfoGql | null;
  @Field(() => TalentBasicInfoGql, { nullable: true }) talentBasicInfo?: TalentBasicInfoGql | null;
  @Field(() => [RecommenderGql], { nullable: true }) recommenders?: RecommenderGql[] | null;
  @Field(() => [EducationEntryGql], { nullable: true }) education?: EducationEntryGql[] | null;
  @Field(() => [ContinuingEducationEntryGql], { nullable: true })
  continuingEducation?: ContinuingEducationEntryGql[] | null;
  @Field(() => [PaperEntryGql], { nullable: true }) papers?: PaperEntryGql[] | null;
  @Field(() => [WorkExperienceEntryGql], { nullable: true }) workExperience?: WorkExperienceEntryGql[] | null;
  @Field(() => [PartTimePostEntryGql], { nullable: true }) partTimePosts?: PartTimePostEntryGql[] | null;
  @Field(() => [EnterpriseResultEntryGql], { nullable: true })
  enterpriseResults?: EnterpriseResultEntryGql[] | null;
  @Field(() => String, { nullable: true, description: '创新创业成果（突出业绩）' }) innovation?:
    string | null;
  @Field(() => [HonourEntryGql], { nullable: true }) honours?: HonourEntryGql[] | null;
  @Field(() => [AwardEntryGql], { nullable: true }) awards?: AwardEntryGql[] | null;
  @Field(() => [AnnualAssessmentEntryGql], { nullable: true })
  annualAssessments?: AnnualAssessmentEntryGql[] | null;
  @Field(() => String, { nullable: true, description: '工作总结, kept exactly as typed' })
  workSummary?: string | null;
  @Field(() => [OtherMaterialEntryGql], { nullable: true }) otherMaterials?: OtherMaterialEntryGql[] | null;
}

/**
 * A save replaces only the modules it names: an absent field leaves that module as it was, an
 * explicit null clears it.
 */
@InputType('DeclarationModulesInput')
export class DeclarationModulesInput {
  @Field(() => BasicInfoGql, { nullable: true }) basicInfo?: BasicInfoGql | null;
  @Field(() => TalentBasicInfoGql, { nullable: true }) talentBasicInfo?: TalentBasicInfoGql | null;
  @Field(() => [RecommenderGql], { nullable: true }) recommenders?: RecommenderGql[] | null;
  @Field(() => [EducationEntryInputGql], { nullable: true }) education?: EducationEntryInputGql[] | null;
  @Field(() => [ContinuingEducationEntryGql], { nullable: true })
  continuingEducation?: ContinuingEducationEntryGql[] | null;
  @Field(() => [PaperEntryGql], { nullable: true }) papers?: PaperEntryGql[] | null;
  @Field(() => [WorkExperienceEntryGql], { nullable: true }) workExperience?: WorkExperienceEntryGql[] | null;
  @Field(() => [PartTimePostEntryGql], { nullable: true }) partTimePosts?: PartTimePostEntryGql[] | null;
  @Field(() => [EnterpriseResultEntryGql], { nullable: true })
  enterpriseResults?: EnterpriseResultEntryGql[] | null;
  @Field(() => String, { nullable: true }) innovation?: string | null;
  @Field(() => [HonourEntryGql], { nullable: true }) honours?: HonourEntryGql[] | null;
  @Field(() => [AwardEntryGql], { nullable: true }) awards?: AwardEntryGql[] | null;
  @Field(() => [AnnualAssessmentEntryGql], { nullable: true })
  annualAssessments?: AnnualAssessmentEntryGql[] | null;
  @Field(() => String, { nullable: true }) workSummary?: string | null;
  @Field(() => [OtherMaterialEntryGql], { nullable: true }) otherMaterials?: OtherMaterialEntryGql[] | null;
}
