import { Migration } from '@mikro-orm/migrations';

/** The account holders' ID documents from identity's PersonRegistered (历史职称数据登记's check). */
export class Migration20261202130000_account_holder extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "certificate"."account_holder" ("person_id" uuid not null, "id_type" text not null, "id_number" text not null, "since" timestamptz not null, constraint "account_holder_pkey" primary key ("person_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certificate"."account_holder" cascade;`);
  }
}
