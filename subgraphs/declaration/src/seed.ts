import 'reflect-metadata';
import { createDeclarationOrm } from './orm';
import { demoSeasonEnabled } from '@zhicheng/server-kit';
import { loadDemoData } from './demo-data';
import { loadDemoSeason } from './demo-season';

/**
 * Loads the demo notices (idempotent). Declaration has no accounts of its own, so it prints no
 * DEMO lines; applicants bind to a unit (binding) before they can declare.
 */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const orm = await createDeclarationOrm(url, 2);
  try {
    const titles = await loadDemoData(orm.em.fork());
    console.log(`declaration: ${titles.length} demo notices ready`);
    if (demoSeasonEnabled()) {
      const declarations = await loadDemoSeason(orm.em.fork());
      console.log(`declaration: demo season: ${declarations} declarations ready`);
    }
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
