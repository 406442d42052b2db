import 'reflect-metadata';
import { migrate } from '@zhicheng/server-kit';
import { DB_SCHEMA } from './db-schema';
import { createDeclarationOrm } from './orm';
import { seedChannels } from './services/channels';

/** Applies declaration's committed migrations to DATABASE_URL (and the channel data); run before starting new code. */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const orm = await createDeclarationOrm(url, 2);
  try {
    const applied = await migrate(orm, DB_SCHEMA);
    await seedChannels(orm.em.fork());
    console.log(
      applied.length ? `declaration: applied ${applied.join(', ')}` : 'declaration: schema up to date',
    );
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
