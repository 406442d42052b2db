import { Migration } from '@mikro-orm/migrations';

/**
 * 系列 and 专业 of each case (codes to filter queues by, names to show), copied from
 * DeclarationSubmitted. Cases opened before stay null until their next submission: the event
 * carries no history, and they do not match a 系列/专业 filter meanwhile.
 */
export class Migration20261202140000_case_title_facts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "review"."review_case" add column "series_code" text null, add column "series_name" text null, add column "specialty_code" text null, add column "specialty_name" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "review"."review_case" drop column "series_code", drop column "series_name", drop column "specialty_code", drop column "specialty_name";`,
    );
  }
}
