import { Migration } from '@mikro-orm/migrations';

/**
 * Escalating delays replace the hard lock-out (issue 8): wrong passwords are counted per account
 * and per account and address in their own table; the lock columns go.
 */
export class Migration20261202090000_sign_in_throttle extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "identity"."sign_in_throttle" ("key" text not null, "failures" int not null, "last_failure_at" timestamptz not null, "retry_at" timestamptz not null, constraint "sign_in_throttle_pkey" primary key ("key"));`,
    );
    for (const table of ['person', 'unit', 'agent', 'staff_account']) {
      this.addSql(`alter table "identity"."${table}" drop column "failed_sign_ins", drop column "locked_until";`);
    }
  }
}
