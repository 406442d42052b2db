import { Migration } from '@mikro-orm/migrations';

/**
 * Each signing key gets the PDF signer made with it (a self-signed X.509 certificate and its RSA
 * key, the key encrypted like the Ed25519 one). Keys made before have none until the service's
 * next start adds it (KeyRing.ensureKey).
 */
export class Migration20261202100000_pdf_signer extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "certificate"."signing_key" add column "pdf_certificate_pem" text null, add column "pdf_private_key_encrypted" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "certificate"."signing_key" drop column "pdf_certificate_pem", drop column "pdf_private_key_encrypted";`,
    );
  }
}
