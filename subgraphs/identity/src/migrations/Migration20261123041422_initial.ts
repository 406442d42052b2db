import { Migration } from '@mikro-orm/migrations';

export class Migration20261123041422_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "identity";`);
    this.addSql(`create table "identity"."auth_session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "account_kind" text check ("account_kind" in ('PERSON', 'LEGAL_PERSON', 'AGENT', 'STAFF')) not null, "account_id" uuid not null, "family_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, "user_agent" text null, "ip" text null, constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_session_family_id_index" on "identity"."auth_session" ("family_id");`);
    this.addSql(`alter table "identity"."auth_session" add constraint "auth_session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "auth_session_account_kind_account_id_index" on "identity"."auth_session" ("account_kind", "account_id");`);

    this.addSql(`create table "identity"."captcha" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "answer" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "captcha_pkey" primary key ("id"));`);

    this.addSql(`create table "identity"."organisation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "kind" text check ("kind" in ('PROVINCE_BUREAU', 'CITY_BUREAU', 'COUNTY_BUREAU', 'DEPARTMENT', 'COMMITTEE')) not null, "region_code" text not null, "parent_id" uuid null, constraint "organisation_pkey" primary key ("id"));`);

    this.addSql(`create table "identity"."person" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "password_hash" text not null, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, "last_sign_in_at" timestamptz null, "name" text not null, "id_type" text check ("id_type" in ('RESIDENT_ID', 'PASSPORT')) not null, "id_number" text not null, "mobile" text not null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity"."person" add constraint "person_id_number_unique" unique ("id_number");`);
    this.addSql(`alter table "identity"."person" add constraint "person_mobile_unique" unique ("mobile");`);

    this.addSql(`create table "identity"."rate_limit_bucket" ("key" text not null, "window_start" timestamptz not null, "hits" int not null, constraint "rate_limit_bucket_pkey" primary key ("key"));`);

    this.addSql(`create table "identity"."signing_key" ("kid" text not null, "private_jwk" jsonb not null, "public_jwk" jsonb not null, "created_at" timestamptz not null, "retired_at" timestamptz null, constraint "signing_key_pkey" primary key ("kid"));`);

    this.addSql(`create table "identity"."sms_code" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "mobile" text not null, "purpose" text check ("purpose" in ('REGISTER_PERSON', 'REGISTER_UNIT', 'RECOVER_PASSWORD', 'ACTIVATE_UNIT')) not null, "code_hash" text not null, "expires_at" timestamptz not null, "attempts" int not null default 0, "consumed_at" timestamptz null, constraint "sms_code_pkey" primary key ("id"));`);
    this.addSql(`create index "sms_code_mobile_purpose_created_at_index" on "identity"."sms_code" ("mobile", "purpose", "created_at");`);

    this.addSql(`create table "identity"."sms_outbox" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "mobile" text not null, "text" text not null, "sent_at" timestamptz null, constraint "sms_outbox_pkey" primary key ("id"));`);
    this.addSql(`create index "sms_outbox_mobile_created_at_index" on "identity"."sms_outbox" ("mobile", "created_at");`);

    this.addSql(`create table "identity"."staff_account" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "password_hash" text not null, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, "last_sign_in_at" timestamptz null, "username" text not null, "name" text not null, "organisation_id" uuid not null, "enabled" boolean not null default true, constraint "staff_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity"."staff_account" add constraint "staff_account_username_unique" unique ("username");`);

    this.addSql(`create table "identity"."unit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "password_hash" text not null, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, "last_sign_in_at" timestamptz null, "credit_code" text not null, "name" text not null, "legal_person_name" text not null, "legal_person_id_number" text not null, "mobile" text not null, "status" text check ("status" in ('PENDING_ACTIVATION', 'ACTIVE')) not null default 'PENDING_ACTIVATION', "activated_at" timestamptz null, "first_sign_in_at" timestamptz null, constraint "unit_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity"."unit" add constraint "unit_credit_code_unique" unique ("credit_code");`);

    this.addSql(`create table "identity"."agent" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "password_hash" text not null, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, "last_sign_in_at" timestamptz null, "unit_id" uuid not null, "name" text not null, "mobile" text not null, "id_number" text not null, "enabled" boolean not null default true, constraint "agent_pkey" primary key ("id"));`);
    this.addSql(`alter table "identity"."agent" add constraint "agent_unit_id_id_number_unique" unique ("unit_id", "id_number");`);
    this.addSql(`alter table "identity"."agent" add constraint "agent_unit_id_mobile_unique" unique ("unit_id", "mobile");`);

    this.addSql(`alter table "identity"."organisation" add constraint "organisation_parent_id_foreign" foreign key ("parent_id") references "identity"."organisation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "identity"."staff_account" add constraint "staff_account_organisation_id_foreign" foreign key ("organisation_id") references "identity"."organisation" ("id") on update cascade;`);

    this.addSql(`alter table "identity"."agent" add constraint "agent_unit_id_foreign" foreign key ("unit_id") references "identity"."unit" ("id") on update cascade;`);
  }

}
