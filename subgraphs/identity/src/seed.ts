import 'reflect-metadata';
import { createIdentityOrm } from './orm';
import { DEMO_PASSWORD, loadDemoData } from './demo-data';

/** Loads the demo data and prints one `DEMO` line per account for the launcher to show. */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const orm = await createIdentityOrm(url, 2);
  try {
    const accounts = await loadDemoData(orm.em.fork());
    for (const a of accounts) {
      console.log(['DEMO', a.role, a.account, DEMO_PASSWORD, a.name, a.extra ?? ''].join('\t'));
    }
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
