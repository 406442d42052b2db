import { Entity, ManyToOne, Property, Unique, type Ref, type Opt } from '@mikro-orm/core';
import { PasswordAccount } from './base';
import { Organisation } from './organisation';

/**
 * A reviewer of a department, a bureau or a committee; the reviewing role follows the
 * organisation's kind. A bureau's staff may also administer organisations and staff (机构与人员).
 */
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

  /** Reviews at its organisation's level (审核). */
  @Property({ type: 'boolean', default: true })
  reviewer: Opt<boolean> = true;

  /** Administers its organisation's subtree: organisations and staff (机构与人员管理). */
  @Property({ type: 'boolean', default: false })
  administrator: Opt<boolean> = false;

  /** Set by an administrator's create or reset: the next sign-in must choose a new password. */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: Opt<boolean> = false;
}
