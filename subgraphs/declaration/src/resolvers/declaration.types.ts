import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IdType, ModuleKey } from '../domain';
import { AttachmentSlotKind, DeclarationCategory, DeclarationStatus } from '../entities';
import type * as E from '../entities';
import { BusinessFormKindEnum, FileFormatEnum, ReviewLevelEnum } from './enums';

/** ModuleKey plus ATTACHMENTS (the 附件材料信息 list): where a validation problem belongs. */
export const ValidationSection = { ...ModuleKey, ATTACHMENTS: 'ATTACHMENTS' } as const;
export type ValidationSection = (typeof ValidationSection)[keyof typeof ValidationSection];
registerEnumType(ValidationSection, { name: 'ValidationSection' });

@ObjectType('AttachmentSlot', { description: 'Where a file belongs: a catalogue entry or a module entry' })
export class AttachmentSlotView {
  @Field(() => AttachmentSlotKind) kind!: AttachmentSlotKind;
  @Field(() => String, { nullable: true, description: 'CATALOGUE: the catalogue code' }) code?: string | null;
  @Field(() => ModuleKey, { nullable: true, description: 'ENTRY: the module' }) module?: ModuleKey | null;
  @Field(() => ID, { nullable: true, description: "ENTRY: the entry's id" }) entryId?: string | null;
}

@InputType('AttachmentSlotInput', {
  description: 'CATALOGUE needs code; ENTRY needs module and entryId (save the entry first)',
})
export class AttachmentSlotInput {
  @Field(() => AttachmentSlotKind) kind!: AttachmentSlotKind;
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => ModuleKey, { nullable: true }) module?: ModuleKey | null;
  @Field(() => ID, { nullable: true }) entryId?: string | null;
}

@ObjectType('Attachment', { description: 'A stored file of a declaration' })
export class AttachmentView {
  @Field(() => ID) id!: string;
  @Field(() => AttachmentSlotView) slot!: AttachmentSlotView;
  @Field() fileName!: string;
  @Field(() => FileFormatEnum, { description: 'The real type, from the first bytes' })
  format!: FileFormatEnum;
  @Field(() => Int) sizeBytes!: number;
  @Field() sha256!: string;
  @Field() uploadedAt!: Date;
  // downloadUrl is a field resolver: a signed link made per request.
}

@ObjectType('ProblemParam', { description: 'A value a problem message names (count, max …)' })
export class ProblemParamView {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType('ValidationProblem', {
  description:
    'One line of 数据验证信息: message in Chinese; other languages build theirs from code, module, field and params',
})
export class ValidationProblemView {
  @Field(() => ValidationSection) module!: ValidationSection;
  @Field() code!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true, description: 'Dotted path the UI can jump to, e.g. education.1' })
  field?: string | null;
  @Field(() => [ProblemParamView], { description: 'The numbers the message names, e.g. count and max' })
  params!: ProblemParamView[];
}

@ObjectType('ValidationReport', { description: '数据验证信息: every problem at once; submit needs ok' })
export class ValidationReportView {
  @Field() ok!: boolean;
  @Field(() => [ValidationProblemView]) problems!: ValidationProblemView[];
}

@ObjectType('BusinessFormLink', {
  description: '业务表册: a short-lived link to the PDF (preview and download)',
})
export class BusinessFormLinkView {
  @Field(() => BusinessFormKindEnum) kind!: BusinessFormKindEnum;
  @Field({ description: 'e.g. 职称评审一览表' }) name!: string;
  @Field({ description: 'Relative to the gateway origin; add ?download=1 to save instead of preview' })
  url!: string;
  @Field() expiresAt!: Date;
}

@ObjectType('UploadTicket', {
  description: 'POST the raw file bytes to url (same origin, Content-Type = the file type) before expiresAt',
})
export class UploadTicketView {
  @Field() url!: string;
  @Field() expiresAt!: Date;
  @Field(() => Int) maxBytes!: number;
  @Field(() => [FileFormatEnum]) formats!: FileFormatEnum[];
}

@ObjectType('DeclaredTitle', { description: 'The title declared for, with the catalogue names' })
export class DeclaredTitleView {
  @Field(() => String, { nullable: true }) seriesCode?: string | null;
  @Field(() => String, { nullable: true }) seriesName?: string | null;
  @Field(() => String, { nullable: true }) specialtyCode?: string | null;
  @Field(() => String, { nullable: true }) specialtyName?: string | null;
  @Field(() => String, { nullable: true }) scopeCode?: string | null;
  @Field(() => String, { nullable: true }) scopeName?: string | null;
  @Field(() => String, { nullable: true }) titleCode?: string | null;
  @Field(() => String, { nullable: true }) titleName?: string | null;
  @Field(() => String, { nullable: true }) levelCode?: string | null;
  @Field(() => String, { nullable: true }) levelName?: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Person', { description: 'An applicant (identity owns it); declaration adds their declarations' })
export class PersonRef {
  @Field(() => ID) id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Unit', {
  description: 'A unit (identity owns it); declaration adds its applicants’ declarations',
})
export class UnitRef {
  @Field(() => ID) id!: string;
}

@ObjectType('DeclarationReviewStop', { description: 'A reviewing organisation at one level of the route' })
export class ReviewStopView {
  @Field(() => ReviewLevelEnum) level!: ReviewLevelEnum;
  @Field({ description: '推荐单位 / 行政主管部门 / 人社部门 / 评委会' }) levelText!: string;
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field({ description: 'e.g. 吉林省人力资源和社会保障厅 (the level’s word when the name is unknown)' })
  organisationName!: string;
}

@ObjectType('DeclarationReviewPosition', {
  description: 'Where review has the declaration now (from review’s events); the timeline has every step',
})
export class ReviewPositionView extends ReviewStopView {
  @Field({ description: 'Since when it is at this level' }) since!: Date;
  @Field({ description: '暂缓: the committee put off its decision' }) deferred!: boolean;
  @Field(() => Date, { nullable: true }) deferredAt?: Date | null;
  @Field(() => ReviewStopView, {
    nullable: true,
    description: 'A higher level returned it to this level (退回下级); the status stays 已申报',
  })
  returnedFrom?: ReviewStopView | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Declaration', { description: 'One applicant’s declaration (申报) under one notice' })
export class DeclarationView {
  @Field(() => ID) id!: string;
  @Field(() => DeclarationStatus) status!: DeclarationStatus;
  @Field({ description: '草稿 / 已申报 / 被退回 / …' }) statusText!: string;
  @Field(() => Int, { description: 'Optimistic lock: pass it as expectedVersion when saving or submitting' })
  version!: number;
  @Field(() => DeclarationCategory) category!: DeclarationCategory;
  @Field({ description: '正常 / 破格' }) categoryText!: string;
  @Field() applicantName!: string;
  @Field({ description: '推荐单位 when the declaration started' }) unitName!: string;
  @Field(() => ID, { nullable: true, description: "The chosen committee's id within the notice" })
  committeeId?: string | null;
  @Field(() => String, { nullable: true, description: 'The return opinion (退回意见) while RETURNED' })
  returnOpinion?: string | null;
  @Field(() => [ModuleKey], {
    nullable: true,
    description:
      'While RETURNED: the modules the reviewer flagged (×), the only ones the applicant may change',
  })
  returnedModules?: ModuleKey[] | null;
  @Field(() => Date, { nullable: true, description: 'While RETURNED: when it was returned' })
  returnedAt?: Date | null;
  @Field(() => ReviewStopView, {
    nullable: true,
    description: 'While RETURNED: who returned it (the resubmission goes back to them)',
  })
  returnedBy?: ReviewStopView | null;
  @Field(() => ReviewPositionView, {
    nullable: true,
    description: 'While with the reviewers (已申报 / 材料审核通过): the level and organisation reviewing it',
  })
  reviewPosition?: ReviewPositionView | null;
  @Field(() => Date, { nullable: true, description: 'When the status last changed' })
  statusChangedAt?: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field({
    description:
      '申报编号 for the receipt and for calls: ZC + the day it was started (China) + the first 8 characters of its id; never changes',
  })
  caseNumber!: string;
  @Field(() => Date, { nullable: true }) submittedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the integrity pledge was given' })
  pledgedAt?: Date | null;
  // notice, applicant, unit, committee, title, modules, attachments, validation, businessForms,
  // daysLeft, editableModules are field resolvers.
  /** Not a field: the row the field resolvers read. */
  entity!: E.Declaration;
}

@ObjectType('RecommendingUnit', {
  description: 'The unit the applicant is bound to, as declaration knows it',
})
export class RecommendingUnitView {
  @Field(() => ID) unitId!: string;
  @Field() unitName!: string;
  @Field() since!: Date;
}

@ObjectType('AccountHolder', {
  description:
    'Who a declaration is made by: the signed-in account holder and the bound unit. 基本信息 must state these (the wizard fills them in and locks them)',
})
export class AccountHolderView {
  @Field() name!: string;
  @Field(() => IdType, { nullable: true, description: 'null until identity has told this service' })
  idType!: IdType | null;
  @Field(() => String, { nullable: true, description: 'The full number (only the holder reads it)' })
  idNumber!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The account’s mobile (only the holder reads it); null until identity has told this service',
  })
  mobile!: string | null;
  @Field({ description: '工作单位: the bound 推荐单位' }) unitName!: string;
}

@ObjectType('DeclarationStatusEvent', {
  description: 'A declaration’s status changed (live): refetch the declaration for the rest',
})
export class DeclarationStatusEventView {
  @Field(() => ID) declarationId!: string;
  @Field(() => DeclarationStatus) status!: DeclarationStatus;
  @Field({ description: '草稿 / 已申报 / 被退回 / …' }) statusText!: string;
  @Field({ description: 'When it changed' }) at!: Date;
}
