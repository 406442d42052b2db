import {
  createLogger,
  createTokenVerifier,
  migrate,
  startSubgraphServer,
  type Logger,
  type RunningServer,
} from '@zhicheng/server-kit';
import {
  createPostgresTransport,
  startEventConsumer,
  startOutboxRelay,
  type EventTransport,
} from '@zhicheng/events';
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
  const ownsTransport = !options.transport;

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
  });
  const relay = startOutboxRelay({ orm, schema: DB_SCHEMA, source: 'binding', transport, logger });
  const consumer = startEventConsumer({
    orm,
    name: CONSUMER_NAME,
    transport,
    logger,
    handlers: { UnitReady: onUnitReady },
  });

  return {
    ...server,
    relay,
    consumer,
    async close() {
      // Stop taking work first, then let the relay and consumer finish what they hold.
      await consumer.stop();
      await relay.stop();
      if (ownsTransport) await transport.close();
      await server.close();
    },
  };
}
