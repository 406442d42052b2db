import { Migration } from '@mikro-orm/migrations';

/**
 * Organisations and staff (issue 11 item 4) and routing by jurisdiction (item 5): committees'
 * remit, staff roles and the forced password change, units' region, nature and competent
 * department. Existing organisations are announced (OrganisationChanged) so review knows them.
 */
export class Migration20261202143000_organisations_and_staff extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."organisation" add column "enabled" boolean not null default true, add column "committee_series_code" text null, add column "committee_level_codes" jsonb null, add column "committee_specialty_codes" jsonb null, add column "committee_open" boolean null;`);
    this.addSql(`alter table "identity"."staff_account" add column "reviewer" boolean not null default true, add column "administrator" boolean not null default false, add column "must_change_password" boolean not null default false;`);
    this.addSql(`alter table "identity"."unit" add column "region_code" text null, add column "nature" text check ("nature" in ('ENTERPRISE', 'INSTITUTION', 'GOVERNMENT', 'SOCIAL_ORGANISATION', 'OTHER')) null, add column "competent_department_id" uuid null;`);
    this.addSql(`alter table "identity"."unit" add constraint "unit_competent_department_id_foreign" foreign key ("competent_department_id") references "identity"."organisation" ("id") on update cascade on delete set null;`);
    this.addSql(`insert into "identity"."outbox_event" ("id", "type", "payload", "occurred_at")
      select gen_random_uuid(), 'OrganisationChanged',
        jsonb_build_object('organisationId', "id", 'name', "name", 'kind', "kind", 'regionCode', "region_code",
          'parentId', "parent_id", 'enabled', true, 'committee', null,
          'at', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
        now()
      from "identity"."organisation" order by "created_at";`);
  }
}
