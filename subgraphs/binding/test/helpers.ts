// Test helpers for the binding subgraph: a real server on a free port over a fresh database per
// test file. Tokens are signed here with a key pair whose public half is served as a JWKS over
// HTTP, exactly as identity serves its own, so binding verifies them the way it does in production
// without starting identity. Units become bindable the way they do in production: a UnitReady
// event on the real PostgreSQL transport, handled by binding's consumer.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { startBinding, type BindingServer } from '../src/app';
import { loadBindingEnv } from '../src/env';

export interface GraphQLErrorJson {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
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

/** Asserts the request failed with `code` and a Chinese message (matching `message` when given). */
export function expectError(
  result: GraphQLResult<unknown>,
  code: string,
  message?: RegExp,
): GraphQLErrorJson {
  expect(result.errors).toBeDefined();
  const [error] = result.errors!;
  expect({ code: error.extensions?.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message ?? HAN),
  });
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

export interface TestBinding {
  server: BindingServer;
  /** Plain SQL on the test database. */
  sql: Pool;
  /** An anonymous client. */
  client(): GraphQLClient;
  tokenFor(principal: Principal, ttlSeconds?: number): Promise<string>;
  applicant(name?: string): Promise<Actor>;
  legalPerson(unit: TestUnit): Promise<Actor>;
  agent(unit: TestUnit, name?: string): Promise<Actor>;
  staff(): Promise<Actor>;
  /** A unit as identity knows it; not yet bindable. */
  newUnit(name?: string): TestUnit;
  /** Publishes identity's UnitReady for the unit and waits until binding has handled it. */
  makeReady(unit: TestUnit, eventId?: string): Promise<EventEnvelope<'UnitReady'>>;
  /** Publishes raw events on the shared transport (as identity's relay would). */
  publish(...events: EventEnvelope[]): Promise<void>;
  /** A bindable unit in one call. */
  readyUnit(name?: string): Promise<TestUnit>;
  close(): Promise<void>;
}

let sequence = 0;
const next = () => (sequence += 1);

/** A syntactically valid credit code is enough here: binding never validates it (identity does). */
const creditCodeFor = (n: number) => `91220101MA${String(n).padStart(7, '0')}X`;

export async function startTestBinding(): Promise<TestBinding> {
  const database = await createTestDatabase('binding');
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }] };
  const jwksServer = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;

  const logger = pino({ level: 'silent' });
  const env = loadBindingEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    IDENTITY_JWKS_URL: jwksUrl,
  });
  let server: BindingServer;
  try {
    server = await startBinding(env, { migrateOnStart: true, logger });
  } catch (error) {
    jwksServer.close();
    await database.drop();
    throw error;
  }
  // identity's side of the bus: a second transport on the same database, like another process.
  const identityBus: EventTransport = createPostgresTransport(database.url, logger);
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
    client: new GraphQLClient(server.url, await sign(principal, 300, privateKey)),
  });

  const t: TestBinding = {
    server,
    sql,
    client: () => new GraphQLClient(server.url),
    tokenFor: (principal, ttlSeconds = 300) => sign(principal, ttlSeconds, privateKey),
    applicant: (name = `申报人${next()}`) =>
      actor({ accountId: randomUUID(), kind: 'PERSON', roles: [Role.APPLICANT], displayName: name }),
    legalPerson: (unit) =>
      actor({
        accountId: unit.unitId,
        kind: 'LEGAL_PERSON',
        roles: [Role.LEGAL_PERSON],
        displayName: unit.name,
        unitId: unit.unitId,
      }),
    agent: (unit, name = `经办人${next()}`) =>
      actor({
        accountId: randomUUID(),
        kind: 'AGENT',
        roles: [Role.UNIT_AGENT],
        displayName: name,
        unitId: unit.unitId,
      }),
    staff: () =>
      actor({
        accountId: randomUUID(),
        kind: 'STAFF',
        roles: [Role.BUREAU_REVIEWER],
        displayName: '省厅审核员',
        organisationId: randomUUID(),
      }),
    newUnit: (name) => {
      const n = next();
      return { unitId: randomUUID(), creditCode: creditCodeFor(n), name: name ?? `测试单位${n}有限公司` };
    },
    async publish(...events) {
      await identityBus.publish(events);
      await server.consumer.catchUp();
    },
    async makeReady(unit, eventId = randomUUID()) {
      const event: EventEnvelope<'UnitReady'> = {
        id: eventId,
        type: 'UnitReady',
        source: 'identity',
        occurredAt: new Date().toISOString(),
        payload: { unitId: unit.unitId, creditCode: unit.creditCode, name: unit.name },
      };
      await t.publish(event);
      return event;
    },
    async readyUnit(name) {
      const unit = t.newUnit(name);
      await t.makeReady(unit);
      return unit;
    },
    async close() {
      await server.close();
      await identityBus.close();
      await sql.end();
      await new Promise((resolve) => jwksServer.close(resolve));
      await database.drop();
    },
  };
  return t;
}

/**
 * Records the SQL every pg client in this test process sends while `fn` runs. The subgraph runs
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

// ---- operations --------------------------------------------------------------------------------

export const BINDING_FIELDS = `id status statusText requestedAt decidedAt opinion decidedByName endedAt
  person { id } unit { id }`;

export interface BindingJson {
  id: string;
  status: string;
  statusText: string;
  requestedAt: string;
  decidedAt: string | null;
  opinion: string | null;
  decidedByName: string | null;
  endedAt: string | null;
  person: { id: string };
  unit: { id: string };
}

export const REQUEST = `mutation($unitId: ID!) { requestBinding(unitId: $unitId) { ${BINDING_FIELDS} } }`;
export const DECIDE = `mutation($id: ID!, $approve: Boolean!, $opinion: String!) {
  decideBinding(id: $id, approve: $approve, opinion: $opinion) { ${BINDING_FIELDS} } }`;
export const UNBIND = `mutation { unbind { ${BINDING_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!) { cancelBindingRequest(id: $id) { ${BINDING_FIELDS} } }`;
export const MY_BINDINGS = `{ myBindings { ${BINDING_FIELDS} } }`;
export const MY_CURRENT = `{ myCurrentBinding { ${BINDING_FIELDS} } }`;
export const UNIT_REQUESTS = `query($status: BindingStatus) { unitBindingRequests(status: $status) { ${BINDING_FIELDS} } }`;

export async function request(applicant: Actor, unit: TestUnit): Promise<BindingJson> {
  return (await applicant.client.ok<{ requestBinding: BindingJson }>(REQUEST, { unitId: unit.unitId }))
    .requestBinding;
}

export async function decide(
  decider: Actor,
  id: string,
  approve: boolean,
  opinion = approve ? '同意绑定' : '不同意绑定',
): Promise<BindingJson> {
  return (await decider.client.ok<{ decideBinding: BindingJson }>(DECIDE, { id, approve, opinion }))
    .decideBinding;
}

/** Binding's outbox rows (what its relay will publish), oldest first. */
export async function outbox(
  t: TestBinding,
): Promise<Array<{ type: string; payload: Record<string, string> }>> {
  const { rows } = await t.sql.query(
    'select type, payload from binding.outbox_event order by occurred_at, id',
  );
  return rows;
}
