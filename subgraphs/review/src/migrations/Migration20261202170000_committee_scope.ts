import { Migration } from '@mikro-orm/migrations';

/**
 * A committee's remit (series, levels, specialties, 开放申报) from identity's OrganisationChanged,
 * so a route's open COMMITTEE level goes to the committee that reviews the declared title.
 * Committees announced before this column fill it when identity announces them again.
 */
export class Migration20261202170000_committee_scope extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "review"."known_organisation" add column "committee" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "review"."known_organisation" drop column "committee";`);
  }
}
