import 'reflect-metadata';
import { createIdentityOrm } from './orm';
import { demoSeasonEnabled } from '@zhicheng/server-kit';
import { DEMO_PASSWORD, loadDemoData } from './demo-data';
import { loadDemoSeason } from './demo-season';
import { hashPassword } from './domain/passwords';

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
    if (demoSeasonEnabled()) {
      const applicants = await loadDemoSeason(orm.em.fork(), await hashPassword(DEMO_PASSWORD));
      console.log(`identity: demo season: ${applicants} applicants in 10 units across the province ready`);
    }
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
