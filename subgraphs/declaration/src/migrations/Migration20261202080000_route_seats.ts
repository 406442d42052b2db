import { Migration } from '@mikro-orm/migrations';

/**
 * The organisations that have had each declaration on their route (who may read it). Existing
 * declarations get the organisations review's events placed them at so far (the remembered stops).
 */
export class Migration20261202080000_route_seats extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "declaration"."declaration" add column "route_seats" jsonb not null default '[]';`);
    this.addSql(`alter table "declaration"."declaration" alter column "route_seats" drop default;`);
    this.addSql(
      `update "declaration"."declaration" d set "route_seats" = coalesce((select jsonb_agg(jsonb_build_object('level', s.key, 'organisationId', s.value->>'organisationId')) from jsonb_each(d."review_stops") s where coalesce(s.value->>'organisationId', '') <> ''), '[]'::jsonb);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "declaration"."declaration" drop column "route_seats";`);
  }
}
