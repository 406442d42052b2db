import { BlobType, Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';

/** What an uploaded file is for: a 补办/换发 application or a 历史职称数据登记. */
export enum FilePurpose {
  REISSUE = 'REISSUE',
  HISTORICAL = 'HISTORICAL',
}

/**
 * One uploaded PDF of an applicant (through a signed ticket, checked by content). It belongs to
 * nobody's application until the applicant submits one naming it; then it is that application's
 * for good (application ids are set in the submitting transaction).
 */
@Entity({ tableName: 'application_file' })
@Index({ properties: ['ownerPersonId', 'uploadedAt'] })
export class ApplicationFile {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  ownerPersonId!: string;

  @Property({ type: 'text' })
  purpose!: FilePurpose;

  /** The material (domain/materials.ts), e.g. VOID_NOTICE 证书作废登报声明. */
  @Property({ type: 'text' })
  slot!: string;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'int' })
  sizeBytes!: number;

  @Property({ type: 'text' })
  format!: string;

  @Property({ type: 'text' })
  sha256!: string;

  /** The key of its bytes in stored_file. */
  @Property({ type: 'text' })
  storageKey!: string;

  /** The upload ticket it came with: a ticket is used once. */
  @Property({ type: 'uuid' })
  @Unique()
  ticketId!: string;

  @Property({ type: 'timestamptz' })
  uploadedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  @Index()
  reissueApplicationId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  @Index()
  historicalRegistrationId?: string | null;
}

/**
 * The bytes of uploaded files, in PostgreSQL (the certificate service keeps no local disk, so
 * every replica serves every file). Written whole after the upload's checks, never changed.
 */
@Entity({ tableName: 'stored_file' })
export class StoredFile {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: BlobType })
  bytes!: Buffer;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
