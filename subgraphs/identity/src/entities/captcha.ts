import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from './base';

/** A picture captcha's answer; kept in the database so any replica can check it. Single use. */
@Entity({ tableName: 'captcha' })
export class Captcha extends BaseEntity {
  @Property({ type: 'text' })
  answer!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
