import { Migration } from '@mikro-orm/migrations';

/** The account holder's real-name facts from identity's PersonRegistered (issue 8, hole 15). */
export class Migration20261202081000_applicant_identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "declaration"."applicant_identity" ("person_id" uuid not null, "name" text not null, "id_type" text not null, "id_number" text not null, "since" timestamptz not null, constraint "applicant_identity_pkey" primary key ("person_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "declaration"."applicant_identity" cascade;`);
  }
}
