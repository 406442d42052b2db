import {
  createLogger,
  createTokenVerifier,
  migrate,
  startSubgraphServer,
  queryLimitSettingsOf,
  type Logger,
  type RunningServer,
} from '@zhicheng/server-kit';
import { createPostgresTransport, startEventWork, type EventTransport } from '@zhicheng/events';
import type { BindingContext } from './context';
import { DB_SCHEMA } from './db-schema';
import type { BindingEnv } from './env';
import { onUnitReady } from './events/unit-ready';
import { createBindingOrm } from './orm';
import { buildBindingSchema } from './schema';

/** The name under which binding consumes events (its position in the stream and its inbox). */
export const CONSUMER_NAME = 'binding';

export interface BindingServer extends RunningServer {
  /** Publishes binding's recorded events now (the relay also runs on its own). */
  relay: { flush(): Promise<void> };
  /** Handles every event published so far (tests await it; the consumer also runs on its own). */
  consumer: { catchUp(): Promise<void> };
}

export interface StartOptions {
  logger?: Logger;
  /** Tests and `npm start` migrate on boot; production runs migrate.js as a separate step. */
  migrateOnStart?: boolean;
  /** Defaults to the PostgreSQL transport on DATABASE_URL. */
  transport?: EventTransport;
}

export async function startBinding(env: BindingEnv, options: StartOptions = {}): Promise<BindingServer> {
  const logger = options.logger ?? createLogger('binding', env.LOG_LEVEL);
  const orm = await createBindingOrm(env.DATABASE_URL);
  if (options.migrateOnStart) await migrate(orm, DB_SCHEMA);
  const transport = options.transport ?? createPostgresTransport(env.DATABASE_URL, logger);

  const server = await startSubgraphServer<BindingContext>({
    name: 'binding',
    schema: await buildBindingSchema(),
    orm,
    logger,
    verifier: createTokenVerifier({ jwksUrl: env.IDENTITY_JWKS_URL }),
    host: env.HOST,
    port: env.PORT,
    trustProxy: env.TRUST_PROXY,
    production: env.NODE_ENV === 'production',
    queryLimits: queryLimitSettingsOf(env),
  });
  const events = startEventWork({
    orm,
    schema: DB_SCHEMA,
    source: 'binding',
    consumerName: CONSUMER_NAME,
    handlers: { UnitReady: onUnitReady },
    transport,
    ownsTransport: !options.transport,
    logger,
  });

  return {
    ...server,
    relay: events.relay,
    consumer: events.consumer,
    async close() {
      await events.stop();
      await server.close();
    },
  };
}
