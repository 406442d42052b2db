import 'reflect-metadata';
import { loadCertificateEnv } from './env';
import { createCertificateOrm } from './orm';
import { KeyRing } from './services/keys';

/**
 * Operator tool: retires the current signing key and makes a new one. Certificates signed with
 * the old key keep verifying (it stays in did.json); new ones are signed with the new key.
 * Prints the new key id only (never key material).
 */
async function main() {
  const env = loadCertificateEnv();
  const orm = await createCertificateOrm(env.DATABASE_URL, 2);
  try {
    const keys = new KeyRing({
      publicUrl: env.PUBLIC_URL,
      keyEncryptionKey: env.CERTIFICATE_KEY_ENCRYPTION_KEY,
      issuerName: env.ISSUER_NAME,
    });
    console.log(`certificate: signing with ${await keys.rotate(orm.em.fork())} from now on`);
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
