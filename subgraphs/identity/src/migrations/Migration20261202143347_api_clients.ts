import { Migration } from '@mikro-orm/migrations';

/** Third-party OAuth clients, their webhook endpoints, the deliveries (outbox) and their routing. */
export class Migration20261202143347_api_clients extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "identity"."api_client" ("id" uuid not null, "name" text not null, "owner_kind" text not null, "unit_id" uuid null, "organisation_id" uuid null, "scopes" jsonb not null, "secret_hash" text not null, "secret_hint" text not null, "created_by" text not null, "created_at" timestamptz not null, "secret_rotated_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_client_pkey" primary key ("id"));`);
    this.addSql(`create index "api_client_organisation_id_index" on "identity"."api_client" ("organisation_id");`);
    this.addSql(`create index "api_client_unit_id_index" on "identity"."api_client" ("unit_id");`);

    this.addSql(`create table "identity"."webhook_declaration" ("declaration_id" uuid not null, "unit_id" uuid not null, "organisation_ids" jsonb not null, constraint "webhook_declaration_pkey" primary key ("declaration_id"));`);

    this.addSql(`create table "identity"."webhook_delivery" ("id" uuid not null, "endpoint_id" uuid not null, "event_type" text not null, "source_event_id" text not null, "body" text not null, "status" text not null default 'PENDING', "attempt_count" int not null default 0, "attempts" jsonb not null, "next_attempt_at" timestamptz null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_endpoint_id_created_at_index" on "identity"."webhook_delivery" ("endpoint_id", "created_at");`);
    this.addSql(`create index "webhook_delivery_status_next_attempt_at_index" on "identity"."webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "identity"."webhook_delivery" add constraint "webhook_delivery_endpoint_id_source_event_id_unique" unique ("endpoint_id", "source_event_id");`);

    this.addSql(`create table "identity"."webhook_endpoint" ("id" uuid not null, "client_id" uuid not null, "url" text not null, "events" jsonb not null, "secret_sealed" text not null, "created_at" timestamptz not null, "failing_since" timestamptz null, "deleted_at" timestamptz null, constraint "webhook_endpoint_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_client_id_index" on "identity"."webhook_endpoint" ("client_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."api_client" cascade;`);

    this.addSql(`drop table if exists "identity"."webhook_declaration" cascade;`);

    this.addSql(`drop table if exists "identity"."webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "identity"."webhook_endpoint" cascade;`);
  }

}
