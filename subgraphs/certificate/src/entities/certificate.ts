import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** What a certificate certifies: a professional title (职称), or a talent class (人才分类定级). */
export type CertificateKind = 'TITLE' | 'TALENT_LEVEL';

/**
 * An electronic certificate (电子证书). One per approved declaration (unique declaration_id),
 * numbered from a per-year sequence (domain/number.ts). `credential` is the signed compact JWS of
 * its Verifiable Credential, exactly as issued; the columns repeat its facts for queries.
 */
@Entity({ tableName: 'certificate' })
@Index({ properties: ['holderPersonId', 'issuedAt'] })
export class Certificate {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  @Unique()
  number!: string;

  @Property({ type: 'uuid' })
  @Unique()
  declarationId!: string;

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
