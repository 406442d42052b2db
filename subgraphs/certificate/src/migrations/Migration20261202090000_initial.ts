import { Migration } from '@mikro-orm/migrations';
import { eventTablesSql } from '@zhicheng/events';

export class Migration20261202090000_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "certificate";`);
    this.addSql(`create table "certificate"."declaration_fact" ("declaration_id" uuid not null, "person_id" uuid null, "holder_name" text null, "id_number_masked" text null, "channel_code" text null, "title_name" text null, "series_name" text null, "specialty_name" text null, "level_name" text null, "submitted_at" timestamptz null, "approved_at" timestamptz null, "committee_name" text null, "updated_at" timestamptz not null, constraint "declaration_fact_pkey" primary key ("declaration_id"));`);

    this.addSql(`create table "certificate"."certificate" ("id" uuid not null, "number" text not null, "declaration_id" uuid not null, "holder_person_id" uuid not null, "holder_name" text not null, "holder_id_number_masked" text null, "title_name" text not null, "series_name" text null, "specialty_name" text null, "level_name" text not null, "committee_name" text null, "approved_on" text not null, "issued_at" timestamptz not null, "issuer_name" text not null, "status_list_index" int not null, "kid" text not null, "credential" text not null, "revoked_at" timestamptz null, "revocation_reason" text null, "created_at" timestamptz not null, constraint "certificate_pkey" primary key ("id"));`);
    // One certificate per approved declaration, one per number, one per status list entry,
    // whatever the code does.
    this.addSql(`alter table "certificate"."certificate" add constraint "certificate_number_unique" unique ("number");`);
    this.addSql(`alter table "certificate"."certificate" add constraint "certificate_declaration_id_unique" unique ("declaration_id");`);
    this.addSql(`alter table "certificate"."certificate" add constraint "certificate_status_list_index_unique" unique ("status_list_index");`);
    this.addSql(`create index "certificate_holder_person_id_issued_at_index" on "certificate"."certificate" ("holder_person_id", "issued_at");`);

    this.addSql(`create table "certificate"."signing_key" ("key_id" text not null, "public_jwk" jsonb not null, "private_key_encrypted" text not null, "created_at" timestamptz not null, "retired_at" timestamptz null, constraint "signing_key_pkey" primary key ("key_id"));`);

    this.addSql(`create table "certificate"."rate_limit_bucket" ("key" text not null, "window_start" timestamptz not null, "hits" int not null, constraint "rate_limit_bucket_pkey" primary key ("key"));`);

    // Status list entries are handed out in order from 0; certificate numbers come from one
    // sequence per year, created on first use (services/numbers.ts).
    this.addSql(`create sequence "certificate"."status_list_index" minvalue 0 start 0;`);

    for (const sql of eventTablesSql('certificate')) this.addSql(sql);
  }

}
