import { Client } from 'pg';
import { createLogger } from '@zhicheng/server-kit';
import { createTestDatabase } from '@zhicheng/testing';
import {
  createIdentityOrm,
  loadDemoData,
  loadIdentityEnv,
  startIdentity,
  type IdentityServer,
} from '@zhicheng/identity';
import { loadGatewayEnv, startGateway, type RunningGateway } from '@zhicheng/gateway';

export interface Stack {
  origin: string;
  graphqlUrl: string;
  databaseUrl: string;
  identity: IdentityServer;
  gateway: RunningGateway;
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
export async function startStack(name: string, options: { demoData?: boolean } = {}): Promise<Stack> {
  const database = await createTestDatabase(name);
  const logger = createLogger('e2e', process.env.E2E_LOG_LEVEL ?? 'silent');
  const identity = await startIdentity(
    loadIdentityEnv({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: database.url,
      SIGN_IN_LIMIT_PER_IP: '1000',
    }),
    { logger, migrateOnStart: true },
  );
  if (options.demoData) {
    const orm = await createIdentityOrm(database.url, 2);
    await loadDemoData(orm.em.fork());
    await orm.close();
  }
  const gateway = await startGateway(
    loadGatewayEnv({
      NODE_ENV: 'test',
      PORT: '0',
      SUBGRAPH_URLS: JSON.stringify({ identity: identity.url }),
      IDENTITY_JWKS_URL: identity.jwksUrl,
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
    gateway,
    async latestCaptcha() {
      const { rows } = await db.query(
        'select id, answer from identity.captcha order by created_at desc limit 1',
      );
      return rows[0];
    },
    async latestSmsCode(mobile) {
      const { rows } = await db.query(
        'select text from identity.sms_outbox where mobile = $1 order by created_at desc limit 1',
        [mobile],
      );
      const code = /验证码 (\d{6})/.exec(rows[0]?.text ?? '')?.[1];
      if (!code) throw new Error(`no SMS code sent to ${mobile}`);
      return code;
    },
    async stop() {
      await db.end();
      await gateway.close();
      await identity.close();
      await database.drop();
    },
  };
}
