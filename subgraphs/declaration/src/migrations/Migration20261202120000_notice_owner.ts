import { Migration } from '@mikro-orm/migrations';

/**
 * The bureau that issued a notice; only its staff change or publish it (issue 8 probe). Notices
 * from before have none and can be changed by nobody until an operator sets it.
 */
export class Migration20261202120000_notice_owner extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "declaration"."notice" add column "owner_organisation_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "declaration"."notice" drop column "owner_organisation_id";`);
  }
}
