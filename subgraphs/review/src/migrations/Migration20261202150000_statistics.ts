import { Migration } from '@mikro-orm/migrations';

/**
 * 统计分析's reporting read model (src/statistics): declarations as events leave them, their stays
 * at each review level, and units' areas. Filled by the 'review-statistics' consumer, which starts
 * at the event stream's beginning, so existing deployments get their history on first start.
 */
export class Migration20261202150000_statistics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "review"."stat_declaration" ("declaration_id" uuid not null, "notice_id" uuid not null, "channel_code" text not null, "series_code" text null, "series_name" text null, "level_code" text null, "level_name" text null, "unit_id" uuid not null, "unit_name" text null, "region_code" text null, "status" text not null, "current_level" text null, "returned_from_level" text null, "return_count" int not null default 0, "committee_id" text null, "committee_name" text null, "committee_outcome" text null, "first_submitted_at" timestamptz not null, "last_submitted_at" timestamptz not null, "decided_at" timestamptz null, "certificate_issued_at" timestamptz null, constraint "stat_declaration_pkey" primary key ("declaration_id"));`);
    this.addSql(`create index "stat_declaration_unit_id_index" on "review"."stat_declaration" ("unit_id");`);
    this.addSql(`create index "stat_declaration_region_code_first_submitted_at_index" on "review"."stat_declaration" ("region_code", "first_submitted_at");`);
    this.addSql(`create index "stat_declaration_notice_id_first_submitted_at_index" on "review"."stat_declaration" ("notice_id", "first_submitted_at");`);
    this.addSql(`create index "stat_declaration_first_submitted_at_index" on "review"."stat_declaration" ("first_submitted_at");`);

    this.addSql(`create table "review"."stat_level_stay" ("declaration_id" uuid not null, "sequence" int not null, "level" text not null, "started_at" timestamptz not null, "ended_at" timestamptz null, constraint "stat_level_stay_pkey" primary key ("declaration_id", "sequence"));`);
    this.addSql(`create index "stat_level_stay_level_ended_at_index" on "review"."stat_level_stay" ("level", "ended_at");`);
    this.addSql(`create index "stat_level_stay_declaration_id_ended_at_index" on "review"."stat_level_stay" ("declaration_id", "ended_at");`);

    this.addSql(`create table "review"."stat_unit" ("unit_id" uuid not null, "name" text not null, "region_code" text null, constraint "stat_unit_pkey" primary key ("unit_id"));`);
  }
  override async down(): Promise<void> {
    this.addSql(`drop table if exists "review"."stat_declaration" cascade;`);
    this.addSql(`drop table if exists "review"."stat_level_stay" cascade;`);
    this.addSql(`drop table if exists "review"."stat_unit" cascade;`);
  }
}
