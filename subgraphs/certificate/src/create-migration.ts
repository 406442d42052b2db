import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@zhicheng/server-kit';
import { DB_SCHEMA } from './db-schema';
import { entities } from './entities';
import { migrations } from './migrations';

/**
 * Developer tool: diffs the entities against DATABASE_URL (migrated to the latest) and writes
 * a new migration into src/migrations; add it to src/migrations/index.ts by hand.
 */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const options = ormOptions({ databaseUrl: url, schema: DB_SCHEMA, entities, migrations });
  const orm = await MikroORM.init({
    ...options,
    migrations: {
      ...options.migrations,
      path: `${__dirname}/../src/migrations`,
      emit: 'ts',
      snapshot: false,
    },
  });
  await orm.em.getConnection().execute(`create schema if not exists ${DB_SCHEMA}`);
  await orm.getMigrator().up();
  const result = await orm.getMigrator().createMigration(undefined, false, migrations.length === 0);
  console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes');
  await orm.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
