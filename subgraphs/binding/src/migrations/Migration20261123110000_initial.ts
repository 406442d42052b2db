import { Migration } from '@mikro-orm/migrations';
import { eventTablesSql } from '@zhicheng/events';

export class Migration20261123110000_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "binding";`);
    this.addSql(`create table "binding"."bindable_unit" ("unit_id" uuid not null, "credit_code" text not null, "name" text not null, "ready_at" timestamptz not null, "updated_at" timestamptz not null, constraint "bindable_unit_pkey" primary key ("unit_id"));`);

    this.addSql(`create table "binding"."binding" ("id" uuid not null, "person_id" uuid not null, "unit_id" uuid not null, "unit_name" text not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'REFUSED', 'ENDED')) not null default 'PENDING', "requested_at" timestamptz not null, "decided_at" timestamptz null, "opinion" text null, "decided_by_id" uuid null, "decided_by_kind" text check ("decided_by_kind" in ('LEGAL_PERSON', 'AGENT')) null, "decided_by_name" text null, "ended_at" timestamptz null, "version" int not null default 1, "updated_at" timestamptz not null, constraint "binding_pkey" primary key ("id"));`);
    this.addSql(`create index "binding_unit_id_status_requested_at_index" on "binding"."binding" ("unit_id", "status", "requested_at");`);
    this.addSql(`create index "binding_person_id_requested_at_index" on "binding"."binding" ("person_id", "requested_at");`);
    // One open (pending or approved) binding per person, whatever the code does (SPEC §2).
    this.addSql(`create unique index "binding_person_open_unique" on "binding"."binding" ("person_id") where "status" in ('PENDING', 'APPROVED');`);

    for (const sql of eventTablesSql('binding')) this.addSql(sql);
  }

}
