import { Migration } from '@mikro-orm/migrations';

/** 谁查看了我的信息: the access log, and the pending binding requests that allow a unit to verify. */
export class Migration20261202090500_personal_data_access extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "identity"."personal_data_access" ("id" uuid not null, "person_id" uuid not null, "viewer_kind" text not null, "viewer_role" text not null, "viewer_id" text not null, "viewer_name" text not null, "organisation_id" text null, "organisation_name" text null, "declaration_id" uuid null, "items" jsonb not null, "viewed_at" timestamptz not null, "last_viewed_at" timestamptz not null, "view_count" int not null default 1, "last_request_id" text not null, constraint "personal_data_access_pkey" primary key ("id"));`);
    this.addSql(`create index if not exists "personal_data_access_person_id_viewed_at_id_index" on "identity"."personal_data_access" ("person_id", "viewed_at", "id");`);
    this.addSql(`create index if not exists "personal_data_access_person_id_viewer_id_viewed_at_index" on "identity"."personal_data_access" ("person_id", "viewer_id", "viewed_at");`);
    this.addSql(`create index if not exists "personal_data_access_last_viewed_at_index" on "identity"."personal_data_access" ("last_viewed_at");`);
    this.addSql(`create table if not exists "identity"."pending_binding_request" ("binding_id" uuid not null, "person_id" uuid not null, "unit_id" uuid not null, "requested_at" timestamptz not null, constraint "pending_binding_request_pkey" primary key ("binding_id"));`);
    this.addSql(`create index if not exists "pending_binding_request_person_id_unit_id_index" on "identity"."pending_binding_request" ("person_id", "unit_id");`);
  }

}
