import {
  createLogger,
  createTokenVerifier,
  migrate,
  startSubgraphServer,
  queryLimitSettingsOf,
  type Logger,
  type MikroORM,
  type RunningServer,
  type TokenVerifier,
} from '@zhicheng/server-kit';
import {
  createPostgresTransport,
  type EventTransport,
  type OutboxRelay,
  personalDataViewsPlugin,
  startEventWork,
  type Subscription,
} from '@zhicheng/events';
import { LocalDirectoryStorage, type FileStorage } from '@zhicheng/files';
import { createLivePubSub } from '@zhicheng/live';
import type { DeclarationContext, DeclarationDeps } from './context';
import type { DegreeRegistry } from './services/registry';
import { DB_SCHEMA, SERVICE_NAME } from './db-schema';
import type { DeclarationEnv } from './env';
import { CONSUMER_NAME, createHandlers } from './events/consumers';
import { mountFileRoutes } from './files/routes';
import { FileLinks } from './files/tokens';
import { createDeclarationOrm } from './orm';
import { buildDeclarationSchema } from './schema';
import { seedChannels } from './services/channels';

export interface DeclarationServer extends RunningServer {
  deps: DeclarationDeps;
  /** The service's ORM (tests open their own transactions on it). */
  orm: MikroORM;
  /** Publishes committed outbox events now (tests await it). */
  relay: OutboxRelay;
  /** Handles every event published so far (tests await it). */
  consumer: Subscription;
  transport: EventTransport;
}

export interface StartOptions {
  logger?: Logger;
  /** Tests verify tokens with a key set they made; by default identity's JWKS URL is used. */
  verifier?: TokenVerifier;
  storage?: FileStorage;
  /** The clock (tests move it); default: the real time. */
  now?: () => Date;
  /** Tests and `npm start` migrate on boot; production runs migrate.js as a separate step. */
  migrateOnStart?: boolean;
  /** A degree registry client (学历学位自动获取); none by default. */
  degreeRegistry?: DegreeRegistry | null;
}

export async function startDeclaration(
  env: DeclarationEnv,
  options: StartOptions = {},
): Promise<DeclarationServer> {
  const logger = options.logger ?? createLogger('declaration', env.LOG_LEVEL);
  const orm = await createDeclarationOrm(env.DATABASE_URL);
  try {
    if (options.migrateOnStart) await migrate(orm, DB_SCHEMA);
    await seedChannels(orm.em.fork());
  } catch (error) {
    await orm.close();
    throw error;
  }
  const live = createLivePubSub(env.DATABASE_URL, logger);
  const deps: DeclarationDeps = {
    env,
    logger,
    storage: options.storage ?? new LocalDirectoryStorage(env.FILES_DIR),
    links: new FileLinks(env),
    now: options.now ?? (() => new Date()),
    live,
    degreeRegistry: options.degreeRegistry ?? null,
  };
  let server: RunningServer;
  try {
    server = await startSubgraphServer<DeclarationContext>({
      name: 'declaration',
      schema: await buildDeclarationSchema(live),
      orm,
      logger,
      verifier: options.verifier ?? createTokenVerifier({ jwksUrl: env.IDENTITY_JWKS_URL }),
      host: env.HOST,
      port: env.PORT,
      trustProxy: env.TRUST_PROXY,
      production: env.NODE_ENV === 'production',
      queryLimits: queryLimitSettingsOf(env),
      configureApp: (app) => mountFileRoutes(app, orm, deps),
      extendContext: (base) => ({ ...base, deps }),
      // Reads of a person's data by others are logged for them (谁查看了我的信息).
      plugins: [personalDataViewsPlugin(orm, logger)],
      // graphql-ws on /graphql serves declarationStatusChanged; the server closes the pub/sub.
      pubSub: live,
    });
  } catch (error) {
    await live.close();
    await orm.close();
    throw error;
  }

  const transport = createPostgresTransport(env.DATABASE_URL, logger);
  const events = startEventWork({
    orm,
    schema: DB_SCHEMA,
    source: SERVICE_NAME,
    consumerName: CONSUMER_NAME,
    handlers: createHandlers(logger),
    transport,
    ownsTransport: true,
    logger,
  });

  return {
    ...server,
    deps,
    orm,
    relay: events.relay,
    consumer: events.consumer,
    transport,
    async close() {
      await events.stop();
      await server.close();
    },
  };
}
