import { Migration } from '@mikro-orm/migrations';

/** The account holder's mobile from identity's PersonRegistered (issue 10, item 2): 基本信息 states it. */
export class Migration20261202130500_applicant_mobile extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "declaration"."applicant_identity" add column "mobile" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "declaration"."applicant_identity" drop column "mobile";`);
  }
}
