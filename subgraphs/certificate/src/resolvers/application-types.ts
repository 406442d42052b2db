import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BUSINESS_TYPES, DECLARATION_TYPES, STATUS_TEXT } from '../domain/applications';
import { materialName, type MaterialPurpose } from '../domain/materials';
import {
  ApplicationStatus,
  FilePurpose,
  type ApplicationFile,
  type DeclarationPoint,
  type HistoricalRegistration,
  type Region,
  type ReissueApplication,
} from '../entities';
import { CertificateForm, VerifiedCertificateView } from './types';

registerEnumType(ApplicationStatus, {
  name: 'CertificateApplicationStatus',
  description:
    'PENDING 待审核 · APPROVED 审核通过 · REJECTED 审核不通过 · WITHDRAWN 已撤回 (by the applicant while pending)',
});

export enum ReissueDeclarationType {
  REVIEW = 'REVIEW',
  INITIAL = 'INITIAL',
}
registerEnumType(ReissueDeclarationType, {
  name: 'ReissueDeclarationType',
  description: '申报类型: REVIEW 评审 / INITIAL 初定',
});

export enum ReissueBusinessType {
  REISSUE = 'REISSUE',
  RENEWAL = 'RENEWAL',
}
registerEnumType(ReissueBusinessType, {
  name: 'ReissueBusinessType',
  description: '业务类别: REISSUE 补办 / RENEWAL 换发',
});

registerEnumType(FilePurpose, {
  name: 'CertificateMaterialPurpose',
  description: 'REISSUE 补办/换发 materials · HISTORICAL 历史职称数据登记 materials',
});

@ObjectType('DeclarationPoint', { description: '所属申报点 (chosen after the region)' })
export class DeclarationPointView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  static of(row: DeclarationPoint) {
    return Object.assign(new DeclarationPointView(), { id: row.id, name: row.name });
  }
}

@ObjectType('CertificateRegion', {
  description: '所属行政区划 of 补办 and 历史职称数据登记 (the issuing authority’s region) and its 申报点',
})
export class CertificateRegionView {
  @Field({ description: 'GB/T 2260 code' }) code!: string;
  @Field() name!: string;
  @Field(() => [DeclarationPointView]) points!: DeclarationPointView[];
  static of(region: Region, points: DeclarationPoint[]) {
    return Object.assign(new CertificateRegionView(), {
      code: region.code,
      name: region.name,
      points: points.map(DeclarationPointView.of),
    });
  }
}

@ObjectType('CertificateMaterialKind', { description: 'One material a form asks for' })
export class MaterialKindView {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType('CertificateMaterialTicket', {
  description: 'Where to POST one material’s bytes (on the gateway’s origin), until expiresAt',
})
export class MaterialTicketView {
  @Field() url!: string;
  @Field() expiresAt!: Date;
  @Field(() => Int) maxBytes!: number;
  @Field(() => FilePurpose) purpose!: FilePurpose;
  @Field() slot!: string;
}

@ObjectType('CertificateMaterialFile', { description: 'An uploaded material (PDF)' })
export class MaterialFileView {
  @Field(() => ID) id!: string;
  @Field({
    description:
      'The material: ORIGINAL_DOCUMENTS, VOID_NOTICE, REISSUE_FORM, DECLARATION_FORM, OLD_CERTIFICATE, APPROVAL_DOCUMENT',
  })
  slot!: string;
  @Field({ description: 'The material’s name, e.g. 证书作废登报声明' }) slotName!: string;
  @Field() fileName!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field() uploadedAt!: Date;
  /** Not in the schema: for the url field resolver. */
  row!: ApplicationFile;
  static of(row: ApplicationFile) {
    return Object.assign(new MaterialFileView(), {
      id: row.id,
      slot: row.slot,
      slotName: materialName(row.purpose as MaterialPurpose, row.slot),
      fileName: row.fileName,
      sizeBytes: row.sizeBytes,
      uploadedAt: row.uploadedAt,
      row,
    });
  }
}

@ObjectType()
abstract class AuditedApplicationView {
  @Field(() => ID) id!: string;
  @Field(() => ApplicationStatus) status!: ApplicationStatus;
  @Field({ description: '待审核 / 审核通过 / 审核不通过 / 已撤回' }) statusText!: string;
  @Field({ description: '申请人' }) applicantName!: string;
  @Field({ description: '所属行政区划 code' }) regionCode!: string;
  @Field() regionName!: string;
  @Field() submittedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '审核人' }) decidedByName!: string | null;
  @Field(() => String, { nullable: true, description: '审核意见' }) opinion!: string | null;
  /** Not in the schema: who may read it. */
  applicantPersonId!: string;
  auditOrganisationId!: string;
}

function audited(row: ReissueApplication | HistoricalRegistration) {
  return {
    id: row.id,
    status: row.status,
    statusText: STATUS_TEXT[row.status as ApplicationStatus],
    applicantName: row.applicantName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt ?? null,
    decidedByName: row.decidedByName ?? null,
    opinion: row.opinion ?? null,
    applicantPersonId: row.applicantPersonId,
    auditOrganisationId: row.auditOrganisationId,
  };
}

@Directive('@key(fields: "id")')
@ObjectType('ReissueApplication', { description: '证书补办/换发 application' })
export class ReissueApplicationView extends AuditedApplicationView {
  @Field(() => CertificateForm, {
    description: 'Whether it replaces an e-certificate or a registered paper certificate',
  })
  certificateForm!: CertificateForm;
  @Field(() => ID, { nullable: true, description: 'The e-certificate it replaces' }) certificateId!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The registered paper certificate it replaces' })
  historicalRegistrationId!: string | null;
  @Field({ description: '证书编号 of the certificate it replaces' }) certificateNumber!: string;
  @Field({ description: '持证人' }) holderName!: string;
  @Field({ description: '职称名称' }) titleName!: string;
  @Field(() => ReissueDeclarationType) declarationType!: ReissueDeclarationType;
  @Field({ description: '评审 / 初定' }) declarationTypeText!: string;
  @Field(() => ReissueBusinessType) businessType!: ReissueBusinessType;
  @Field({ description: '补办 / 换发' }) businessTypeText!: string;
  @Field(() => ID) declarationPointId!: string;
  @Field({ description: '所属申报点' }) declarationPointName!: string;
  @Field({ description: '补办（换发）原因' }) reason!: string;
  /** Not in the schema: resolved to the new certificate's number. */
  newCertificateId!: string | null;
  static of(row: ReissueApplication) {
    return Object.assign(new ReissueApplicationView(), {
      ...audited(row),
      certificateForm: row.certificateId ? CertificateForm.ELECTRONIC : CertificateForm.REGISTERED_PAPER,
      certificateId: row.certificateId ?? null,
      historicalRegistrationId: row.historicalRegistrationId ?? null,
      certificateNumber: row.certificateNumber,
      holderName: row.holderName,
      titleName: row.titleName,
      declarationType: row.declarationType as ReissueDeclarationType,
      declarationTypeText:
        DECLARATION_TYPES[row.declarationType as ReissueDeclarationType] ?? row.declarationType,
      businessType: row.businessType as ReissueBusinessType,
      businessTypeText: BUSINESS_TYPES[row.businessType as ReissueBusinessType] ?? row.businessType,
      declarationPointId: row.declarationPointId,
      declarationPointName: row.declarationPointName,
      reason: row.reason,
      newCertificateId: row.newCertificateId ?? null,
    });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('HistoricalRegistration', { description: '历史职称数据登记: a paper certificate as printed' })
export class HistoricalRegistrationView extends AuditedApplicationView {
  @Field({ description: '证书编号 as printed' }) certificateNumber!: string;
  @Field({ description: '姓名' }) holderName!: string;
  @Field({ description: '身份证件号码（脱敏）' }) holderIdNumberMasked!: string;
  @Field(() => ReissueDeclarationType, { description: '取得方式: 评审 / 初定' })
  obtainedBy!: ReissueDeclarationType;
  @Field() obtainedByText!: string;
  @Field({ description: '资格名称' }) titleName!: string;
  @Field(() => String, { nullable: true, description: '系列' }) seriesName!: string | null;
  @Field({ description: '专业' }) specialtyName!: string;
  @Field({ description: '级别' }) levelName!: string;
  @Field({ description: '取得资格时间 (YYYY-MM-DD)' }) obtainedOn!: string;
  @Field(() => String, { nullable: true, description: '评审委员会（认定机构）' }) committeeName!:
    string | null;
  @Field(() => String, { nullable: true, description: '批准文号' }) approvalDocumentNumber!: string | null;
  @Field({ description: '发证机关' }) issuerName!: string;
  @Field({ description: '发证日期 (YYYY-MM-DD)' }) issuedOn!: string;
  @Field(() => String, { nullable: true, description: '工作单位' }) workUnit!: string | null;
  /** Not in the schema: resolved to the e-certificate's number. */
  replacedByCertificateId!: string | null;
  static of(row: HistoricalRegistration) {
    return Object.assign(new HistoricalRegistrationView(), {
      ...audited(row),
      certificateNumber: row.certificateNumber,
      holderName: row.holderName,
      holderIdNumberMasked: row.holderIdNumberMasked,
      obtainedBy: row.obtainedBy as ReissueDeclarationType,
      obtainedByText: DECLARATION_TYPES[row.obtainedBy as ReissueDeclarationType] ?? row.obtainedBy,
      titleName: row.titleName,
      seriesName: row.seriesName ?? null,
      specialtyName: row.specialtyName,
      levelName: row.levelName,
      obtainedOn: row.obtainedOn,
      committeeName: row.committeeName ?? null,
      approvalDocumentNumber: row.approvalDocumentNumber ?? null,
      issuerName: row.issuerName,
      issuedOn: row.issuedOn,
      workUnit: row.workUnit ?? null,
      replacedByCertificateId: row.replacedByCertificateId ?? null,
    });
  }
}

@ObjectType('ReissueApplicationPage')
export class ReissueApplicationPage {
  @Field(() => [ReissueApplicationView]) items!: ReissueApplicationView[];
  @Field(() => Int) totalCount!: number;
}

@ObjectType('HistoricalRegistrationPage')
export class HistoricalRegistrationPage {
  @Field(() => [HistoricalRegistrationView]) items!: HistoricalRegistrationView[];
  @Field(() => Int) totalCount!: number;
}

@ObjectType('ReissuableCertificate', {
  description:
    'A certificate of the holder that a 补办/换发 can replace: an e-certificate in force or a registered paper certificate',
})
export class ReissuableCertificateView {
  @Field(() => CertificateForm) form!: CertificateForm;
  @Field(() => ID, { nullable: true, description: 'Pass as certificateId (ELECTRONIC)' }) certificateId!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Pass as historicalRegistrationId (REGISTERED_PAPER)' })
  historicalRegistrationId!: string | null;
  @Field(() => VerifiedCertificateView, { description: 'What it says' })
  certificate!: VerifiedCertificateView;
  @Field(() => ID, {
    nullable: true,
    description: 'Its pending 补办/换发 application, if any (only one at a time)',
  })
  pendingApplicationId!: string | null;
}

@ObjectType('ReissueApplicationChange')
export class ReissueApplicationChangeView {
  @Field({
    description: 'True after a reconnect: notices may have been missed, refetch myReissueApplications',
  })
  resync!: boolean;
  @Field(() => ReissueApplicationView, { nullable: true }) application!: ReissueApplicationView | null;
}

@ObjectType('HistoricalRegistrationChange')
export class HistoricalRegistrationChangeView {
  @Field({ description: 'True after a reconnect: refetch myHistoricalRegistrations' }) resync!: boolean;
  @Field(() => HistoricalRegistrationView, { nullable: true })
  registration!: HistoricalRegistrationView | null;
}

@InputType('ReissueApplicationInput')
export class ReissueApplicationInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The e-certificate to replace (from reissuableCertificates)',
  })
  certificateId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Or the registered paper certificate to replace' })
  historicalRegistrationId?: string | null;
  @Field(() => ReissueDeclarationType) declarationType!: ReissueDeclarationType;
  @Field(() => ReissueBusinessType) businessType!: ReissueBusinessType;
  @Field({ description: '所属行政区划 code (certificateRegions)' }) regionCode!: string;
  @Field(() => ID, { description: '所属申报点 of that region' }) declarationPointId!: string;
  @Field({ description: '补办（换发）原因, ≤ 500 characters' }) reason!: string;
  @Field(() => [ID], {
    description: 'The uploaded materials: ORIGINAL_DOCUMENTS, VOID_NOTICE and REISSUE_FORM, one each',
  })
  fileIds!: string[];
}

@InputType('HistoricalRegistrationInput', {
  description: 'Everything exactly as printed on the paper certificate',
})
export class HistoricalRegistrationInput {
  @Field({ description: '证书编号' }) certificateNumber!: string;
  @Field({ description: '姓名 (must be the account’s)' }) holderName!: string;
  @Field({ description: '身份证件号码 (checked, stored masked)' }) idNumber!: string;
  @Field(() => ReissueDeclarationType, { description: '取得方式: 评审 / 初定' })
  obtainedBy!: ReissueDeclarationType;
  @Field({ description: '资格名称' }) titleName!: string;
  @Field(() => String, { nullable: true, description: '系列' }) seriesName?: string | null;
  @Field({ description: '专业' }) specialtyName!: string;
  @Field({ description: '级别: 正高级 / 副高级 / 中级 / 助理级 / 员级 / 初级' }) levelName!: string;
  @Field({ description: '取得资格时间 YYYY-MM-DD' }) obtainedOn!: string;
  @Field(() => String, { nullable: true, description: '评审委员会（认定机构）' }) committeeName?:
    string | null;
  @Field(() => String, { nullable: true, description: '批准文号' }) approvalDocumentNumber?: string | null;
  @Field({ description: '发证机关' }) issuerName!: string;
  @Field({ description: '发证日期 YYYY-MM-DD' }) issuedOn!: string;
  @Field(() => String, { nullable: true, description: '工作单位' }) workUnit?: string | null;
  @Field({ description: '所属行政区划 of the issuing authority (certificateRegions)' }) regionCode!: string;
  @Field(() => [ID], { description: 'At least two of DECLARATION_FORM, OLD_CERTIFICATE, APPROVAL_DOCUMENT' })
  fileIds!: string[];
}
