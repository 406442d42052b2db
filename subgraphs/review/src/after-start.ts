import 'reflect-metadata';
import { LocalDirectoryStorage } from '@zhicheng/files';
import { demoSeasonEnabled } from '@zhicheng/server-kit';
import { decideDemoSeason } from './demo-season';
import { loadReviewEnv } from './env';
import { createReviewOrm } from './orm';

/**
 * `npm start` runs this once every process is ready: the demo season's review decisions (they
 * need the cases review's consumer opens from the declarations' DeclarationSubmitted).
 */
async function main() {
  if (!demoSeasonEnabled()) return;
  const env = loadReviewEnv(process.env);
  const orm = await createReviewOrm(env.DATABASE_URL);
  try {
    const decided = await decideDemoSeason(orm, new LocalDirectoryStorage(env.FILES_DIR));
    console.log(`review: demo season: ${decided} cases decided`);
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
