import { createOrm, type MikroORM } from '@zhicheng/server-kit';
import { DB_SCHEMA } from './db-schema';
import { entities } from './entities';
import { migrations } from './migrations';

export function createCertificateOrm(databaseUrl: string, poolMax?: number): Promise<MikroORM> {
  return createOrm({ databaseUrl, schema: DB_SCHEMA, entities, migrations, poolMax });
}
