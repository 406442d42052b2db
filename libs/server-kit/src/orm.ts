import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';

export type { EntityManager };

export interface OrmSettings {
  databaseUrl: string;
  /** The subgraph's own PostgreSQL schema: no subgraph reads another's tables. */
  schema: string;
  entities: NonNullable<Options['entities']>;
  migrations: MigrationObject[];
  poolMax?: number;
  debug?: boolean;
}

export function ormOptions(settings: OrmSettings): Options {
  return {
    clientUrl: settings.databaseUrl,
    schema: settings.schema,
    entities: settings.entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: settings.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // The migrator prints plain `[migrator]` lines outside our JSON logs; callers log the names
      // that migrate() returns instead.
      silent: true,
    },
    pool: { min: 0, max: settings.poolMax ?? 10 },
    // Every request works on its own fork (see RequestContext); a global EM would mix identity maps.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: settings.debug ?? false,
    discovery: { disableDynamicFileAccess: true },
  };
}

export async function createOrm(settings: OrmSettings): Promise<MikroORM> {
  return MikroORM.init(ormOptions(settings));
}

/** Creates the subgraph's schema if needed and applies pending committed migrations. */
export async function migrate(orm: MikroORM, schema: string): Promise<string[]> {
  await orm.em.getConnection().execute(`create schema if not exists "${schema.replace(/"/g, '')}"`);
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

export { MikroORM };
