import {
  createLogger,
  createTokenVerifier,
  migrate,
  queryLimitSettingsOf,
  startSubgraphServer,
  type Logger,
  type MikroORM,
  type RunningServer,
  type TokenVerifier,
} from '@zhicheng/server-kit';
import {
  createPostgresTransport,
  personalDataViewsPlugin,
  startEventWork,
  type EventTransport,
  type OutboxRelay,
  type Subscription,
} from '@zhicheng/events';
import { createLivePubSub } from '@zhicheng/live';
import type { CertificateContext, CertificateDeps } from './context';
import { DB_SCHEMA, SERVICE_NAME } from './db-schema';
import type { CertificateEnv } from './env';
import { certificateHandlers, CONSUMER_NAME } from './events/consumers';
import { createCertificateOrm } from './orm';
import { buildCertificateSchema } from './schema';
import { KeyRing } from './services/keys';
import { MaterialLinks } from './files/tokens';
import { mountMaterialRoutes } from './files/routes';
import { PostgresFileStorage } from './files/storage';
import { PdfLinks } from './pdf/links';
import { mountPdfRoute } from './pdf/routes';
import { mountIssuerDocuments } from './services/publish';

export { CONSUMER_NAME };

export interface CertificateServer extends RunningServer {
  deps: CertificateDeps;
  /** The service's ORM (tests read what is stored through it). */
  orm: MikroORM;
  /** Publishes committed outbox events now (tests await it; it also runs on its own). */
  relay: OutboxRelay;
  /** Handles every event published so far (tests await it; it also runs on its own). */
  consumer: Subscription;
  transport: EventTransport;
}

export interface StartOptions {
  logger?: Logger;
  /** Tests may verify tokens with a key set they made; by default identity's JWKS URL is used. */
  verifier?: TokenVerifier;
  /** The clock; default: the real time. */
  now?: () => Date;
  /** Tests and `npm start` migrate on boot; production runs migrate.js as a separate step. */
  migrateOnStart?: boolean;
  /** Defaults to the PostgreSQL transport on DATABASE_URL. */
  transport?: EventTransport;
}

export async function startCertificate(
  env: CertificateEnv,
  options: StartOptions = {},
): Promise<CertificateServer> {
  const logger = options.logger ?? createLogger(SERVICE_NAME, env.LOG_LEVEL);
  const orm = await createCertificateOrm(env.DATABASE_URL);
  const keys = new KeyRing({
    publicUrl: env.PUBLIC_URL,
    keyEncryptionKey: env.CERTIFICATE_KEY_ENCRYPTION_KEY,
    issuerName: env.ISSUER_NAME,
  });
  try {
    if (options.migrateOnStart) await migrate(orm, DB_SCHEMA);
    await keys.ensureKey(orm.em.fork());
  } catch (error) {
    await orm.close();
    throw error;
  }
  const live = createLivePubSub(env.DATABASE_URL, logger);
  const deps: CertificateDeps = {
    env,
    logger,
    keys,
    live,
    pdfLinks: new PdfLinks(env),
    materialLinks: new MaterialLinks(env),
    now: options.now ?? (() => new Date()),
  };
  let server: RunningServer;
  try {
    server = await startSubgraphServer<CertificateContext>({
      name: SERVICE_NAME,
      schema: await buildCertificateSchema(live),
      orm,
      logger,
      verifier: options.verifier ?? createTokenVerifier({ jwksUrl: env.IDENTITY_JWKS_URL }),
      host: env.HOST,
      port: env.PORT,
      trustProxy: env.TRUST_PROXY,
      production: env.NODE_ENV === 'production',
      queryLimits: queryLimitSettingsOf(env),
      configureApp: (app) => {
        mountIssuerDocuments(app, orm, deps);
        mountMaterialRoutes(app, orm, deps, new PostgresFileStorage(orm));
        mountPdfRoute(app, orm, deps);
      },
      extendContext: (base) => ({ ...base, deps }),
      // Reads of a person's materials by others are logged for them (谁查看了我的信息).
      plugins: [personalDataViewsPlugin(orm, logger)],
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
    handlers: certificateHandlers(deps, logger),
    transport,
    ownsTransport: !options.transport,
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
