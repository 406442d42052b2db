import { Migration } from '@mikro-orm/migrations';

/** Channels become data the bureau manages: a retired channel takes no new notices (issue 11). */
export class Migration20261202150000_channel_retired extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "declaration"."channel" add column "retired_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "declaration"."channel" drop column "retired_at";`);
  }
}
