import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CatalogueLevel, ChannelGroup, ModuleKey } from '../domain';
import { NoticeStatus } from '../entities';
import { BusinessFormKindEnum, ChannelOutcomeEnum, FileFormatEnum, ReviewLevelEnum } from './enums';

@ObjectType('FileRule', { description: 'How many proof files each entry of a module takes, and which' })
@InputType('FileRuleInput')
export class FileRuleGql {
  @Field(() => Int) min!: number;
  @Field(() => Int) max!: number;
  @Field(() => [FileFormatEnum]) formats!: FileFormatEnum[];
  @Field(() => Int) maxSizeKb!: number;
}

@ObjectType('ModuleConfig', { description: 'One module of the notice form' })
@InputType('ModuleConfigInput')
export class ModuleConfigGql {
  @Field(() => ModuleKey) key!: ModuleKey;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'English name; absent: the vocabulary default' })
  nameEn?: string | null;
  @Field() required!: boolean;
  @Field(() => Int, { nullable: true, description: 'At most this many entries (list modules)' })
  maxEntries?: number | null;
  @Field(() => FileRuleGql, { nullable: true, description: 'Absent: entries carry no files' })
  filesPerEntry?: FileRuleGql | null;
}

@ObjectType('AttachmentSlotConfig', { description: 'One entry of the attachment catalogue (附件材料信息)' })
@InputType('AttachmentSlotConfigInput')
export class AttachmentSlotConfigGql {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'English name; absent: the vocabulary default' })
  nameEn?: string | null;
  @Field(() => [FileFormatEnum]) formats!: FileFormatEnum[];
  @Field(() => Int) maxSizeKb!: number;
  @Field(() => Int) maxCount!: number;
  @Field() required!: boolean;
  @Field(() => ModuleKey, {
    nullable: true,
    description: 'Shown inside this module instead of the attachment list (photo, 单位公示表)',
  })
  module?: ModuleKey | null;
}

@ObjectType('FormConfig', {
  description: 'Which modules and attachments a notice asks for, with their limits',
})
@InputType('FormConfigInput')
export class FormConfigGql {
  @Field(() => [ModuleConfigGql]) modules!: ModuleConfigGql[];
  @Field(() => [AttachmentSlotConfigGql]) attachments!: AttachmentSlotConfigGql[];
  @Field(() => Int, { description: '创新创业成果 at most this many characters' })
  innovationTextLimit!: number;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Jiangsu 学历学位信息: a diploma or degree number per entry, each number with its file',
  })
  educationCertificateNumbers?: boolean | null;
}

@ObjectType('RouteLevel', { description: 'One level of the review route (单位 → 主管部门 → 人社 → 评委会)' })
@InputType('RouteLevelInput')
export class RouteLevelGql {
  @Field(() => ReviewLevelEnum) level!: ReviewLevelEnum;
  @Field(() => ID, { nullable: true, description: "identity's organisation id, when the notice fixes it" })
  organisationId?: string | null;
  @Field() name!: string;
}

@ObjectType('NoticeCoverage', {
  description: 'Who may declare under a notice; an empty list does not restrict',
})
@InputType('NoticeCoverageInput')
export class NoticeCoverageGql {
  @Field(() => [ID]) unitIds!: string[];
  @Field(() => [String], { description: 'Region codes; 220000 covers 220104' }) regionCodes!: string[];
  @Field(() => [String], { description: 'Title series codes' }) seriesCodes!: string[];
}

@ObjectType('Committee', { description: 'A review committee (评委会) a notice lets applicants choose' })
export class CommitteeView {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field() name!: string;
  @Field() regionCode!: string;
  @Field(() => [String], { description: 'Level codes reviewed; empty = all' }) levelCodes!: string[];
  @Field(() => [String], { description: 'Series codes reviewed; empty = all' }) seriesCodes!: string[];
  @Field(() => [String], { description: 'Specialty codes reviewed; empty = all of its series' })
  specialtyCodes!: string[];
}

@InputType('CommitteeInput')
export class CommitteeInput {
  @Field(() => ID, { nullable: true, description: 'Stable id within the notice; made when absent' })
  id?: string | null;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field() name!: string;
  @Field() regionCode!: string;
  @Field(() => [String], { nullable: true }) levelCodes?: string[] | null;
  @Field(() => [String], { nullable: true }) seriesCodes?: string[] | null;
  @Field(() => [String], { nullable: true }) specialtyCodes?: string[] | null;
}

@ObjectType('Channel', { description: 'A declaration channel (申报通道): configuration, not code' })
export class ChannelView {
  @Field(() => ID) code!: string;
  @Field() name!: string;
  @Field(() => ChannelGroup) group!: ChannelGroup;
  @Field({ description: 'e.g. 专业技术职称评审申报' }) groupName!: string;
  @Field(() => [ReviewLevelEnum], { description: 'The default review route, lowest level first' })
  route!: ReviewLevelEnum[];
  @Field({ description: 'Whether 破格 (EXCEPTIONAL) declarations are possible' }) allowsExceptional!: boolean;
  @Field({
    description: 'Whether the applicant chooses a review committee when starting (江苏 职称评审申报)',
  })
  requiresCommittee!: boolean;
  @Field({ description: 'Whether basic info chooses series → specialty → scope → title → level' })
  usesTitleCatalogue!: boolean;
  @Field(() => [BusinessFormKindEnum]) businessForms!: BusinessFormKindEnum[];
  @Field(() => FormConfigGql, {
    description: 'What a new notice on this channel asks for unless it says otherwise',
  })
  defaultFormConfig!: FormConfigGql;
  @Field(() => ChannelOutcomeEnum, { description: 'What passing the last route level means' })
  outcomeAfterRoute!: ChannelOutcomeEnum;
  @Field(() => Int, { description: 'Menu order' }) sortOrder!: number;
  @Field(() => Date, { nullable: true, description: 'Retired: no new notices on it' })
  retiredAt?: Date | null;
}

@InputType('ChannelInput', {
  description: 'A channel as the bureau configures it (createChannel / updateChannel)',
})
export class ChannelInput {
  @Field() name!: string;
  @Field(() => ChannelGroup) group!: ChannelGroup;
  @Field(() => Int, { nullable: true, description: 'Menu order; absent: last (create) or unchanged' })
  sortOrder?: number | null;
  @Field(() => [ReviewLevelEnum], { description: 'The default review route, lowest level first' })
  route!: ReviewLevelEnum[];
  @Field(() => ChannelOutcomeEnum) outcomeAfterRoute!: ChannelOutcomeEnum;
  @Field() requiresCommittee!: boolean;
  @Field() allowsExceptional!: boolean;
  @Field() usesTitleCatalogue!: boolean;
  @Field(() => [BusinessFormKindEnum]) businessForms!: BusinessFormKindEnum[];
  @Field(() => FormConfigGql) defaultFormConfig!: FormConfigGql;
}

@ObjectType('NoticeProblem', { description: 'One thing that keeps a notice from being published' })
export class NoticeProblemView {
  @Field({ description: 'Dotted path into the notice (route, formConfig.modules, committees, closesAt …)' })
  field!: string;
  @Field() code!: string;
  @Field() message!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Notice', { description: 'A notice (通知): channel, window, coverage, route and form' })
export class NoticeView {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => ChannelView) channel!: ChannelView;
  @Field() opensAt!: Date;
  @Field() closesAt!: Date;
  @Field({ description: '申报注意事项' }) notes!: string;
  @Field(() => NoticeStatus) status!: NoticeStatus;
  @Field(() => Date, { nullable: true }) publishedAt?: Date | null;
  @Field(() => FormConfigGql) formConfig!: FormConfigGql;
  @Field(() => [RouteLevelGql]) route!: RouteLevelGql[];
  @Field(() => NoticeCoverageGql) coverage!: NoticeCoverageGql;
  @Field(() => [CommitteeView]) committees!: CommitteeView[];
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // isOpen and daysLeft are field resolvers (they depend on the clock).
  /** Not a field: the channel resolver loads it. */
  channelCode!: string;
}

@InputType('NoticeInput', { description: 'Everything a notice says; updateNotice replaces it whole' })
export class NoticeInput {
  @Field() channelCode!: string;
  @Field() title!: string;
  @Field() opensAt!: Date;
  @Field() closesAt!: Date;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => NoticeCoverageGql, { nullable: true, description: 'Absent: everyone' })
  coverage?: NoticeCoverageGql | null;
  @Field(() => [RouteLevelGql]) route!: RouteLevelGql[];
  @Field(() => FormConfigGql, { nullable: true, description: "Absent: the channel's default form" })
  formConfig?: FormConfigGql | null;
  @Field(() => [CommitteeInput], { nullable: true }) committees?: CommitteeInput[] | null;
}

@ObjectType('CatalogueNode', {
  description: 'The title catalogue: 申报系列 → 申报专业 → 申报专业范围 → 申报职称名称 → 申报职称级别',
})
export class CatalogueNodeView {
  @Field(() => ID) code!: string;
  @Field() name!: string;
  @Field(() => CatalogueLevel) level!: CatalogueLevel;
  @Field(() => [CatalogueNodeView]) children!: CatalogueNodeView[];
}
