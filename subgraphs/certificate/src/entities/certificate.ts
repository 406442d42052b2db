import { Check, Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** What a certificate certifies: a professional title (职称), or a talent class (人才分类定级). */
export type CertificateKind = 'TITLE' | 'TALENT_LEVEL';

/**
 * An electronic certificate (电子证书), numbered from a per-year sequence (domain/number.ts).
 * `credential` is the signed compact JWS of its Verifiable Credential, exactly as issued; the
 * columns repeat its facts for queries.
 *
 * An original comes from a 终审通过 (declaration_id) or from a registered paper certificate's
 * first 补办 (historical_registration_id); a reissue (补办/换发) copies its facts and names the
 * certificate it replaces. The database keeps one original per declaration and per registration
 * (partial unique indexes over the rows that replace nothing) and one successor per certificate.
 */
@Entity({ tableName: 'certificate' })
@Index({ properties: ['holderPersonId', 'issuedAt'] })
@Index({ properties: ['declarationId'] })
@Unique({
  name: 'certificate_declaration_original_unique',
  expression: `create unique index "certificate_declaration_original_unique" on "certificate"."certificate" ("declaration_id") where "replaces_id" is null`,
})
@Unique({
  name: 'certificate_historical_original_unique',
  expression: `create unique index "certificate_historical_original_unique" on "certificate"."certificate" ("historical_registration_id") where "replaces_id" is null`,
})
@Check({
  name: 'certificate_has_origin',
  expression: `"declaration_id" is not null or "historical_registration_id" is not null`,
})
export class Certificate {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  @Unique()
  number!: string;

  /** The declaration whose 终审通过 it certifies (null for one issued from a paper certificate). */
  @Property({ type: 'uuid', nullable: true })
  declarationId?: string | null;

  /** The registered paper certificate (历史职称数据登记) it was first issued for by a 补办. */
  @Property({ type: 'uuid', nullable: true })
  historicalRegistrationId?: string | null;

  /** The certificate this one replaces (补办/换发); the old one names this one in replacedById. */
  @Property({ type: 'uuid', nullable: true })
  @Unique({ name: 'certificate_replaces_id_unique' })
  replacesId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  replacedById?: string | null;

  /** identity's Person id of the holder. */
  @Property({ type: 'uuid' })
  holderPersonId!: string;

  @Property({ type: 'text' })
  holderName!: string;

  @Property({ type: 'text', nullable: true })
  holderIdNumberMasked?: string | null;

  /** TITLE 职称证书, TALENT_LEVEL 人才分类定级证书 (rows before talent certificates: TITLE). */
  @Property({ type: 'text', default: 'TITLE' })
  kind: Opt<CertificateKind> = 'TITLE';

  /** 职称名称; for TALENT_LEVEL the matter (人才分类定级). */
  @Property({ type: 'text' })
  titleName!: string;

  @Property({ type: 'text', nullable: true })
  seriesName?: string | null;

  @Property({ type: 'text', nullable: true })
  specialtyName?: string | null;

  /** 级别; for TALENT_LEVEL the class awarded (人才类别, e.g. C类). */
  @Property({ type: 'text' })
  levelName!: string;

  /** 评审委员会; for TALENT_LEVEL the body that decided (认定机构). */
  @Property({ type: 'text', nullable: true })
  committeeName?: string | null;

  /** TALENT_LEVEL: 认定标准, the standard applied with when the class awarded is the one applied for. */
  @Property({ type: 'text', nullable: true })
  recognitionStandard?: string | null;

  /** 评审通过日期, YYYY-MM-DD in China time. */
  @Property({ type: 'text' })
  approvedOn!: string;

  @Property({ type: 'timestamptz' })
  issuedAt!: Date;

  @Property({ type: 'text' })
  issuerName!: string;

  /** Its entry in the revocation status list (Bitstring Status List). */
  @Property({ type: 'int' })
  @Unique()
  statusListIndex!: number;

  /** The signing key's verification method id (did:web:…#key-…). */
  @Property({ type: 'text' })
  kid!: string;

  /** The Verifiable Credential as a compact JWS (what the holder downloads and anyone verifies). */
  @Property({ type: 'text' })
  credential!: string;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  revocationReason?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
