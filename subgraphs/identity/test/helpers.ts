// Test helpers for the identity subgraph: a real server on a free port, over a fresh database
// per test file, a cookie-keeping GraphQL client, and readers of what a person would see on a
// screen or a phone (the captcha picture's answer, the SMS text). The gateway's integration tests
// follow the same pattern.
import 'reflect-metadata';
import pino from 'pino';
import { Pool } from 'pg';
import { makeResidentId } from '@zhicheng/domain-codes';
import { type EntityManager, type MikroORM, type Principal } from '@zhicheng/server-kit';
import {
  createTestDatabase,
  expectGraphQLError,
  GraphQLClient,
  type GraphQLErrorJson,
  type GraphQLResult,
} from '@zhicheng/testing';
import { startIdentity, type IdentityServer } from '../src/app';
import { MemorySmsGateway } from '../src/domain/sms';
import { hashPassword } from '../src/domain/passwords';
import { signAccessToken } from '../src/domain/tokens';
import { IdType, Person, Unit, UnitStatus } from '../src/entities';
import { loadIdentityEnv, type IdentityEnv } from '../src/env';
import { createIdentityOrm } from '../src/orm';

export {
  fieldCodes,
  GraphQLClient,
  recordSql,
  type GraphQLErrorJson,
  type GraphQLResult,
} from '@zhicheng/testing';

/**
 * Asserts the request failed with `code` and a Chinese message (matching `message` when given,
 * to check it tells the person what to do), and returns that error.
 */
export function expectError(
  result: GraphQLResult<unknown>,
  code: string,
  message?: RegExp,
): GraphQLErrorJson {
  return expectGraphQLError(result, code, { message });
}

export const STRONG_PASSWORD = 'Zc#test2026';

export interface TestIdentity {
  server: IdentityServer;
  env: IdentityEnv;
  /** Plain SQL on the test database, for reading what the UI cannot show and arranging time. */
  sql: Pool;
  client(): GraphQLClient;
  /**
   * Asks for a captcha as a browser does and reads its answer (the text drawn in the picture) from
   * identity.captcha by id: "the newest row" would be another request's when sign-ins run in parallel.
   */
  solveCaptcha(client?: GraphQLClient): Promise<{ captchaId: string; captchaAnswer: string }>;
  /** The 6-digit code of the newest SMS delivered to `mobile`, or undefined when none was. */
  latestSmsCode(mobile: string): Promise<string | undefined>;
  /** The text of the newest SMS to `mobile`, or undefined. */
  latestSmsText(mobile: string): Promise<string | undefined>;
  /** sendSmsCode through GraphQL (with a solved captcha) and the code that arrived. */
  requestSmsCode(mobile: string, purpose: string, client?: GraphQLClient): Promise<string>;
  /** Moves every rate-limit window back, as if `seconds` had passed (e.g. 61 to allow an SMS resend). */
  rewindRateLimits(seconds: number): Promise<void>;
  /** Runs `fn` on a fresh EntityManager of a separate ORM and flushes: for arranging data fast. */
  withEm<T>(fn: (em: EntityManager) => Promise<T>): Promise<T>;
  /** An access token for `principal`, signed with the server's key (skips a sign-in). */
  tokenFor(principal: Principal, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts identity on port 0 over a new database. `env` overrides the test defaults (strings, as
 * in a real environment). The per-address sign-in limit is high by default, since every test
 * request comes from 127.0.0.1; tests of that limit set it low.
 */
export async function startTestIdentity(env: Record<string, string> = {}): Promise<TestIdentity> {
  const database = await createTestDatabase('identity');
  const parsed = loadIdentityEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    SIGN_IN_LIMIT_PER_IP: '1000',
    SMS_LIMIT_PER_IP: '1000',
    CAPTCHA_LIMIT_PER_IP: '10000',
    ...env,
  });
  // The phone network: messages are delivered here; the database keeps no text once sent.
  const phone = new MemorySmsGateway();
  let server: IdentityServer;
  try {
    server = await startIdentity(parsed, {
      migrateOnStart: true,
      logger: pino({ level: 'silent' }),
      smsGateway: phone,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const sql = new Pool({ connectionString: database.url, max: 2 });
  // pool.end() resolves before its sockets have closed; the forced drop in close() may then
  // terminate one, which an idle client reports as an error on the pool. Nothing to act on.
  sql.on('error', () => undefined);
  let orm: Promise<MikroORM> | undefined;

  const t: TestIdentity = {
    server,
    env: parsed,
    sql,
    client: () => new GraphQLClient(server.url),
    async solveCaptcha(client = t.client()) {
      const { createCaptcha } = await client.ok<{ createCaptcha: { id: string } }>(
        'mutation { createCaptcha { id svg } }',
      );
      const { rows } = await sql.query<{ answer: string }>(
        'select answer from identity.captcha where id = $1',
        [createCaptcha.id],
      );
      return { captchaId: createCaptcha.id, captchaAnswer: rows[0].answer };
    },
    async latestSmsCode(mobile) {
      return phone.latestCode(mobile);
    },
    async latestSmsText(mobile) {
      return phone.latestText(mobile);
    },
    async requestSmsCode(mobile, purpose, client = t.client()) {
      await client.ok(`mutation($input: SendSmsCodeInput!) { sendSmsCode(input: $input) { mobileMasked } }`, {
        input: { mobile, purpose, ...(await t.solveCaptcha(client)) },
      });
      const code = await t.latestSmsCode(mobile);
      if (!code) throw new Error(`no SMS reached ${mobile}`);
      return code;
    },
    async rewindRateLimits(seconds) {
      await sql.query(
        `update identity.rate_limit_bucket set window_start = window_start - make_interval(secs => $1)`,
        [seconds],
      );
    },
    async withEm(fn) {
      orm ??= createIdentityOrm(database.url, 2);
      const em = (await orm).em.fork();
      const result = await fn(em);
      await em.flush();
      return result;
    },
    async tokenFor(principal, ttlSeconds = 300) {
      return (await signAccessToken(server.deps.signingKey, principal, ttlSeconds)).token;
    },
    async close() {
      await server.close();
      if (orm) await (await orm).close();
      await sql.end();
      await database.drop();
    },
  };
  return t;
}

// ---- test data -------------------------------------------------------------------------------

let sequence = 0;
/** A fresh mainland mobile number (unique within the test process). */
export function nextMobile(): string {
  sequence += 1;
  return `139${String(process.pid % 1000).padStart(3, '0')}${String(sequence).padStart(5, '0')}`;
}

/** A fresh valid resident ID number (check digit computed, never hard-coded). */
export function nextResidentId(): string {
  sequence += 1;
  return makeResidentId({
    region: '220102',
    birthDate: `1985-06-${String((sequence % 28) + 1).padStart(2, '0')}`,
    sequence: sequence % 1000,
  });
}

const hashes = new Map<string, Promise<string>>();
/** argon2 costs ~50 ms a hash; arranged accounts with the same password share one. */
export function cachedHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

export async function seedPerson(
  t: TestIdentity,
  values: Partial<Pick<Person, 'name' | 'idNumber' | 'mobile'>> & { password?: string } = {},
): Promise<Person> {
  const passwordHash = await cachedHash(values.password ?? STRONG_PASSWORD);
  return t.withEm(async (em) =>
    em.create(Person, {
      name: values.name ?? '测试申报人',
      idType: IdType.RESIDENT_ID,
      idNumber: values.idNumber ?? nextResidentId(),
      mobile: values.mobile ?? nextMobile(),
      passwordHash,
    }),
  );
}

/** An active unit (its legal person can sign in) unless `status` says otherwise. */
export async function seedUnit(
  t: TestIdentity,
  creditCode: string,
  values: Partial<Pick<Unit, 'name' | 'mobile' | 'status'>> & { password?: string } = {},
): Promise<Unit> {
  const passwordHash = await cachedHash(values.password ?? STRONG_PASSWORD);
  return t.withEm(async (em) =>
    em.create(Unit, {
      creditCode,
      name: values.name ?? '测试单位有限公司',
      legalPersonName: '测试法人',
      legalPersonIdNumber: nextResidentId(),
      mobile: values.mobile ?? nextMobile(),
      status: values.status ?? UnitStatus.ACTIVE,
      activatedAt: values.status === UnitStatus.PENDING_ACTIVATION ? null : new Date(),
      passwordHash,
    }),
  );
}

// ---- common operations -----------------------------------------------------------------------

export const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { accessToken expiresAt viewer { accountId kind displayName roles unit { id signedInOnce } } }
}`;

export interface SignInData {
  signIn: {
    accessToken: string;
    expiresAt: string;
    viewer: {
      accountId: string;
      kind: string;
      displayName: string;
      roles: string[];
      unit?: { id: string; signedInOnce: boolean } | null;
    };
  };
}

/** Signs in through GraphQL with a solved captcha; on success the client keeps the token and cookie. */
export async function signIn(
  t: TestIdentity,
  client: GraphQLClient,
  input: { kind: string; account: string; password?: string; creditCode?: string; newPassword?: string },
): Promise<GraphQLResult<SignInData>> {
  const result = await client.request<SignInData>(SIGN_IN, {
    input: { password: STRONG_PASSWORD, ...input, ...(await t.solveCaptcha(client)) },
  });
  if (result.data?.signIn) client.accessToken = result.data.signIn.accessToken;
  return result;
}
