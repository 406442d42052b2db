// The committed migrations build exactly what the entities describe: an entity change without
// its migration (or a hand-written migration that differs) fails here, not in production.
import 'reflect-metadata';
import { migrate } from '@zhicheng/server-kit';
import { createTestDatabase } from '@zhicheng/testing';
import { DB_SCHEMA } from '../src/db-schema';
import { createCertificateOrm } from '../src/orm';

it('after every migration the database matches the entities (nothing left to generate)', async () => {
  const database = await createTestDatabase('certificate_migrations');
  const orm = await createCertificateOrm(database.url);
  try {
    await migrate(orm, DB_SCHEMA);
    const pending = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, schema: DB_SCHEMA });
    expect(pending.trim()).toBe('');
  } finally {
    await orm.close();
    await database.drop();
  }
});
