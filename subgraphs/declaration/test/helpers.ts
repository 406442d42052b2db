// Test helpers for the declaration subgraph: a real server on a free port over a fresh database
// per test file, files in a fresh directory, a clock tests can move. Tokens are signed here with a
// key pair whose public half is served as a JWKS over HTTP (as identity serves its own), so the
// service verifies them the way it does in production. Bindings and units arrive the way they
// do in production: BindingApproved / BindingEnded / UnitReady on the real PostgreSQL transport.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Pool } from 'pg';
import { makeResidentId } from '@zhicheng/domain-codes';
import { Role, type Principal } from '@zhicheng/server-kit';
import { createPostgresTransport, type EventEnvelope, type EventTransport } from '@zhicheng/events';
import {
  createTestDatabase,
  expectGraphQLError,
  GraphQLClient,
  postUpload,
  startTestTokenIssuer,
  type Actor,
  type GraphQLErrorJson,
  type GraphQLResult,
  type UploadAnswer,
} from '@zhicheng/testing';
import { startDeclaration, type DeclarationServer } from '../src/app';
import { loadDeclarationEnv } from '../src/env';

export {
  fieldCodes,
  GraphQLClient,
  recordSql,
  type Actor,
  type GraphQLErrorJson,
  type GraphQLResult,
} from '@zhicheng/testing';

/** Asserts the request failed with `code` (and `reason`, when given) and a Chinese message. */
export function expectError(
  result: GraphQLResult<unknown>,
  code: string,
  reason?: string | null,
  message?: RegExp,
): GraphQLErrorJson {
  return expectGraphQLError(result, code, { reason, message });
}

/**
 * The real-name facts identity announces for every test applicant (PersonRegistered): 基本信息
 * must state them. The fixtures' basicInfo() uses the same name and number.
 */
export const APPLICANT_NAME = '张伟';
export const APPLICANT_ID_NUMBER = makeResidentId({ region: '220102', birthDate: '19880808', sequence: 11 });
/** The default test unit's name, as the fixtures' basicInfo() states it (工作单位). */
export const UNIT_NAME = '吉林省长春市第一机械制造有限公司';

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
  /** A signed-in applicant whose real-name facts identity announced (PersonRegistered). */
  applicant(name?: string, idNumber?: string): Promise<Actor>;
  bureau(): Promise<Actor>;
  legalPerson(unit: TestUnit): Promise<Actor>;
  agent(unit: TestUnit): Promise<Actor>;
  /** A staff account of `organisationId` (a fresh organisation when not given). */
  staff(role: Role, organisationId?: string): Promise<Actor>;
  /** A third-party system's client token (kind CLIENT, no role) of a unit or an organisation. */
  apiClient(scopes: string[], owner: { unitId: string } | { organisationId: string }): Promise<Actor>;
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
  const issuer = await startTestTokenIssuer();

  const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
  const clock = new TestClock();
  const env = loadDeclarationEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    IDENTITY_JWKS_URL: issuer.jwksUrl,
    FILES_DIR: filesDir,
    FILES_SIGNING_SECRET: 'test-secret-of-at-least-thirty-two-characters',
  });
  let server: DeclarationServer;
  try {
    server = await startDeclaration(env, { migrateOnStart: true, logger, now: clock.now });
  } catch (error) {
    void issuer.close();
    await database.drop();
    throw error;
  }
  // The other subgraphs' side of the bus: a second transport on the same database.
  const bus: EventTransport = createPostgresTransport(database.url, logger);
  const sql = new Pool({ connectionString: database.url, max: 2 });
  sql.on('error', () => undefined);

  const actor = async (principal: Principal): Promise<Actor> => ({
    principal,
    client: new GraphQLClient(server.url, await issuer.sign(principal, 600)),
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
    async applicant(name = APPLICANT_NAME, idNumber = APPLICANT_ID_NUMBER) {
      const person = await actor({
        accountId: randomUUID(),
        kind: 'PERSON',
        roles: [Role.APPLICANT],
        displayName: name,
      });
      await publish(
        event('PersonRegistered', {
          personId: person.principal.accountId,
          name,
          idType: 'RESIDENT_ID',
          idNumber,
          at: new Date().toISOString(),
        }),
      );
      return person;
    },
    bureau: () =>
      actor({
        accountId: randomUUID(),
        kind: 'STAFF',
        roles: [Role.BUREAU_REVIEWER],
        displayName: '省厅审核员',
        organisationId: randomUUID(),
      }),
    staff: (role, organisationId = randomUUID()) =>
      actor({
        accountId: randomUUID(),
        kind: 'STAFF',
        roles: [role],
        displayName: '审核员',
        organisationId,
      }),
    apiClient: (scopes, owner) =>
      actor({
        accountId: randomUUID(),
        kind: 'CLIENT',
        roles: [],
        displayName: '人事管理系统',
        scopes,
        ...owner,
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
    async readyUnit(name = UNIT_NAME, region = '220101') {
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
      void issuer.close();
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
  PersonRegistered: 'identity',
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

// ---- uploads ----------------------------------------------------------------------------------

export { testFiles as files, type UploadAnswer } from '@zhicheng/testing';

/** POSTs raw bytes to an upload ticket's URL, as the browser does (same origin). */
export function postFile(
  t: TestDeclaration,
  url: string,
  bytes: Uint8Array,
  contentType = 'application/octet-stream',
  options: { chunked?: boolean } = {},
): Promise<UploadAnswer> {
  return postUpload(t.origin, url, bytes, contentType, options);
}
