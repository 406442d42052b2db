import 'reflect-metadata';
import { createMigration } from '@zhicheng/server-kit';
import { DB_SCHEMA } from './db-schema';
import { entities } from './entities';
import { migrations } from './migrations';

// `npm run migration:create`: writes the migration the entities need into src/migrations.
createMigration({
  schema: DB_SCHEMA,
  entities,
  migrations,
  migrationsDir: `${__dirname}/../src/migrations`,
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
