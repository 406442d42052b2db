import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { FileFormat, ModuleKey } from '../domain';
import { BaseEntity } from './base';
import { Declaration } from './declaration';

export enum AttachmentSlotKind {
  /** An entry of the notice's attachment catalogue (身份证, 聘任文件 …). */
  CATALOGUE = 'CATALOGUE',
  /** The proof files of one module entry (an education entry, a recommender …). */
  ENTRY = 'ENTRY',
}

/** One stored file of a declaration. The bytes live in FileStorage under `storageKey`. */
@Entity({ tableName: 'attachment' })
@Index({ properties: ['declaration', 'slotKind', 'slotCode'] })
export class Attachment extends BaseEntity {
  @ManyToOne(() => Declaration, { ref: true, deleteRule: 'cascade' })
  declaration!: Ref<Declaration>;

  @Enum({ items: () => AttachmentSlotKind })
  slotKind!: AttachmentSlotKind;

  /** CATALOGUE: the catalogue code; ENTRY: the module key. */
  @Property({ type: 'text' })
  slotCode!: string;

  /** ENTRY: the entry's client-generated id. */
  @Property({ type: 'text', nullable: true })
  entryId?: string | null;

  /** As the person named it (shown, never used as a path). */
  @Property({ type: 'text' })
  fileName!: string;

  /** The real format, from the file's first bytes. */
  @Property({ type: 'text' })
  format!: FileFormat;

  @Property({ type: 'int' })
  sizeBytes!: number;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'text' })
  storageKey!: string;

  /** The upload ticket that brought it: a ticket is good for one file. */
  @Property({ type: 'uuid' })
  @Unique()
  ticketId!: string;

  @Property({ type: 'uuid' })
  uploadedBy!: string;

  /** Module entries are typed by their key. */
  get module(): ModuleKey | null {
    return this.slotKind === AttachmentSlotKind.ENTRY ? (this.slotCode as ModuleKey) : null;
  }
}
