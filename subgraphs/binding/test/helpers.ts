// Test helpers for the binding subgraph: a real server on a free port over a fresh database per
// test file. Tokens are signed here with a key pair whose public half is served as a JWKS over
// HTTP, exactly as identity serves its own, so binding verifies them the way it does in production
// without starting identity. Units become bindable the way they do in production: a UnitReady
// event on the real PostgreSQL transport, handled by binding's consumer.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Pool } from 'pg';
import { Role, type Principal } from '@zhicheng/server-kit';
import { createPostgresTransport, type EventEnvelope, type EventTransport } from '@zhicheng/events';
import {
  createTestDatabase,
  expectGraphQLError,
  GraphQLClient,
  startTestTokenIssuer,
  type Actor,
  type GraphQLErrorJson,
  type GraphQLResult,
} from '@zhicheng/testing';
import { startBinding, type BindingServer } from '../src/app';
import { loadBindingEnv } from '../src/env';

export {
  fieldCodes,
  GraphQLClient,
  recordSql,
  type Actor,
  type GraphQLErrorJson,
  type GraphQLResult,
} from '@zhicheng/testing';

/** Asserts the request failed with `code` and a Chinese message (matching `message` when given). */
export function expectError(
  result: GraphQLResult<unknown>,
  code: string,
  message?: RegExp,
): GraphQLErrorJson {
  return expectGraphQLError(result, code, { message });
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
  const issuer = await startTestTokenIssuer();

  const logger = pino({ level: 'silent' });
  const env = loadBindingEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    IDENTITY_JWKS_URL: issuer.jwksUrl,
  });
  let server: BindingServer;
  try {
    server = await startBinding(env, { migrateOnStart: true, logger });
  } catch (error) {
    void issuer.close();
    await database.drop();
    throw error;
  }
  // identity's side of the bus: a second transport on the same database, like another process.
  const identityBus: EventTransport = createPostgresTransport(database.url, logger);
  const sql = new Pool({ connectionString: database.url, max: 2 });
  sql.on('error', () => undefined);

  const actor = async (principal: Principal): Promise<Actor> => ({
    principal,
    client: new GraphQLClient(server.url, await issuer.sign(principal, 300)),
  });

  const t: TestBinding = {
    server,
    sql,
    client: () => new GraphQLClient(server.url),
    tokenFor: (principal, ttlSeconds = 300) => issuer.sign(principal, ttlSeconds),
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
      await issuer.close();
      await database.drop();
    },
  };
  return t;
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
