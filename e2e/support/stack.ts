import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createLogger, type Logger } from '@zhicheng/server-kit';
import { createTestDatabase } from '@zhicheng/testing';
import {
  createIdentityOrm,
  loadDemoData,
  MemorySmsGateway,
  loadIdentityEnv,
  startIdentity,
  type IdentityServer,
} from '@zhicheng/identity';
import { loadBindingEnv, startBinding, type BindingServer } from '@zhicheng/binding';
import {
  createDeclarationOrm,
  loadDeclarationEnv,
  loadDemoData as loadDeclarationDemoData,
  startDeclaration,
  type DeclarationServer,
} from '@zhicheng/declaration';
import { loadReviewEnv, startReviewService, type ReviewServer } from '@zhicheng/review';
import {
  createCertificateOrm,
  loadCertificateEnv,
  loadDemoData as loadCertificateDemoData,
  startCertificate,
  type CertificateServer,
} from '@zhicheng/certificate';
import { loadGatewayEnv, startGateway, type RunningGateway } from '@zhicheng/gateway';

export interface Stack {
  origin: string;
  graphqlUrl: string;
  databaseUrl: string;
  identity: IdentityServer;
  binding: BindingServer;
  declaration: DeclarationServer;
  review: ReviewServer;
  certificate: CertificateServer;
  gateway: RunningGateway;
  /** Publishes every recorded event and lets every consumer handle it (no waiting on timers). */
  settleEvents(): Promise<void>;
  /** Runs SQL against the stack's database (tests check events and stored rows). */
  sql(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  /** Reads the newest captcha's answer, as a person would read the picture. */
  latestCaptcha(): Promise<{ id: string; answer: string }>;
  /** Reads the newest SMS code sent to a mobile, as a person would read their phone. */
  latestSmsCode(mobile: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole platform as it runs in production, on a fresh database: every subgraph and the
 * gateway over real HTTP on free ports, with the demo data when asked.
 */
export async function startStack(
  name: string,
  options: {
    demoData?: boolean;
    /** Every process logs here (tests read the log). */
    logger?: Logger;
    identityEnv?: Record<string, string>;
    gatewayEnv?: Record<string, string>;
  } = {},
): Promise<Stack> {
  const database = await createTestDatabase(name);
  const logger = options.logger ?? createLogger('e2e', process.env.E2E_LOG_LEVEL ?? 'silent');
  // The phone network: identity keeps no SMS text once delivered, so tests read the phone.
  const phone = new MemorySmsGateway();
  const identity = await startIdentity(
    loadIdentityEnv({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: database.url,
      SIGN_IN_LIMIT_PER_IP: '1000',
      SMS_LIMIT_PER_IP: '1000',
      CAPTCHA_LIMIT_PER_IP: '10000',
      ...options.identityEnv,
    }),
    { logger, migrateOnStart: true, smsGateway: phone },
  );
  if (options.demoData) {
    const orm = await createIdentityOrm(database.url, 2);
    await loadDemoData(orm.em.fork());
    await orm.close();
  }
  const subgraphEnv = {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    IDENTITY_JWKS_URL: identity.jwksUrl,
  };
  const binding = await startBinding(loadBindingEnv(subgraphEnv), { logger, migrateOnStart: true });
  const filesDir = await mkdtemp(path.join(os.tmpdir(), `zc-e2e-files-${name}-`));
  const declaration = await startDeclaration(loadDeclarationEnv({ ...subgraphEnv, FILES_DIR: filesDir }), {
    logger,
    migrateOnStart: true,
  });
  const review = await startReviewService(
    loadReviewEnv({ ...subgraphEnv, FILES_DIR: path.join(filesDir, 'review') }),
    { logger, migrateOnStart: true },
  );
  const certificate = await startCertificate(loadCertificateEnv(subgraphEnv), {
    logger,
    migrateOnStart: true,
  });
  if (options.demoData) {
    const orm = await createDeclarationOrm(database.url);
    await loadDeclarationDemoData(orm.em.fork());
    await orm.close();
    const certificateOrm = await createCertificateOrm(database.url, 2);
    await loadCertificateDemoData(certificateOrm.em.fork());
    await certificateOrm.close();
  }
  const gateway = await startGateway(
    loadGatewayEnv({
      NODE_ENV: 'test',
      PORT: '0',
      SUBGRAPH_URLS: JSON.stringify({
        identity: identity.url,
        binding: binding.url,
        declaration: declaration.url,
        review: review.url,
        certificate: certificate.url,
      }),
      IDENTITY_JWKS_URL: identity.jwksUrl,
      ...options.gatewayEnv,
    }),
    { logger },
  );
  const db = new Client({ connectionString: database.url });
  await db.connect();

  return {
    origin: gateway.origin,
    graphqlUrl: gateway.url,
    databaseUrl: database.url,
    identity,
    binding,
    declaration,
    review,
    certificate,
    gateway,
    async settleEvents() {
      // Several rounds: an event handled in one round may record events of its own.
      for (let round = 0; round < 3; round++) {
        await identity.relay.flush();
        await binding.relay.flush();
        await declaration.relay.flush();
        await review.relay.flush();
        await certificate.relay.flush();
        await binding.consumer.catchUp();
        await declaration.consumer.catchUp();
        await review.consumer.catchUp();
        await review.statisticsConsumer.catchUp();
        await identity.consumer.catchUp();
        await certificate.consumer.catchUp();
      }
    },
    sql: (text, values) => db.query(text, values),
    async latestCaptcha() {
      const { rows } = await db.query(
        'select id, answer from identity.captcha order by created_at desc limit 1',
      );
      return rows[0];
    },
    async latestSmsCode(mobile) {
      const code = phone.latestCode(mobile);
      if (!code) throw new Error(`no SMS code sent to ${mobile}`);
      return code;
    },
    async stop() {
      await db.end();
      await gateway.close();
      await certificate.close();
      await review.close();
      await declaration.close();
      await binding.close();
      await identity.close();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}
