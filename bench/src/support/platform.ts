import { randomBytes } from 'node:crypto';
// The whole platform in this process, as the end-to-end stack runs it (e2e/support/stack.ts):
// identity with its demo data, binding, declaration with its demo notices and the gateway, over
// real HTTP on free ports, on an embedded PostgreSQL (or DATABASE_URL), plus what a benchmark needs
// around it: a counter of the SQL the servers send, identity-signed tokens, and sign-in.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  createLogger,
  type AccessTokenClaims,
  type Principal,
} from '@zhicheng/server-kit';
import { ensureDatabase, findFreePort, startEmbeddedPostgres } from '@zhicheng/dev-postgres';
import {
  createIdentityOrm,
  loadDemoData,
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
import { loadGatewayEnv, startGateway, type RunningGateway } from '@zhicheng/gateway';

export interface Platform {
  databaseUrl: string;
  identity: IdentityServer;
  binding: BindingServer;
  declaration: DeclarationServer;
  gateway: RunningGateway;
  /** The bench's own connection (application_name zc-bench: not counted as the servers' SQL). */
  db: Client;
  /** Publishes every recorded event and lets every consumer handle it (as the e2e stack does). */
  settleEvents(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlatform(): Promise<Platform> {
  // The embedded server initialises a directory that does not exist yet, inside one its OS user
  // (postgres, when we run as root) may enter.
  const scratch = mkdtempSync(join(tmpdir(), 'zc-bench-'));
  chmodSync(scratch, 0o755);
  const pg = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: join(scratch, 'pg'),
        port: await findFreePort(),
        ephemeral: true,
      });
  const databaseUrl = process.env.DATABASE_URL ?? (await ensureDatabase(pg!.url, 'zc_bench_declaration'));
  const logger = createLogger('bench', 'warn');
  const common = { NODE_ENV: 'production', PORT: '0', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };

  // Production refuses to start without a data key (it seals the signing key); a throw-away one here.
  const identityEnv = {
    ...common,
    SIGN_IN_LIMIT_PER_IP: '1000',
    IDENTITY_DATA_KEY: randomBytes(32).toString('base64'),
  };
  const identity = await startIdentity(loadIdentityEnv(identityEnv), {
    logger,
    migrateOnStart: true,
  });
  const identityOrm = await createIdentityOrm(databaseUrl, 2);
  await loadDemoData(identityOrm.em.fork());
  await identityOrm.close();
  const subgraphEnv = { ...common, IDENTITY_JWKS_URL: identity.jwksUrl };
  const binding = await startBinding(loadBindingEnv(subgraphEnv), { logger, migrateOnStart: true });
  const declaration = await startDeclaration(
    loadDeclarationEnv({
      ...subgraphEnv,
      FILES_DIR: join(scratch, 'files'),
      FILES_SIGNING_SECRET: randomUUID() + randomUUID(),
    }),
    { logger, migrateOnStart: true },
  );
  const declarationOrm = await createDeclarationOrm(databaseUrl);
  await loadDeclarationDemoData(declarationOrm.em.fork());
  await declarationOrm.close();
  const gateway = await startGateway(
    loadGatewayEnv({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SUBGRAPH_URLS: JSON.stringify({
        identity: identity.url,
        binding: binding.url,
        declaration: declaration.url,
      }),
      IDENTITY_JWKS_URL: identity.jwksUrl,
    }),
    { logger },
  );
  const db = new Client({ connectionString: databaseUrl, application_name: 'zc-bench' });
  await db.connect();

  return {
    databaseUrl,
    identity,
    binding,
    declaration,
    gateway,
    db,
    async settleEvents() {
      // Two rounds: an event handled in round one may record events of its own.
      for (let round = 0; round < 2; round++) {
        await identity.relay.flush();
        await binding.relay.flush();
        await declaration.relay.flush();
        await binding.consumer.catchUp();
        await declaration.consumer.catchUp();
      }
    },
    async stop() {
      await db.end();
      await gateway.close();
      await declaration.close();
      await binding.close();
      await identity.close();
      await pg?.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * An access token exactly as identity issues it at sign-in (the claims and header of identity's
 * signAccessToken, which its package does not export), signed with the running identity's own
 * active key: the gateway and the subgraphs verify it against identity's JWKS like any other.
 * This skips only the captcha and the password check, which are not what is measured here.
 */
export async function identityToken(identity: IdentityServer, principal: Principal, ttlSeconds = 3600) {
  const key = identity.deps.signingKey;
  const claims: Omit<AccessTokenClaims, 'sub'> = {
    knd: principal.kind,
    rol: principal.roles,
    nam: principal.displayName,
    ...(principal.unitId ? { unt: principal.unitId } : {}),
    ...(principal.organisationId ? { org: principal.organisationId } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setSubject(principal.accountId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key.privateKey);
}

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** One GraphQL request; throws on any error, so set-up mistakes stop the run loudly. */
export async function graphql<T>(
  url: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<T>;
  if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

/** A real sign-in through the gateway: a captcha (read from the database, as a person reads it). */
export async function signIn(
  platform: Pick<Platform, 'gateway' | 'db'>,
  input: Record<string, unknown>,
): Promise<string> {
  await graphql(platform.gateway.url, undefined, 'mutation { createCaptcha { id } }');
  const { rows } = await platform.db.query<{ id: string; answer: string }>(
    'select id, answer from identity.captcha order by created_at desc limit 1',
  );
  const { signIn: session } = await graphql<{ signIn: { accessToken: string } }>(
    platform.gateway.url,
    undefined,
    'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { ...input, captchaId: rows[0].id, captchaAnswer: rows[0].answer } },
  );
  return session.accessToken;
}

/** Runs `fn` over `items` with at most `concurrency` at a time. */
export async function inParallel<T, R>(
  items: T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

// ---- SQL counter ------------------------------------------------------------------------------

export type SqlClass = 'identity' | 'binding' | 'declaration' | 'transaction' | 'other';

/**
 * Counts the statements the servers send: every pg client in this process goes through
 * Client.prototype.query (MikroORM's pools included; the subgraphs run in-process), as the
 * subgraphs' recordSql test helper does. Connections of the event machinery (relays, listeners,
 * the bus: application_name zc-*) and the bench's own are left out, so what is counted is what
 * requests cost. Statements are classed by the schema they name; begin/commit apart.
 */
export class SqlCounter {
  private recording: string[] | null = null;
  private total = 0;

  install() {
    const original = Client.prototype.query;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const counter = this;
    const counting = function (this: Client, ...args: unknown[]) {
      const name = (this as unknown as { connectionParameters?: { application_name?: string } })
        .connectionParameters?.application_name;
      if (!name?.startsWith('zc-')) {
        counter.total += 1;
        if (counter.recording) {
          const [config] = args;
          counter.recording.push(
            typeof config === 'string' ? config : String((config as { text?: string })?.text ?? ''),
          );
        }
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    Client.prototype.query = counting as typeof original;
  }

  /** Statements counted so far (for rates over a load run). */
  get count() {
    return this.total;
  }

  /**
   * Waits until the servers have sent no statement for `ms` (at most 15 s): the requests still in
   * flight when a load run stops are finished by the servers, and counted, before anything else.
   */
  async quiet(ms = 400): Promise<void> {
    const deadline = Date.now() + 15_000;
    let last = this.total;
    let since = Date.now();
    while (Date.now() < deadline && Date.now() - since < ms) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (this.total !== last) {
        last = this.total;
        since = Date.now();
      }
    }
  }

  /** The statements sent while `fn` runs (run it alone: concurrent work is counted too). */
  async record(fn: () => Promise<unknown>): Promise<string[]> {
    this.recording = [];
    try {
      await fn();
      return this.recording;
    } finally {
      this.recording = null;
    }
  }

  static classify(statement: string): SqlClass {
    if (/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(statement)) return 'transaction';
    const schema = /"(identity|binding|declaration)"\./.exec(statement)?.[1];
    return (schema as SqlClass | undefined) ?? 'other';
  }

  static breakdown(statements: string[]): Record<SqlClass, number> {
    const counts: Record<SqlClass, number> = {
      identity: 0,
      binding: 0,
      declaration: 0,
      transaction: 0,
      other: 0,
    };
    for (const s of statements) counts[SqlCounter.classify(s)] += 1;
    return counts;
  }
}
