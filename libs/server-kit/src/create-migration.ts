import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions, type OrmSettings } from './orm';

/**
 * Developer tool behind each subgraph's `npm run migration:create`: migrates DATABASE_URL to the
 * latest committed migration, diffs the entities against it and writes a new migration into
 * `migrationsDir`; add it to the subgraph's src/migrations/index.ts by hand.
 */
export async function createMigration(
  settings: Omit<OrmSettings, 'databaseUrl'> & { migrationsDir: string },
): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const options = ormOptions({ ...settings, databaseUrl });
  const orm = await MikroORM.init({
    ...options,
    migrations: { ...options.migrations, path: settings.migrationsDir, emit: 'ts', snapshot: false },
  });
  try {
    await orm.em
      .getConnection()
      .execute(`create schema if not exists "${settings.schema.replace(/"/g, '')}"`);
    await orm.getMigrator().up();
    const result = await orm
      .getMigrator()
      .createMigration(undefined, false, settings.migrations.length === 0);
    console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes');
  } finally {
    await orm.close();
  }
}
