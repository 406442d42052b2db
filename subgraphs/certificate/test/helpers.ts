// Test helpers for the certificate subgraph: a real server on a free port over a fresh database
// per test file. Tokens are signed with a key pair served as a JWKS over HTTP (as identity does).
// Declarations arrive as in production: DeclarationSubmitted / DeclarationFinallyApproved on the
// real PostgreSQL transport, handled by certificate's consumer.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Pool } from 'pg';
import { Role, type Principal } from '@zhicheng/server-kit';
import {
  createPostgresTransport,
  type EventEnvelope,
  type EventPayloads,
  type EventTransport,
} from '@zhicheng/events';
import { createTestDatabase, GraphQLClient, startTestTokenIssuer, type Actor } from '@zhicheng/testing';
import { startCertificate, type CertificateServer } from '../src/app';
import { loadCertificateEnv } from '../src/env';

export { GraphQLClient, type Actor } from '@zhicheng/testing';

export const PUBLIC_URL = 'https://zhicheng.example.gov.cn';

export function event<K extends EventEnvelope['type']>(
  type: K,
  payload: EventPayloads[K],
  source = 'declaration',
  id: string = randomUUID(),
): EventEnvelope<K> {
  return { id, type, source, occurredAt: new Date().toISOString(), payload };
}

export function submitted(
  declarationId: string,
  personId: string,
  applicantName = '张三',
): EventEnvelope<'DeclarationSubmitted'> {
  return event('DeclarationSubmitted', {
    declarationId,
    noticeId: randomUUID(),
    channelCode: 'TITLE_NORMAL',
    personId,
    applicantName,
    applicantIdNumberMasked: '220***********1234',
    unitId: randomUUID(),
    title: {
      seriesCode: 'ENG',
      specialtyCode: 'ENG.CIVIL',
      scopeCode: 'ENG.CIVIL.STRUCT',
      titleCode: 'ENG.SENIOR',
      levelCode: 'SENIOR',
      titleName: '高级工程师',
      levelName: '副高级',
      seriesName: '工程系列',
      specialtyName: '土木建筑工程',
    },
    category: 'NORMAL',
    route: [],
    outcomeAfterRoute: 'FINALLY_APPROVED',
    committeeId: null,
    submittedAt: new Date().toISOString(),
    resubmission: false,
  });
}

export function approved(
  declarationId: string,
  approvedAt = new Date(),
): EventEnvelope<'DeclarationFinallyApproved'> {
  return event(
    'DeclarationFinallyApproved',
    {
      declarationId,
      result: 'PASS',
      committee: { organisationId: randomUUID(), name: '吉林省工程系列高级职称评审委员会' },
      opinion: '经评审委员会评议，通过。',
      approvedAt: approvedAt.toISOString(),
    },
    'review',
  );
}

/** A 人才分类定级 submission: the class and standard applied for. */
export function talentSubmitted(
  declarationId: string,
  personId: string,
  applicantName = '刘洋',
  levelCode: 'A' | 'B' | 'C' | 'D' | 'E' = 'C',
): EventEnvelope<'DeclarationSubmitted'> {
  const base = submitted(declarationId, personId, applicantName);
  return {
    ...base,
    payload: {
      ...base.payload,
      channelCode: 'TALENT_CLASSIFICATION',
      title: {
        seriesCode: '',
        specialtyCode: '',
        scopeCode: '',
        titleCode: '',
        levelCode,
        titleName: '人才分类定级评定',
        levelName: `${levelCode}类`,
      },
      outcomeAfterRoute: 'MATERIALS_APPROVED',
      talent: {
        levelCode,
        levelName: `${levelCode}类`,
        standardCode: `${levelCode}-01`,
        standardText: '享受国务院政府特殊津贴专家',
        serviceType: 'FIRST',
      },
    },
  };
}

/** The bureau's 评审结果 通过 for a 人才分类定级 declaration, with the class awarded. */
export function talentApproved(
  declarationId: string,
  levelCode: 'A' | 'B' | 'C' | 'D' | 'E' = 'C',
  approvedAt = new Date(),
): EventEnvelope<'DeclarationFinallyApproved'> {
  return event(
    'DeclarationFinallyApproved',
    {
      declarationId,
      result: 'PASS',
      committee: null,
      opinion: '经认定，符合人才分类定级标准，同意认定。',
      approvedAt: approvedAt.toISOString(),
      kind: 'TALENT_LEVEL',
      talent: {
        levelCode,
        levelName: `${levelCode}类`,
        decidedBy: { level: 'BUREAU', organisationId: randomUUID(), name: '吉林省人力资源和社会保障厅' },
      },
    },
    'review',
  );
}

/** identity's PersonRegistered: the account holder's ID document, as identity announces it. */
export function personRegistered(
  actor: { principal: { accountId: string; displayName?: string } },
  idNumber: string,
) {
  return event(
    'PersonRegistered',
    {
      personId: actor.principal.accountId,
      name: actor.principal.displayName ?? '',
      idType: 'RESIDENT_ID',
      idNumber,
      at: new Date().toISOString(),
    },
    'identity',
  );
}

export interface TestCertificate {
  server: CertificateServer;
  sql: Pool;
  client(): GraphQLClient;
  applicant(name?: string): Promise<Actor>;
  staff(): Promise<Actor>;
  /** Bureau staff of one organisation (identity's demo bureaus: demoOrganisationId('city')…). */
  staffOf(organisationId: string, name?: string): Promise<Actor>;
  /** Publishes raw events (as other subgraphs' relays would) and waits until they are handled. */
  publish(...events: EventEnvelope[]): Promise<void>;
  /** Certificate's outbox rows of a type. */
  outbox(type: string): Promise<Array<{ payload: Record<string, unknown> }>>;
  close(): Promise<void>;
}

export async function startTestCertificate(
  overrides: Record<string, string> = {},
  now?: () => Date,
): Promise<TestCertificate> {
  const database = await createTestDatabase('certificate');
  const issuer = await startTestTokenIssuer();
  const logger = pino({ level: 'silent' });
  const env = loadCertificateEnv({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    IDENTITY_JWKS_URL: issuer.jwksUrl,
    PUBLIC_URL,
    ...overrides,
  });
  const server = await startCertificate(env, { migrateOnStart: true, logger, now });
  const bus: EventTransport = createPostgresTransport(database.url, logger);
  const sql = new Pool({ connectionString: database.url, max: 3 });
  sql.on('error', () => undefined);
  const actor = async (principal: Principal): Promise<Actor> => ({
    principal,
    client: new GraphQLClient(server.url, await issuer.sign(principal, 900)),
  });
  let n = 0;
  return {
    server,
    sql,
    client: () => new GraphQLClient(server.url),
    applicant: (name = `申报人${++n}`) =>
      actor({ accountId: randomUUID(), kind: 'PERSON', roles: [Role.APPLICANT], displayName: name }),
    staff: () =>
      actor({
        accountId: randomUUID(),
        kind: 'STAFF',
        roles: [Role.BUREAU_REVIEWER],
        displayName: '省厅审核员',
        organisationId: randomUUID(),
      }),
    staffOf: (organisationId, name = '市局审核员') =>
      actor({
        accountId: randomUUID(),
        kind: 'STAFF',
        roles: [Role.BUREAU_REVIEWER],
        displayName: name,
        organisationId,
      }),
    async publish(...events) {
      await bus.publish(events);
      await server.consumer.catchUp();
      await server.relay.flush();
    },
    async outbox(type) {
      const { rows } = await sql.query('select payload from certificate.outbox_event where type = $1', [
        type,
      ]);
      return rows;
    },
    async close() {
      await bus.close();
      await sql.end();
      await server.close();
      await issuer.close();
      await database.drop();
    },
  };
}
