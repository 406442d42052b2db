import { Migration } from '@mikro-orm/migrations';

/**
 * Sessions (issue 8): the refresh chain gets an absolute lifetime counted from the sign-in, and
 * revocations are read by time for the revocation feed every token verifier follows.
 */
export class Migration20261202093000_session_lifetime extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."auth_session" add column "signed_in_at" timestamptz null;`);
    this.addSql(`update "identity"."auth_session" s set "signed_in_at" = f."first" from (select "family_id", min("created_at") as "first" from "identity"."auth_session" group by "family_id") f where f."family_id" = s."family_id";`);
    this.addSql(`alter table "identity"."auth_session" alter column "signed_in_at" set not null;`);
    this.addSql(`create index "auth_session_revoked_at_index" on "identity"."auth_session" ("revoked_at");`);
  }
}
