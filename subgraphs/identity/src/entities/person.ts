import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { PasswordAccount } from './base';

export enum IdType {
  RESIDENT_ID = 'RESIDENT_ID',
  PASSPORT = 'PASSPORT',
}

/** An applicant (申报人). */
@Entity({ tableName: 'person' })
export class Person extends PasswordAccount {
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => IdType })
  idType!: IdType;

  @Property({ type: 'text' })
  @Unique()
  idNumber!: string;

  @Property({ type: 'text' })
  @Unique()
  mobile!: string;
}
