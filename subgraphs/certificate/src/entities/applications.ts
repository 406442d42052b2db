import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** 待审核 / 审核通过 / 审核不通过 (seed 004), and 已撤回 by the applicant while pending. */
export enum ApplicationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** What every audited application carries: who applied, where it is audited, the decision. */
abstract class AuditedApplication {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** identity's Person id of the applicant (the holder). */
  @Property({ type: 'uuid' })
  applicantPersonId!: string;

  @Property({ type: 'text' })
  applicantName!: string;

  /** 所属行政区划 (GB/T 2260) and its name as chosen. */
  @Property({ type: 'text' })
  regionCode!: string;

  @Property({ type: 'text' })
  regionName!: string;

  /** The bureau whose staff audit it (the region's, when submitted). */
  @Property({ type: 'uuid' })
  auditOrganisationId!: string;

  @Property({ type: 'text' })
  status: Opt<ApplicationStatus> = ApplicationStatus.PENDING;

  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  decidedById?: string | null;

  @Property({ type: 'text', nullable: true })
  decidedByName?: string | null;

  /** 审核意见 (required when refused). */
  @Property({ type: 'text', nullable: true })
  opinion?: string | null;
}

/**
 * 证书补办/换发 (seed 004 ch. 5): the holder asks for a new certificate in place of one of theirs
 * (an e-certificate, or a registered paper certificate). One pending application per certificate,
 * whatever the code does (partial unique indexes).
 */
@Entity({ tableName: 'reissue_application' })
@Index({ properties: ['auditOrganisationId', 'status', 'submittedAt'] })
@Index({ properties: ['applicantPersonId', 'submittedAt'] })
@Unique({
  name: 'reissue_application_one_pending_per_certificate',
  expression: `create unique index "reissue_application_one_pending_per_certificate" on "certificate"."reissue_application" ("certificate_id") where "status" = 'PENDING'`,
})
@Unique({
  name: 'reissue_application_one_pending_per_registration',
  expression: `create unique index "reissue_application_one_pending_per_registration" on "certificate"."reissue_application" ("historical_registration_id") where "status" = 'PENDING'`,
})
export class ReissueApplication extends AuditedApplication {
  /** The e-certificate to replace, or null for a registered paper certificate. */
  @Property({ type: 'uuid', nullable: true })
  certificateId?: string | null;

  /** The registered paper certificate to replace (its first e-certificate), or null. */
  @Property({ type: 'uuid', nullable: true })
  historicalRegistrationId?: string | null;

  /** The certificate's number, holder and title when applied for (lists show them). */
  @Property({ type: 'text' })
  certificateNumber!: string;

  @Property({ type: 'text' })
  holderName!: string;

  @Property({ type: 'text' })
  titleName!: string;

  /** 申报类型: REVIEW 评审 / INITIAL 初定. */
  @Property({ type: 'text' })
  declarationType!: string;

  /** 业务类别: REISSUE 补办 / RENEWAL 换发. */
  @Property({ type: 'text' })
  businessType!: string;

  /** 所属申报点. */
  @Property({ type: 'uuid' })
  declarationPointId!: string;

  @Property({ type: 'text' })
  declarationPointName!: string;

  /** 补办（换发）原因. */
  @Property({ type: 'text' })
  reason!: string;

  /** The certificate issued on approval. */
  @Property({ type: 'uuid', nullable: true })
  newCertificateId?: string | null;
}

/**
 * 历史职称数据登记 (seed 004 ch. 4): a paper certificate not in the system, entered exactly as
 * printed. Once approved it is queryable and verifiable as a registered paper certificate, and a
 * 补办 of it issues its first e-certificate. A printed number is pending or registered once.
 */
@Entity({ tableName: 'historical_registration' })
@Index({ properties: ['auditOrganisationId', 'status', 'submittedAt'] })
@Index({ properties: ['applicantPersonId', 'submittedAt'] })
@Index({ properties: ['certificateNumber'] })
@Unique({
  name: 'historical_registration_number_once',
  expression: `create unique index "historical_registration_number_once" on "certificate"."historical_registration" ("certificate_number") where "status" in ('PENDING', 'APPROVED')`,
})
export class HistoricalRegistration extends AuditedApplication {
  /** 证书编号 as printed (spaces removed, Latin letters upper-case). */
  @Property({ type: 'text' })
  certificateNumber!: string;

  /** 姓名 as printed. */
  @Property({ type: 'text' })
  holderName!: string;

  /** 身份证件号码, masked (the full number is checked, never kept). */
  @Property({ type: 'text' })
  holderIdNumberMasked!: string;

  /** 取得方式: REVIEW 评审 / INITIAL 初定. */
  @Property({ type: 'text' })
  obtainedBy!: string;

  /** 资格名称, e.g. 高级工程师. */
  @Property({ type: 'text' })
  titleName!: string;

  @Property({ type: 'text', nullable: true })
  seriesName?: string | null;

  @Property({ type: 'text' })
  specialtyName!: string;

  /** 级别: 正高级 / 副高级 / 中级 / 初级. */
  @Property({ type: 'text' })
  levelName!: string;

  /** 取得资格时间 (评审通过 / 认定日期), YYYY-MM-DD. */
  @Property({ type: 'text' })
  obtainedOn!: string;

  /** 评审委员会 / 认定机构, as printed. */
  @Property({ type: 'text', nullable: true })
  committeeName?: string | null;

  /** 批准文号, as printed. */
  @Property({ type: 'text', nullable: true })
  approvalDocumentNumber?: string | null;

  /** 发证机关, as printed. */
  @Property({ type: 'text' })
  issuerName!: string;

  /** 发证日期, YYYY-MM-DD. */
  @Property({ type: 'text' })
  issuedOn!: string;

  /** 工作单位 printed on it (optional). */
  @Property({ type: 'text', nullable: true })
  workUnit?: string | null;

  /** The e-certificate a 补办 issued for it; from then on the paper one is superseded. */
  @Property({ type: 'uuid', nullable: true })
  replacedByCertificateId?: string | null;
}
