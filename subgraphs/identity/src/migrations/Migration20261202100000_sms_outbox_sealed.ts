import { Migration } from '@mikro-orm/migrations';

/**
 * Secrets at rest (issue 8): the SMS outbox keeps a message only sealed and only until it was
 * delivered. Texts kept in plain text so far are dropped (codes expire within minutes anyway).
 * Signing keys are sealed by identity at start (the key is not available to migrations).
 */
export class Migration20261202100000_sms_outbox_sealed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."sms_outbox" add column "sealed_text" text null;`);
    this.addSql(`alter table "identity"."sms_outbox" drop column "text";`);
  }
}
