import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The account holder's ID document, kept from identity's PersonRegistered (no reads of identity's
 * tables): a 历史职称数据登记 must be of the account holder's own certificate, so the ID number
 * printed on it must be the account's (the name alone would let a person register another
 * person's certificate under their own name).
 */
@Entity({ tableName: 'account_holder' })
export class AccountHolder {
  @PrimaryKey({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'text' })
  idType!: 'RESIDENT_ID' | 'PASSPORT';

  @Property({ type: 'text' })
  idNumber!: string;

  /** When identity says these facts became true (an older event never replaces a newer one). */
  @Property({ type: 'timestamptz' })
  since!: Date;
}
