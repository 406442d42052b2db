import { Migration } from '@mikro-orm/migrations';

/**
 * 证书补办/换发 and 历史职称数据登记: regions and 申报点 (configuration), uploaded files (rows and
 * bytes), the two audited applications, and certificates that replace others. declaration_id is
 * no longer unique on its own: one ORIGINAL certificate per declaration (and per registered paper
 * certificate) stays guaranteed by partial unique indexes over the rows that replace nothing, and
 * a certificate is replaced at most once (unique replaces_id).
 */
export class Migration20261202112215_reissue extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "certificate"."application_file" ("id" uuid not null, "owner_person_id" uuid not null, "purpose" text not null, "slot" text not null, "file_name" text not null, "size_bytes" int not null, "format" text not null, "sha256" text not null, "storage_key" text not null, "ticket_id" uuid not null, "uploaded_at" timestamptz not null, "reissue_application_id" uuid null, "historical_registration_id" uuid null, constraint "application_file_pkey" primary key ("id"));`);
    this.addSql(`alter table "certificate"."application_file" add constraint "application_file_ticket_id_unique" unique ("ticket_id");`);
    this.addSql(`create index "application_file_reissue_application_id_index" on "certificate"."application_file" ("reissue_application_id");`);
    this.addSql(`create index "application_file_historical_registration_id_index" on "certificate"."application_file" ("historical_registration_id");`);
    this.addSql(`create index "application_file_owner_person_id_uploaded_at_index" on "certificate"."application_file" ("owner_person_id", "uploaded_at");`);

    this.addSql(`create table "certificate"."declaration_point" ("id" uuid not null, "region_code" text not null, "name" text not null, "sort_order" int not null default 0, constraint "declaration_point_pkey" primary key ("id"));`);
    this.addSql(`create index "declaration_point_region_code_index" on "certificate"."declaration_point" ("region_code");`);

    this.addSql(`create table "certificate"."historical_registration" ("id" uuid not null, "applicant_person_id" uuid not null, "applicant_name" text not null, "region_code" text not null, "region_name" text not null, "audit_organisation_id" uuid not null, "status" text not null default 'PENDING', "submitted_at" timestamptz not null, "decided_at" timestamptz null, "decided_by_id" uuid null, "decided_by_name" text null, "opinion" text null, "certificate_number" text not null, "holder_name" text not null, "holder_id_number_masked" text not null, "obtained_by" text not null, "title_name" text not null, "series_name" text null, "specialty_name" text not null, "level_name" text not null, "obtained_on" text not null, "committee_name" text null, "approval_document_number" text null, "issuer_name" text not null, "issued_on" text not null, "work_unit" text null, "replaced_by_certificate_id" uuid null, constraint "historical_registration_pkey" primary key ("id"));`);
    this.addSql(`create index "historical_registration_certificate_number_index" on "certificate"."historical_registration" ("certificate_number");`);
    this.addSql(`create index "historical_registration_applicant_person_id_submitted_at_index" on "certificate"."historical_registration" ("applicant_person_id", "submitted_at");`);
    this.addSql(`create index "historical_registration_audit_organisation_id_stat_9ead1_index" on "certificate"."historical_registration" ("audit_organisation_id", "status", "submitted_at");`);
    this.addSql(`create unique index "historical_registration_number_once" on "certificate"."historical_registration" ("certificate_number") where "status" in ('PENDING', 'APPROVED');`);

    this.addSql(`create table "certificate"."region" ("code" text not null, "name" text not null, "audit_organisation_id" uuid not null, "sort_order" int not null default 0, constraint "region_pkey" primary key ("code"));`);
    this.addSql(`create index "region_audit_organisation_id_index" on "certificate"."region" ("audit_organisation_id");`);

    this.addSql(`create table "certificate"."reissue_application" ("id" uuid not null, "applicant_person_id" uuid not null, "applicant_name" text not null, "region_code" text not null, "region_name" text not null, "audit_organisation_id" uuid not null, "status" text not null default 'PENDING', "submitted_at" timestamptz not null, "decided_at" timestamptz null, "decided_by_id" uuid null, "decided_by_name" text null, "opinion" text null, "certificate_id" uuid null, "historical_registration_id" uuid null, "certificate_number" text not null, "holder_name" text not null, "title_name" text not null, "declaration_type" text not null, "business_type" text not null, "declaration_point_id" uuid not null, "declaration_point_name" text not null, "reason" text not null, "new_certificate_id" uuid null, constraint "reissue_application_pkey" primary key ("id"));`);
    this.addSql(`create index "reissue_application_applicant_person_id_submitted_at_index" on "certificate"."reissue_application" ("applicant_person_id", "submitted_at");`);
    this.addSql(`create index "reissue_application_audit_organisation_id_status_s_444b0_index" on "certificate"."reissue_application" ("audit_organisation_id", "status", "submitted_at");`);
    this.addSql(`create unique index "reissue_application_one_pending_per_registration" on "certificate"."reissue_application" ("historical_registration_id") where "status" = 'PENDING';`);
    this.addSql(`create unique index "reissue_application_one_pending_per_certificate" on "certificate"."reissue_application" ("certificate_id") where "status" = 'PENDING';`);

    this.addSql(`create table "certificate"."stored_file" ("key" text not null, "bytes" bytea not null, "created_at" timestamptz not null, constraint "stored_file_pkey" primary key ("key"));`);

    this.addSql(`alter table "certificate"."certificate" drop constraint "certificate_declaration_id_unique";`);

    this.addSql(`alter table "certificate"."certificate" add column "historical_registration_id" uuid null, add column "replaces_id" uuid null, add column "replaced_by_id" uuid null;`);
    this.addSql(`alter table "certificate"."certificate" alter column "declaration_id" drop not null;`);
    this.addSql(`alter table "certificate"."certificate" add constraint "certificate_replaces_id_unique" unique ("replaces_id");`);
    this.addSql(`create index "certificate_declaration_id_index" on "certificate"."certificate" ("declaration_id");`);
    this.addSql(`create unique index "certificate_historical_original_unique" on "certificate"."certificate" ("historical_registration_id") where "replaces_id" is null;`);
    this.addSql(`create unique index "certificate_declaration_original_unique" on "certificate"."certificate" ("declaration_id") where "replaces_id" is null;`);
    this.addSql(`alter table "certificate"."certificate" add constraint certificate_has_origin check("declaration_id" is not null or "historical_registration_id" is not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certificate"."application_file" cascade;`);

    this.addSql(`drop table if exists "certificate"."declaration_point" cascade;`);

    this.addSql(`drop table if exists "certificate"."historical_registration" cascade;`);

    this.addSql(`drop table if exists "certificate"."region" cascade;`);

    this.addSql(`drop table if exists "certificate"."reissue_application" cascade;`);

    this.addSql(`drop table if exists "certificate"."stored_file" cascade;`);

    this.addSql(`alter table "certificate"."certificate" drop constraint "certificate_replaces_id_unique";`);
    this.addSql(`drop index "certificate"."certificate_declaration_id_index";`);
    this.addSql(`drop index "certificate"."certificate_historical_original_unique";`);
    this.addSql(`drop index "certificate"."certificate_declaration_original_unique";`);
    this.addSql(`alter table "certificate"."certificate" drop constraint certificate_has_origin;`);
    this.addSql(`alter table "certificate"."certificate" drop column "historical_registration_id", drop column "replaces_id", drop column "replaced_by_id";`);

    this.addSql(`alter table "certificate"."certificate" alter column "declaration_id" set not null;`);
    this.addSql(`alter table "certificate"."certificate" add constraint "certificate_declaration_id_unique" unique ("declaration_id");`);
  }

}
