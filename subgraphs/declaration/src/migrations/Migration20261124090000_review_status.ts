import { Migration } from '@mikro-orm/migrations';

/** What declaration keeps from review's events: the last return, where review has it, when. */
export class Migration20261124090000_review_status extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "declaration"."declaration" add column "returned_at" timestamptz null, add column "returned_by" jsonb null, add column "status_changed_at" timestamptz null, add column "review_position" jsonb null, add column "review_stops" jsonb not null default '{}', add column "review_event_at" timestamptz null;`,
    );
    // Existing rows got '{}' from the default; new rows get it from the entity (as `data` does).
    this.addSql(`alter table "declaration"."declaration" alter column "review_stops" drop default;`);
    // Declarations submitted before this migration: their status last changed when submitted.
    this.addSql(
      `update "declaration"."declaration" set "status_changed_at" = coalesce("submitted_at", "cancelled_at") where "status_changed_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "declaration"."declaration" drop column "returned_at", drop column "returned_by", drop column "status_changed_at", drop column "review_position", drop column "review_stops", drop column "review_event_at";`,
    );
  }
}
