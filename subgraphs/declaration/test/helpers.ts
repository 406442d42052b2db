// Test helpers for the declaration subgraph: a real server on a free port over a fresh database
// per test file, files in a fresh directory, a clock tests can move. Tokens are signed here with a
// key pair whose public half is served as a JWKS over HTTP (as identity serves its own), so the
// service verifies them the way it does in production. Bindings and units arrive the way they
// do in production: BindingApproved / BindingEnded / UnitReady on the real PostgreSQL transport.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import pino from 'pino';
import { Client, Pool } from 'pg';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  Role,
  type AccessTokenClaims,
  type Principal,
} from '@zhicheng/server-kit';
import { createPostgresTransport, type EventEnvelope, type EventTransport } from '@zhicheng/events';
import { createTestDatabase } from '@zhicheng/testing';
import { startDeclaration, type DeclarationServer } from '../src/app';
import { loadDeclarationEnv } from '../src/env';

export interface GraphQLErrorJson {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorJson[];
}

/** A GraphQL client holding an access token, as the front end does (behind the gateway). */
export class GraphQLClient {
  constructor(
    readonly url: string,
    public accessToken?: string,
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorJson[] };
    return { status: response.status, data: body.data, errors: body.errors };
  }

  /** Like request, but fails the test on any GraphQL error and returns the data. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

const HAN = /\p{Script=Han}/u;

/** Asserts the request failed with `code` (and `reason`, when given) and a Chinese message. */
export function expectError(
  result: GraphQLResult<unknown>,
  code: string,
  reason?: string | null,
  message?: RegExp,
): GraphQLErrorJson {
  expect(result.errors).toBeDefined();
  const [error] = result.errors!;
  expect({ code: error.extensions?.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message ?? HAN),
  });
  if (reason) expect(error.extensions?.reason).toBe(reason);
  expect(error.message).toMatch(HAN);
  expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|select |insert |update .* set /i);
  return error;
}

/** The `extensions.fields` of a BAD_USER_INPUT error as `field:code` strings, sorted. */
export function fieldCodes(error: GraphQLErrorJson): string[] {
  const fields = (error.extensions?.fields ?? []) as Array<{ field: string; code: string; message: string }>;
  for (const f of fields) expect(f.message).toMatch(HAN);
  return fields.map((f) => `${f.field}:${f.code}`).sort();
}

/** Someone who can sign in: a principal and a client carrying its token. */
export interface Actor {
  principal: Principal;
  client: GraphQLClient;
}

export interface TestUnit {
  unitId: string;
  creditCode: string;
  name: string;
}

/** A clock the tests move: the server reads it for windows and deadlines. */
export class TestClock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  advanceDays(days: number) {
    this.offsetMs += days * 24 * 3600 * 1000;
  }
  reset() {
    this.offsetMs = 0;
  }
}

export interface TestDeclaration {
  server: DeclarationServer;
  clock: TestClock;
  /** Plain SQL on the test database. */
  sql: Pool;
  filesDir: string;
  /** The server's origin (the gateway forwards /files/* to it unchanged). */
  origin: string;
  client(): GraphQLClient;
  applicant(name?: string): Promise<Actor>;
  bureau(): Promise<Actor>;
  legalPerson(unit: TestUnit): Promise<Actor>;
  agent(unit: TestUnit): Promise<Actor>;
  staff(role: Role): Promise<Actor>;
  /** A unit identity announced ready (its credit code carries region 220101). */
  readyUnit(name?: string, region?: string): Promise<TestUnit>;
  /** binding approves: BindingApproved on the bus, handled by declaration's consumer. */
  bind(applicant: Actor, unit: TestUnit): Promise<EventEnvelope<'BindingApproved'>>;
  /** The applicant unbinds: BindingEnded for their binding. */
  unbind(approved: EventEnvelope<'BindingApproved'>): Promise<void>;
  /** Publishes raw events (as another subgraph's relay would) and waits until they are handled. */
  publish(...events: EventEnvelope[]): Promise<void>;
  /** Files under FILES_DIR (excluding the temporary folder). */
  storedFiles(): Promise<string[]>;
  close(): Promise<void>;
}

let sequence = 0;
const next = () => (sequence += 1);

export async function startTestDeclaration(): Promise<TestDeclaration> {
  const database = await createTestDatabase('declaration');
  const filesDir = await mkdtemp(join(tmpdir(), 'zc-declaration-files-'));
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }] };
  const jwksServer = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;

  const logger = pino({ level: 'silent' });
  const clock = new TestClock();
  const env = loadDeclarationEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    IDENTITY_JWKS_URL: jwksUrl,
    FILES_DIR: filesDir,
    FILES_SIGNING_SECRET: 'test-secret-of-at-least-thirty-two-characters',
  });
  let server: DeclarationServer;
  try {
    server = await startDeclaration(env, { migrateOnStart: true, logger, now: clock.now });
  } catch (error) {
    jwksServer.close();
    await database.drop();
    throw error;
  }
  // The other subgraphs' side of the bus: a second transport on the same database.
  const bus: EventTransport = createPostgresTransport(database.url, logger);
  const sql = new Pool({ connectionString: database.url, max: 2 });
  sql.on('error', () => undefined);

  const sign = (principal: Principal, ttlSeconds: number, key: KeyLike) => {
    const claims: Omit<AccessTokenClaims, 'sub'> = {
      knd: principal.kind,
      rol: principal.roles,
      nam: principal.displayName,
      ...(principal.unitId ? { unt: principal.unitId } : {}),
      ...(principal.organisationId ? { org: principal.organisationId } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .setSubject(principal.accountId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(key);
  };
  const actor = async (principal: Principal): Promise<Actor> => ({
    principal,
    client: new GraphQLClient(server.url, await sign(principal, 600, privateKey)),
  });

  const publish = async (...events: EventEnvelope[]) => {
    await bus.publish(events);
    await server.consumer.catchUp();
  };

  const t: TestDeclaration = {
    server,
    clock,
    sql,
    filesDir,
    origin: new URL(server.url).origin,
    client: () => new GraphQLClient(server.url),
    applicant: (name = `申报人${next()}`) =>
      actor({ accountId: randomUUID(), kind: 'PERSON', roles: [Role.APPLICANT], displayName: name }),
    bureau: () =>
      actor({
        accountId: randomUUID(),
        kind: 'STAFF',
        roles: [Role.BUREAU_REVIEWER],
        displayName: '省厅审核员',
        organisationId: randomUUID(),
      }),
    staff: (role) =>
      actor({
        accountId: randomUUID(),
        kind: 'STAFF',
        roles: [role],
        displayName: '审核员',
        organisationId: randomUUID(),
      }),
    legalPerson: (unit) =>
      actor({
        accountId: unit.unitId,
        kind: 'LEGAL_PERSON',
        roles: [Role.LEGAL_PERSON],
        displayName: '法人',
        unitId: unit.unitId,
      }),
    agent: (unit) =>
      actor({
        accountId: randomUUID(),
        kind: 'AGENT',
        roles: [Role.UNIT_AGENT],
        displayName: '经办人',
        unitId: unit.unitId,
      }),
    async readyUnit(name = `测试单位${next()}`, region = '220101') {
      const unit = {
        unitId: randomUUID(),
        creditCode: `91${region}MA${String(next()).padStart(7, '0')}X`,
        name,
      };
      await publish(event('UnitReady', unit));
      return unit;
    },
    async bind(applicant, unit) {
      const approved = event('BindingApproved', {
        bindingId: randomUUID(),
        personId: applicant.principal.accountId,
        unitId: unit.unitId,
        unitName: unit.name,
        approvedAt: new Date().toISOString(),
      });
      await publish(approved);
      return approved;
    },
    async unbind(approved) {
      await publish(
        event('BindingEnded', {
          bindingId: approved.payload.bindingId,
          personId: approved.payload.personId,
          unitId: approved.payload.unitId,
          endedAt: new Date().toISOString(),
        }),
      );
    },
    publish,
    async storedFiles() {
      const found: string[] = [];
      const walk = async (dir: string, prefix: string) => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          if (entry.name === '.tmp') continue;
          if (entry.isDirectory()) await walk(join(dir, entry.name), `${prefix}${entry.name}/`);
          else found.push(`${prefix}${entry.name}`);
        }
      };
      await walk(filesDir, '');
      return found.sort();
    },
    async close() {
      await server.close();
      await bus.close();
      jwksServer.close();
      await sql.end();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Which subgraph records each event type the tests publish. */
const SOURCES: Partial<Record<EventEnvelope['type'], string>> = {
  UnitReady: 'identity',
  BindingApproved: 'binding',
  BindingEnded: 'binding',
};

export function event<K extends EventEnvelope['type']>(
  type: K,
  payload: EventEnvelope<K>['payload'],
  source = SOURCES[type] ?? 'review',
): EventEnvelope<K> {
  return { id: randomUUID(), type, source, occurredAt: new Date().toISOString(), payload };
}

/**
 * Records the SQL every pg client in this test process sends while `fn` runs: the subgraph runs
 * in-process, so this counts what a request costs the database (no N+1).
 */
export async function recordSql(fn: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const original = Client.prototype.query;
  const recording = function (this: Client, ...args: unknown[]) {
    const [config] = args;
    statements.push(typeof config === 'string' ? config : String((config as { text?: string })?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  Client.prototype.query = recording as typeof original;
  try {
    await fn();
  } finally {
    Client.prototype.query = original;
  }
  return statements;
}

// ---- uploads ----------------------------------------------------------------------------------

export interface UploadAnswer {
  status: number;
  body: {
    attachment?: { id: string; fileName: string; sizeBytes: number; format: string; sha256: string };
    error?: { code: string; message: string };
  };
}

/** POSTs raw bytes to an upload ticket's URL, as the browser does (same origin). */
export async function postFile(
  t: TestDeclaration,
  url: string,
  bytes: Uint8Array,
  contentType = 'application/octet-stream',
  options: { chunked?: boolean } = {},
): Promise<UploadAnswer> {
  const body = options.chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
          controller.close();
        },
      })
    : bytes;
  const response = await fetch(`${t.origin}${url}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    ...(options.chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
}

// ---- file contents (the first bytes are what counts) -------------------------------------------

const padTo = (head: number[] | Buffer, size: number) => {
  const out = Buffer.alloc(size, 0x20);
  Buffer.from(head).copy(out);
  return out;
};

export const files = {
  pdf: (size = 2048) => padTo(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), size),
  jpg: (size = 2048) => padTo([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], size),
  png: (size = 2048) => padTo([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size),
  zip: (size = 2048) => padTo([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], size),
  exe: (size = 2048) => padTo([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00], size),
};
