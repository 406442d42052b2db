import { Migration } from '@mikro-orm/migrations';

/**
 * Persons registered before identity announced PersonRegistered get the event they would have
 * announced, so declaration knows every account holder's real name and ID number (hole 15).
 */
export class Migration20261202110000_person_registered extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into "identity"."outbox_event" ("id", "type", "payload", "occurred_at")
      select gen_random_uuid(), 'PersonRegistered',
        jsonb_build_object('personId', "id", 'name', "name", 'idType', "id_type", 'idNumber', "id_number",
          'at', to_char("created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
        "created_at"
      from "identity"."person" order by "created_at";`);
  }
}
