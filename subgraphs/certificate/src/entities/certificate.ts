import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

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

  @Property({ type: 'text' })
  titleName!: string;

  @Property({ type: 'text', nullable: true })
  seriesName?: string | null;

  @Property({ type: 'text', nullable: true })
  specialtyName?: string | null;

  @Property({ type: 'text' })
  levelName!: string;

  @Property({ type: 'text', nullable: true })
  committeeName?: string | null;

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
