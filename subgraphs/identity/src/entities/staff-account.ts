import { Entity, ManyToOne, Property, Unique, type Ref, type Opt } from '@mikro-orm/core';
import { PasswordAccount } from './base';
import { Organisation } from './organisation';

/** A reviewer of a department, a bureau or a committee; roles follow the organisation's kind. */
@Entity({ tableName: 'staff_account' })
export class StaffAccount extends PasswordAccount {
  @Property({ type: 'text' })
  @Unique()
  username!: string;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Organisation, { ref: true })
  organisation!: Ref<Organisation>;

  @Property({ type: 'boolean' })
  enabled: Opt<boolean> = true;
}
