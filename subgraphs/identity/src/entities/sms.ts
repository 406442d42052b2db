import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from './base';

export enum SmsPurpose {
  REGISTER_PERSON = 'REGISTER_PERSON',
  REGISTER_UNIT = 'REGISTER_UNIT',
  RECOVER_PASSWORD = 'RECOVER_PASSWORD',
  ACTIVATE_UNIT = 'ACTIVATE_UNIT',
}

/** A verification code sent by SMS; only its keyed hash is kept, and it allows few attempts. */
@Entity({ tableName: 'sms_code' })
@Index({ properties: ['mobile', 'purpose', 'createdAt'] })
export class SmsCode extends BaseEntity {
  @Property({ type: 'text' })
  mobile!: string;

  @Enum({ items: () => SmsPurpose })
  purpose!: SmsPurpose;

  @Property({ type: 'text' })
  codeHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'int' })
  attempts: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  consumedAt?: Date | null;
}

/**
 * Messages to send. The text is kept only sealed (AES-256-GCM) and only until it was delivered;
 * then the row says no more than that a message went to that number and when.
 */
@Entity({ tableName: 'sms_outbox' })
@Index({ properties: ['mobile', 'createdAt'] })
export class SmsOutboxMessage extends BaseEntity {
  @Property({ type: 'text' })
  mobile!: string;

  @Property({ type: 'text', nullable: true, hidden: true })
  sealedText?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;
}
