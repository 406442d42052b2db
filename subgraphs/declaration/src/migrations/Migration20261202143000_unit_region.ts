import { Migration } from '@mikro-orm/migrations';

/**
 * A unit's 所属行政区划 from identity's UnitReady (notice coverage by region); null until the unit
 * says one, when the credit code's region of registration is used as before.
 */
export class Migration20261202143000_unit_region extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "declaration"."known_unit" add column "region_code" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "declaration"."known_unit" drop column "region_code";`);
  }
}
