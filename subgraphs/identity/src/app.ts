import { randomBytes } from 'node:crypto';
import {
  createLogger,
  createTokenVerifier,
  migrate,
  REVOCATIONS_PATH,
  RevocationList,
  startSubgraphServer,
  queryLimitSettingsOf,
  type Logger,
  type RunningServer,
} from '@zhicheng/server-kit';
import {
  createPostgresTransport,
  personalDataViewsPlugin,
  startEventWork,
  type EventTransport,
  type OutboxRelay,
  type Subscription,
} from '@zhicheng/events';
import { accessLogHandlers, startAccessLogPurge } from './events/access-log';
import { mergeHandlers, webhookEventHandlers } from './events/webhooks';
import { mountTokenEndpoint } from './domain/oauth';
import { startWebhookWorker, webhookSettingsOf } from './domain/webhooks';
import type { IdentityContext } from './context';
import { DB_SCHEMA } from './db-schema';
import type { IdentityDeps } from './domain/deps';
import { parseDataKey, DataCipher } from './domain/secrets';
import { LogSmsGateway, OutboxSmsSender, type SmsGateway, type SmsSender } from './domain/sms';
import { loadOrCreateSigningKey, publishedKeys, revokedSessions } from './domain/tokens';
import type { IdentityEnv } from './env';
import { createIdentityOrm } from './orm';
import { buildIdentitySchema } from './schema';

/** The name under which identity consumes events (its position in the stream and its inbox). */
export const CONSUMER_NAME = 'identity';

export interface IdentityServer extends RunningServer {
  deps: IdentityDeps;
  jwksUrl: string;
  /** Publishes identity's recorded events (UnitReady) now; it also runs on its own. */
  relay: Pick<OutboxRelay, 'flush'>;
  /** Handles every event published so far (PersonalDataViewed, binding requests); tests await it. */
  consumer: Pick<Subscription, 'catchUp'>;
  /** Sends the webhook deliveries that are due now (the worker also runs every WEBHOOK_POLL_MS). */
  webhooks: { runOnce(): Promise<number> };
}

export interface StartOptions {
  logger?: Logger;
  sms?: SmsSender;
  /** Where texts are delivered (tests: a MemorySmsGateway); default: the log in development only. */
  smsGateway?: SmsGateway;
  /** Tests and `npm start` migrate on boot; production runs migrate.js as a separate step. */
  migrateOnStart?: boolean;
  /** Where events go; defaults to the PostgreSQL transport on DATABASE_URL. */
  transport?: EventTransport;
}

export async function startIdentity(env: IdentityEnv, options: StartOptions = {}): Promise<IdentityServer> {
  const logger = options.logger ?? createLogger('identity', env.LOG_LEVEL);
  const orm = await createIdentityOrm(env.DATABASE_URL);
  if (options.migrateOnStart) await migrate(orm, DB_SCHEMA);
  const cipher = new DataCipher(dataKeyOf(env, logger));
  const production = env.NODE_ENV === 'production';
  const signingKey = await loadOrCreateSigningKey(orm.em.fork(), cipher, { production, logger });
  // identity follows its own revocations straight from its table (every replica), and
  // publishes them at REVOCATIONS_PATH for the gateway and the other subgraphs.
  const revocations = new RevocationList(
    { fetch: (since) => revokedSessions(orm.em.fork(), env.ACCESS_TOKEN_TTL_SECONDS, since) },
    { onError: (error) => logger.warn({ err: error }, 'revocation list could not be refreshed') },
  );
  revocations.start();
  const deps: IdentityDeps = {
    env,
    logger,
    signingKey,
    revocations,
    cipher,
    // The log stands in for the phone network in development only, never in production.
    sms:
      options.sms ??
      new OutboxSmsSender(
        cipher,
        options.smsGateway ?? (env.NODE_ENV === 'development' ? new LogSmsGateway(logger) : null),
      ),
  };
  const jwks = await publishedKeys(orm.em.fork(), env.ACCESS_TOKEN_TTL_SECONDS);
  const server = await startSubgraphServer<IdentityContext>({
    name: 'identity',
    schema: await buildIdentitySchema(),
    orm,
    logger,
    // identity verifies its own tokens with its own keys; no HTTP round trip to itself.
    verifier: createTokenVerifier({ jwks }, { revocations }),
    host: env.HOST,
    port: env.PORT,
    trustProxy: env.TRUST_PROXY,
    production: env.NODE_ENV === 'production',
    queryLimits: queryLimitSettingsOf(env),
    configureApp: (app) => {
      app.get('/.well-known/jwks.json', async (_req, res) => {
        res.set('cache-control', 'public, max-age=300');
        res.json(await publishedKeys(orm.em.fork(), env.ACCESS_TOKEN_TTL_SECONDS));
      });
      // Signed-out sessions whose access tokens may still be live; ids only, nothing personal.
      app.get(REVOCATIONS_PATH, async (req, res) => {
        const since = typeof req.query.since === 'string' ? req.query.since : undefined;
        res.set('cache-control', 'no-store');
        res.json(await revokedSessions(orm.em.fork(), env.ACCESS_TOKEN_TTL_SECONDS, since));
      });
      // OAuth 2.0 client credentials for third-party systems (the gateway forwards its origin's path).
      mountTokenEndpoint(app, orm, deps);
    },
    extendContext: (base) => ({ ...base, deps }),
    // Person.idNumber read by a unit is logged for the person (谁查看了我的信息).
    plugins: [personalDataViewsPlugin(orm, logger)],
  });
  const transport = options.transport ?? createPostgresTransport(env.DATABASE_URL, logger);
  const events = startEventWork({
    orm,
    schema: DB_SCHEMA,
    source: 'identity',
    consumerName: CONSUMER_NAME,
    handlers: mergeHandlers(accessLogHandlers, webhookEventHandlers),
    transport,
    ownsTransport: !options.transport,
    logger,
  });
  const purge = startAccessLogPurge(orm, env.ACCESS_LOG_RETENTION_DAYS, logger);
  const webhooks = startWebhookWorker(
    orm,
    cipher,
    webhookSettingsOf(env),
    { pollMs: env.WEBHOOK_POLL_MS, retentionDays: env.WEBHOOK_DELIVERY_RETENTION_DAYS },
    logger,
  );
  const origin = new URL(server.url).origin;
  return {
    ...server,
    deps,
    jwksUrl: `${origin}/.well-known/jwks.json`,
    relay: events.relay,
    consumer: events.consumer,
    webhooks,
    async close() {
      revocations.stop();
      purge.stop();
      await webhooks.stop();
      await events.stop();
      await server.close();
    },
  };
}

/** IDENTITY_DATA_KEY (the env schema requires it in production); else a throw-away key for tests. */
function dataKeyOf(env: IdentityEnv, logger: Logger): Buffer {
  const key = env.IDENTITY_DATA_KEY ? parseDataKey(env.IDENTITY_DATA_KEY) : null;
  if (key) return key;
  if (env.NODE_ENV === 'production') throw new Error('IDENTITY_DATA_KEY is required in production');
  if (env.NODE_ENV === 'development')
    logger.warn('IDENTITY_DATA_KEY is not set: secrets at rest use a throw-away key until the next start');
  return randomBytes(32);
}
