import { Migration } from '@mikro-orm/migrations';

/**
 * Routing by jurisdiction: organisations (from identity's OrganisationChanged) and each unit's
 * region and competent department (from UnitReady, absent in older events: null until announced).
 */
export class Migration20261202143000_jurisdiction extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "review"."known_organisation" ("organisation_id" uuid not null, "name" text not null, "kind" text not null, "region_code" text not null, "enabled" boolean not null, constraint "known_organisation_pkey" primary key ("organisation_id"));`);
    this.addSql(`alter table "review"."known_unit" add column "region_code" text null, add column "competent_department_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "review"."known_organisation" cascade;`);
    this.addSql(`alter table "review"."known_unit" drop column "region_code", drop column "competent_department_id";`);
  }
}
