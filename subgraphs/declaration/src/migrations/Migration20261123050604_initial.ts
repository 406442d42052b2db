import { Migration } from '@mikro-orm/migrations';

import { eventTablesSql } from '@zhicheng/events';

export class Migration20261123050604_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "declaration";`);
    this.addSql(
      `create table "declaration"."applicant_binding" ("person_id" uuid not null, "binding_id" uuid not null, "unit_id" uuid not null, "unit_name" text not null, "since" timestamptz not null, "updated_at" timestamptz not null, constraint "applicant_binding_pkey" primary key ("person_id"));`,
    );

    this.addSql(
      `create table "declaration"."channel" ("code" text not null, "name" text not null, "group_code" text not null, "group_name" text not null, "sort_order" int not null default 0, "config" jsonb not null, "updated_at" timestamptz not null, constraint "channel_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "declaration"."inbox_entry" ("consumer" text not null, "event_id" uuid not null, "type" text not null, "handled_at" timestamptz not null, constraint "inbox_entry_pkey" primary key ("consumer", "event_id"));`,
    );

    this.addSql(
      `create table "declaration"."known_unit" ("unit_id" uuid not null, "credit_code" text not null, "name" text not null, constraint "known_unit_pkey" primary key ("unit_id"));`,
    );

    this.addSql(
      `create table "declaration"."notice" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "channel_code" text not null, "title" text not null, "opens_at" timestamptz not null, "closes_at" timestamptz not null, "notes" text not null default '', "coverage" jsonb not null, "route" jsonb not null, "form_config" jsonb not null, "committees" jsonb not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED')) not null default 'DRAFT', "created_by" uuid not null, "published_at" timestamptz null, constraint "notice_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notice_status_closes_at_index" on "declaration"."notice" ("status", "closes_at");`,
    );

    this.addSql(
      `create table "declaration"."declaration" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "notice_id" uuid not null, "applicant_id" uuid not null, "applicant_name" text not null, "unit_id" uuid not null, "unit_name" text not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'RETURNED', 'MATERIALS_APPROVED', 'FINALLY_APPROVED', 'TERMINATED', 'CANCELLED')) not null default 'DRAFT', "version" int not null default 1, "category" text check ("category" in ('NORMAL', 'EXCEPTIONAL')) not null, "committee_id" text null, "data" jsonb not null, "pledged_at" timestamptz null, "submitted_at" timestamptz null, "submission_count" int not null default 0, "submitted_from_version" int null, "returned_modules" jsonb null, "return_opinion" text null, "cancelled_at" timestamptz null, "deleted_at" timestamptz null, constraint "declaration_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "declaration_unit_id_status_index" on "declaration"."declaration" ("unit_id", "status");`,
    );
    this.addSql(
      `create index "declaration_applicant_id_created_at_index" on "declaration"."declaration" ("applicant_id", "created_at");`,
    );
    this.addSql(
      `create unique index "declaration_one_active_per_notice" on "declaration"."declaration" ("notice_id", "applicant_id") where "deleted_at" is null and "status" not in ('CANCELLED', 'TERMINATED');`,
    );

    this.addSql(
      `create table "declaration"."attachment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "declaration_id" uuid not null, "slot_kind" text check ("slot_kind" in ('CATALOGUE', 'ENTRY')) not null, "slot_code" text not null, "entry_id" text null, "file_name" text not null, "format" text not null, "size_bytes" int not null, "sha256" text not null, "storage_key" text not null, "ticket_id" uuid not null, "uploaded_by" uuid not null, constraint "attachment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "declaration"."attachment" add constraint "attachment_ticket_id_unique" unique ("ticket_id");`,
    );
    this.addSql(
      `create index "attachment_declaration_id_slot_kind_slot_code_index" on "declaration"."attachment" ("declaration_id", "slot_kind", "slot_code");`,
    );

    this.addSql(
      `create table "declaration"."outbox_event" ("id" uuid not null, "type" text not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_event_published_at_index" on "declaration"."outbox_event" ("published_at");`,
    );

    this.addSql(
      `alter table "declaration"."notice" add constraint "notice_channel_code_foreign" foreign key ("channel_code") references "declaration"."channel" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "declaration"."declaration" add constraint "declaration_notice_id_foreign" foreign key ("notice_id") references "declaration"."notice" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "declaration"."attachment" add constraint "attachment_declaration_id_foreign" foreign key ("declaration_id") references "declaration"."declaration" ("id") on update cascade on delete cascade;`,
    );

    // The outbox's partial index and its NOTIFY trigger (idempotent, after the generated tables).
    for (const sql of eventTablesSql('declaration')) this.addSql(sql);
  }
}
