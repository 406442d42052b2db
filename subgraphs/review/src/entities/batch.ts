import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { FileFormat } from '@zhicheng/files';

/**
 * A unit's 批量送审 batch and its attachment (推荐报告/申报函). The row is made when the
 * attachment is uploaded (not yet forwarded); forwardBatch names the attachment and fills in the
 * declarations and who forwarded them. An attachment serves one batch only.
 */
@Entity({ tableName: 'batch' })
@Index({ properties: ['unitId', 'forwardedAt'] })
export class Batch {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'uuid', unique: true })
  attachmentId!: string;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'int' })
  sizeBytes!: number;

  @Property({ type: 'text' })
  format!: FileFormat;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'text' })
  storageKey!: string;

  /** The upload ticket that brought the file: a ticket is used once. */
  @Property({ type: 'uuid', unique: true })
  ticketId!: string;

  @Property({ type: 'text' })
  uploadedById!: string;

  @Property({ type: 'text' })
  uploadedByName!: string;

  @Property({ type: 'timestamptz' })
  uploadedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  forwardedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  forwardedById?: string | null;

  @Property({ type: 'text', nullable: true })
  forwardedByName?: string | null;

  @Property({ type: 'jsonb', nullable: true })
  declarationIds?: string[] | null;

  @Property({ type: 'int', version: true })
  version!: Opt<number>;
}
