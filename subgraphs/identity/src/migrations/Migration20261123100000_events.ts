import { Migration } from '@mikro-orm/migrations';
import { eventTablesSql } from '@zhicheng/events';

/**
 * identity's outbox and inbox (it publishes UnitReady). Units that signed in before the outbox
 * existed get the UnitReady they would have announced, so binding learns about them too.
 */
export class Migration20261123100000_events extends Migration {

  override async up(): Promise<void> {
    for (const sql of eventTablesSql('identity')) this.addSql(sql);
    this.addSql(`insert into "identity"."outbox_event" ("id", "type", "payload", "occurred_at")
      select gen_random_uuid(), 'UnitReady', jsonb_build_object('unitId', "id", 'creditCode', "credit_code", 'name', "name"), "first_sign_in_at"
      from "identity"."unit" where "first_sign_in_at" is not null order by "first_sign_in_at";`);
  }

}
