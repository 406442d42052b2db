import 'reflect-metadata';
import { migrate } from '@zhicheng/server-kit';
import { DB_SCHEMA } from './db-schema';
import { createCertificateOrm } from './orm';

/** Applies certificate's committed migrations to DATABASE_URL; run before starting new code. */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const orm = await createCertificateOrm(url, 2);
  try {
    const applied = await migrate(orm, DB_SCHEMA);
    console.log(
      applied.length ? `certificate: applied ${applied.join(', ')}` : 'certificate: schema up to date',
    );
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
