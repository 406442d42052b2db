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
  startEventConsumer,
  startEventWork,
  type Subscription,
} from '@zhicheng/events';
import { LocalDirectoryStorage, type FileStorage } from '@zhicheng/files';
import { createLivePubSub } from '@zhicheng/live';
import type { ReviewContext, ReviewDeps } from './context';
import { DB_SCHEMA, SERVICE_NAME } from './db-schema';
import type { ReviewEnv } from './env';
import { CONSUMER_NAME, reviewHandlers } from './events/consumers';
import { mountFileRoutes } from './files/routes';
import { FileLinks } from './files/tokens';
import { createReviewOrm } from './orm';
import { buildReviewSchema } from './schema';
import { STATISTICS_CONSUMER, statisticsHandlers } from './statistics/consumer';

export interface ReviewServer extends RunningServer {
  deps: ReviewDeps;
  /** The service's ORM (tests read what is stored through it). */
  orm: MikroORM;
  /** Publishes committed outbox events now (tests await it; it also runs on its own). */
  relay: OutboxRelay;
  /** Handles every event published so far (tests await it; it also runs on its own). */
  consumer: Subscription;
  /** The reporting read model's consumer (统计分析): its own position, so it never slows review. */
  statisticsConsumer: Subscription;
  transport: EventTransport;
}

export interface StartOptions {
  logger?: Logger;
  /** Tests may verify tokens with a key set they made; by default identity's JWKS URL is used. */
  verifier?: TokenVerifier;
  storage?: FileStorage;
  /** The clock; default: the real time. */
  now?: () => Date;
  /** Tests and `npm start` migrate on boot; production runs migrate.js as a separate step. */
  migrateOnStart?: boolean;
  /** Defaults to the PostgreSQL transport on DATABASE_URL. */
  transport?: EventTransport;
}

export async function startReviewService(env: ReviewEnv, options: StartOptions = {}): Promise<ReviewServer> {
  const logger = options.logger ?? createLogger('review', env.LOG_LEVEL);
  const orm = await createReviewOrm(env.DATABASE_URL);
  try {
    if (options.migrateOnStart) await migrate(orm, DB_SCHEMA);
  } catch (error) {
    await orm.close();
    throw error;
  }
  const live = createLivePubSub(env.DATABASE_URL, logger);
  const deps: ReviewDeps = {
    env,
    logger,
    storage: options.storage ?? new LocalDirectoryStorage(env.FILES_DIR),
    links: new FileLinks(env),
    now: options.now ?? (() => new Date()),
    live,
  };
  let server: RunningServer;
  try {
    server = await startSubgraphServer<ReviewContext>({
      name: 'review',
      schema: await buildReviewSchema(live),
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
      // graphql-ws on /graphql serves the timeline and queue subscriptions; the server closes the pub/sub.
      pubSub: live,
    });
  } catch (error) {
    await live.close();
    await orm.close();
    throw error;
  }

  const transport = options.transport ?? createPostgresTransport(env.DATABASE_URL, logger);
  const events = startEventWork({
    orm,
    schema: DB_SCHEMA,
    source: SERVICE_NAME,
    consumerName: CONSUMER_NAME,
    handlers: reviewHandlers(logger),
    transport,
    ownsTransport: !options.transport,
    logger,
  });
  const statisticsConsumer = startEventConsumer({
    orm,
    name: STATISTICS_CONSUMER,
    transport,
    logger,
    handlers: statisticsHandlers(logger),
  });

  return {
    ...server,
    deps,
    orm,
    relay: events.relay,
    consumer: events.consumer,
    statisticsConsumer,
    transport,
    async close() {
      await statisticsConsumer.stop();
      await events.stop();
      await server.close();
    },
  };
}
