import { Migration } from '@mikro-orm/migrations';
import { eventTablesSql } from '@zhicheng/events';

export class Migration20261123120000_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "review";`);
    this.addSql(`create table "review"."batch" ("id" uuid not null, "unit_id" uuid not null, "attachment_id" uuid not null, "file_name" text not null, "size_bytes" int not null, "format" text not null, "sha256" text not null, "storage_key" text not null, "ticket_id" uuid not null, "uploaded_by_id" text not null, "uploaded_by_name" text not null, "uploaded_at" timestamptz not null, "forwarded_at" timestamptz null, "forwarded_by_id" text null, "forwarded_by_name" text null, "declaration_ids" jsonb null, "version" int not null default 1, constraint "batch_pkey" primary key ("id"));`);
    this.addSql(`alter table "review"."batch" add constraint "batch_attachment_id_unique" unique ("attachment_id");`);
    this.addSql(`alter table "review"."batch" add constraint "batch_ticket_id_unique" unique ("ticket_id");`);
    this.addSql(`create index "batch_unit_id_forwarded_at_index" on "review"."batch" ("unit_id", "forwarded_at");`);

    this.addSql(`create table "review"."case_participant" ("declaration_id" uuid not null, "level" text not null, "organisation_id" text not null, "first_task_at" timestamptz not null, "last_task_at" timestamptz not null, constraint "case_participant_pkey" primary key ("declaration_id", "level", "organisation_id"));`);
    this.addSql(`create index "case_participant_organisation_id_level_last_task_at_index" on "review"."case_participant" ("organisation_id", "level", "last_task_at");`);

    this.addSql(`create table "review"."known_unit" ("unit_id" uuid not null, "credit_code" text not null, "name" text not null, constraint "known_unit_pkey" primary key ("unit_id"));`);

    this.addSql(`create table "review"."module_flag" ("declaration_id" uuid not null, "task_sequence" int not null, "module" text not null, "has_errors" boolean not null, "note" text null, "set_by_id" text not null, "set_by_name" text not null, "set_at" timestamptz not null, constraint "module_flag_pkey" primary key ("declaration_id", "task_sequence", "module"));`);

    this.addSql(`create table "review"."review_case" ("declaration_id" uuid not null, "notice_id" uuid not null, "channel_code" text not null, "applicant_id" uuid not null, "applicant_name" text not null, "unit_id" uuid not null, "unit_name" text null, "title_name" text not null, "level_name" text not null, "category" text not null, "committee_id" text null, "state" jsonb null, "routing_problems" jsonb null, "phase" text not null, "current_level" text null, "current_organisation_id" text null, "current_task_sequence" int null, "current_task_state" text null, "current_since" timestamptz null, "submitted_at" timestamptz not null, "head_sequence" int null, "head_hash" text null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "review_case_pkey" primary key ("declaration_id"));`);
    this.addSql(`create index "review_case_notice_id_index" on "review"."review_case" ("notice_id");`);
    this.addSql(`create index "review_case_applicant_id_index" on "review"."review_case" ("applicant_id");`);
    this.addSql(`create index "review_case_current_organisation_id_current_level__ab96a_index" on "review"."review_case" ("current_organisation_id", "current_level", "current_task_state", "current_since");`);

    this.addSql(`create table "review"."reviewer_opinion" ("id" uuid not null, "account_id" text not null, "kind" text not null, "text" text not null, "created_at" timestamptz not null, constraint "reviewer_opinion_pkey" primary key ("id"));`);
    this.addSql(`create index "reviewer_opinion_account_id_kind_created_at_index" on "review"."reviewer_opinion" ("account_id", "kind", "created_at");`);
    this.addSql(`alter table "review"."reviewer_opinion" add constraint "reviewer_opinion_account_id_kind_text_unique" unique ("account_id", "kind", "text");`);

    this.addSql(`create table "review"."timeline_entry" ("id" uuid not null, "declaration_id" text not null, "sequence" int not null, "task_sequence" int not null, "at" timestamptz not null, "step" text not null, "step_text" text not null, "level" text not null, "level_text" text not null, "organisation_id" text null, "organisation_name" text null, "actor_id" text not null, "actor_name" text not null, "opinion" text null, "modules" jsonb null, "return_target" text null, "batch_id" text null, "status_after" text not null, "status_text" text not null, "previous_hash" text null, "hash" text not null, constraint "timeline_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "timeline_entry_actor_id_index" on "review"."timeline_entry" ("actor_id");`);
    this.addSql(`alter table "review"."timeline_entry" add constraint "timeline_entry_declaration_id_sequence_unique" unique ("declaration_id", "sequence");`);
    // The audit trail is append-only whatever the code does: UPDATE, DELETE and TRUNCATE are refused. (A
    // database owner can still disable the trigger; verifyAuditTrail's hash chain catches that.)
    this.addSql(`create or replace function "review"."timeline_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'review.timeline_entry is append-only (% refused)', tg_op using errcode = 'P0001'; end $$;`);
    this.addSql(`create trigger "timeline_entry_append_only" before update or delete on "review"."timeline_entry" for each row execute function "review"."timeline_entry_append_only"();`);
    this.addSql(`create trigger "timeline_entry_no_truncate" before truncate on "review"."timeline_entry" for each statement execute function "review"."timeline_entry_append_only"();`);

    for (const sql of eventTablesSql('review')) this.addSql(sql);
  }

}
