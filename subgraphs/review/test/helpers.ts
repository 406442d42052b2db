// Test helpers for the review subgraph: a real server on a free port over a fresh database per
// test file, files in a fresh directory. Tokens are signed here with a key pair whose public half
// is served as a JWKS over HTTP (as identity serves its own), so the service verifies them the
// way it does in production. Declarations arrive the way they do in production: the declaration
// subgraph's DeclarationSubmitted on the real PostgreSQL transport, handled by review's consumer.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Pool } from 'pg';
import { Role, type Principal } from '@zhicheng/server-kit';
import {
  createPostgresTransport,
  type EventEnvelope,
  type EventPayloads,
  type EventTransport,
  type RouteLevel,
} from '@zhicheng/events';
import {
  createTestDatabase,
  expectGraphQLError,
  GraphQLClient,
  postUpload,
  startTestTokenIssuer,
  testFiles,
  type Actor,
  type GraphQLErrorJson,
  type GraphQLResult,
  type UploadAnswer,
} from '@zhicheng/testing';
import { startReviewService, type ReviewServer } from '../src/app';
import { loadReviewEnv } from '../src/env';

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

export interface TestUnit {
  unitId: string;
  name: string;
}

/** The organisations a test file's routes name (fresh ids per file). */
export interface Organisations {
  department: string;
  bureau: string;
  committee: string;
  otherDepartment: string;
  otherBureau: string;
  otherCommittee: string;
}

export const ORGANISATION_NAMES = {
  department: '吉林省教育厅',
  bureau: '吉林省人力资源和社会保障厅',
  committee: '吉林省工程系列高级职称评审委员会',
};

export interface SubmitOptions {
  declarationId?: string;
  route?: RouteLevel[];
  outcomeAfterRoute?: 'FINALLY_APPROVED' | 'MATERIALS_APPROVED';
  resubmission?: boolean;
  noticeId?: string;
  channelCode?: string;
  eventId?: string;
  applicantName?: string;
  /** 人才分类定级: the class applied for (default C for the TALENT_CLASSIFICATION channel). */
  talentLevelCode?: 'A' | 'B' | 'C' | 'D' | 'E' | null;
  /** Overrides of the declared title (系列, 专业, names). */
  title?: Partial<EventPayloads['DeclarationSubmitted']['title']>;
  submittedAt?: string;
}

export interface Submitted {
  declarationId: string;
  event: EventEnvelope<'DeclarationSubmitted'>;
}

export interface TestReview {
  server: ReviewServer;
  sql: Pool;
  filesDir: string;
  /** The server's origin (the gateway forwards /files/review/* to it unchanged). */
  origin: string;
  orgs: Organisations;
  client(): GraphQLClient;
  tokenFor(principal: Principal): Promise<string>;
  applicant(name?: string): Promise<Actor>;
  legalPerson(unit: TestUnit): Promise<Actor>;
  agent(unit: TestUnit, name?: string): Promise<Actor>;
  staff(role: Role, organisationId: string, name?: string): Promise<Actor>;
  department(name?: string): Promise<Actor>;
  bureau(name?: string): Promise<Actor>;
  committee(name?: string): Promise<Actor>;
  /** A unit identity announced (UnitReady), so review knows its name. */
  readyUnit(name?: string): Promise<TestUnit>;
  /** The full route: unit → department → bureau → committee. */
  fullRoute(): RouteLevel[];
  /** As the demo notices: the department left open (skipped), the bureau, the committee. */
  demoRoute(): RouteLevel[];
  /** 人才分类定级: unit → (department open) → bureau, ending in 材料审核通过. */
  talentRoute(): RouteLevel[];
  /** The declaration subgraph submits: DeclarationSubmitted on the bus, handled by review. */
  submit(applicant: Actor, unit: TestUnit, options?: SubmitOptions): Promise<Submitted>;
  /** Publishes raw events (as another subgraph's relay would) and waits until they are handled. */
  publish(...events: EventEnvelope[]): Promise<void>;
  /** Review's outbox rows for a declaration, oldest first. */
  outbox(declarationId: string): Promise<Array<{ type: string; payload: Record<string, unknown> }>>;
  close(): Promise<void>;
}

let sequence = 0;
const next = () => (sequence += 1);

export function event<K extends EventEnvelope['type']>(
  type: K,
  payload: EventPayloads[K],
  source = 'declaration',
  id: string = randomUUID(),
): EventEnvelope<K> {
  return { id, type, source, occurredAt: new Date().toISOString(), payload };
}

export async function startTestReview(): Promise<TestReview> {
  const database = await createTestDatabase('review');
  const filesDir = await mkdtemp(join(tmpdir(), 'zc-review-files-'));
  const issuer = await startTestTokenIssuer();

  const logger = pino({ level: 'silent' });
  const env = loadReviewEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    IDENTITY_JWKS_URL: issuer.jwksUrl,
    FILES_DIR: filesDir,
    FILES_SIGNING_SECRET: 'review-test-secret-of-at-least-thirty-two-characters',
  });
  let server: ReviewServer;
  try {
    server = await startReviewService(env, { migrateOnStart: true, logger });
  } catch (error) {
    void issuer.close();
    await database.drop();
    throw error;
  }
  // The other subgraphs' side of the bus: a second transport on the same database.
  const bus: EventTransport = createPostgresTransport(database.url, logger);
  const sql = new Pool({ connectionString: database.url, max: 3 });
  sql.on('error', () => undefined);

  // Review's tokens last 15 minutes: long enough for its slowest test file.
  const sign = (principal: Principal) => issuer.sign(principal, 900);
  const actor = async (principal: Principal): Promise<Actor> => ({
    principal,
    client: new GraphQLClient(server.url, await sign(principal)),
  });
  const publish = async (...events: EventEnvelope[]) => {
    await bus.publish(events);
    await server.consumer.catchUp();
    await server.statisticsConsumer.catchUp();
  };
  const orgs: Organisations = {
    department: randomUUID(),
    bureau: randomUUID(),
    committee: randomUUID(),
    otherDepartment: randomUUID(),
    otherBureau: randomUUID(),
    otherCommittee: randomUUID(),
  };
  const staff = (role: Role, organisationId: string, name = `审核员${next()}`) =>
    actor({ accountId: randomUUID(), kind: 'STAFF', roles: [role], displayName: name, organisationId });

  const t: TestReview = {
    server,
    sql,
    filesDir,
    origin: new URL(server.url).origin,
    orgs,
    client: () => new GraphQLClient(server.url),
    tokenFor: (principal) => sign(principal),
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
    staff,
    department: (name = '教育厅审核员 赵磊') => staff(Role.DEPARTMENT_REVIEWER, orgs.department, name),
    bureau: (name = '省厅审核员 王敏') => staff(Role.BUREAU_REVIEWER, orgs.bureau, name),
    committee: (name = '工程评委会秘书 周强') => staff(Role.COMMITTEE_SECRETARY, orgs.committee, name),
    async readyUnit(name = `测试单位${next()}有限公司`) {
      const unit = { unitId: randomUUID(), name };
      await publish(
        event(
          'UnitReady',
          { unitId: unit.unitId, creditCode: `91220101MA${String(next()).padStart(7, '0')}X`, name },
          'identity',
        ),
      );
      return unit;
    },
    fullRoute: () => [
      { level: 'UNIT', organisationId: null, name: '推荐单位' },
      { level: 'DEPARTMENT', organisationId: orgs.department, name: ORGANISATION_NAMES.department },
      { level: 'BUREAU', organisationId: orgs.bureau, name: ORGANISATION_NAMES.bureau },
      { level: 'COMMITTEE', organisationId: orgs.committee, name: ORGANISATION_NAMES.committee },
    ],
    demoRoute: () => [
      { level: 'UNIT', organisationId: null, name: '推荐单位' },
      { level: 'DEPARTMENT', organisationId: null, name: '行政主管部门' },
      { level: 'BUREAU', organisationId: orgs.bureau, name: ORGANISATION_NAMES.bureau },
      { level: 'COMMITTEE', organisationId: orgs.committee, name: ORGANISATION_NAMES.committee },
    ],
    talentRoute: () => [
      { level: 'UNIT', organisationId: null, name: '推荐单位' },
      { level: 'DEPARTMENT', organisationId: null, name: '行政主管部门' },
      { level: 'BUREAU', organisationId: orgs.bureau, name: ORGANISATION_NAMES.bureau },
    ],
    async submit(applicant, unit, options = {}) {
      const declarationId = options.declarationId ?? randomUUID();
      const route = options.route ?? t.fullRoute();
      const submitted = event(
        'DeclarationSubmitted',
        {
          declarationId,
          noticeId: options.noticeId ?? NOTICE_ID,
          channelCode: options.channelCode ?? 'TITLE_NORMAL',
          personId: applicant.principal.accountId,
          applicantName: options.applicantName ?? applicant.principal.displayName,
          unitId: unit.unitId,
          title: {
            seriesCode: 'ENG',
            specialtyCode: 'ENG.CIVIL',
            scopeCode: 'ENG.CIVIL.STRUCT',
            titleCode: 'ENG.SENIOR',
            levelCode: 'SENIOR',
            titleName: '高级工程师',
            levelName: '副高级',
            seriesName: '工程系列',
            specialtyName: '土木工程',
            ...options.title,
          },
          category: 'NORMAL',
          route,
          outcomeAfterRoute:
            options.outcomeAfterRoute ??
            (route[route.length - 1]?.level === 'COMMITTEE' ? 'FINALLY_APPROVED' : 'MATERIALS_APPROVED'),
          committeeId: null,
          talent:
            options.channelCode === 'TALENT_CLASSIFICATION' && options.talentLevelCode !== null
              ? {
                  levelCode: options.talentLevelCode ?? 'C',
                  levelName: `${options.talentLevelCode ?? 'C'}类`,
                  standardCode: `${options.talentLevelCode ?? 'C'}-01`,
                  standardText: '享受国务院政府特殊津贴专家',
                  serviceType: 'FIRST',
                }
              : null,
          submittedAt: options.submittedAt ?? new Date().toISOString(),
          resubmission: options.resubmission ?? false,
        },
        'declaration',
        options.eventId,
      );
      await publish(submitted);
      return { declarationId, event: submitted };
    },
    publish,
    async outbox(declarationId) {
      const { rows } = await sql.query(
        `select type, payload from review.outbox_event where payload->>'declarationId' = $1 and type <> 'PersonalDataViewed' order by occurred_at, id`,
        [declarationId],
      );
      return rows;
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

/** The matter most tests declare under. */
export const NOTICE_ID = '7c1e9a52-4b0d-4c8e-9f3a-2d6b1e0c5a11';

// ---- operations --------------------------------------------------------------------------------

export const TASK_FIELDS = `sequence level levelText organisationId organisationName state stateText origin
  decision { step stepText opinion modules returnTarget reviewerName }
  returnedFrom { fromLevel organisationName modules opinion }`;

export const CASE_FIELDS = `declarationId applicantName phase status statusText channelCode titleName unitName
  currentTask { ${TASK_FIELDS} }
  tasks { sequence level state }
  progress { level name node taskState }
  returnedToApplicant { level organisationName modules moduleNames opinion }
  allowedActions { type taskSequence decisions returnTargets results talentLevels { code name } appliedTalentLevel { code name } }
  moduleFlags { module hasErrors note setByName }
  timeline { sequence step stepText level levelText organisationName actorName opinion modules returnTarget statusAfter statusText batchId }
  routingProblems { field code message }`;

export const REVIEW_CASE = `query($id: ID!) { reviewCase(declarationId: $id) { ${CASE_FIELDS} } }`;
export const DECIDE = `mutation($id: ID!, $task: Int!, $decision: ReviewDecision!, $opinion: String!,
  $modules: [ModuleKey!], $target: ReturnTarget, $flags: [ModuleFlagInput!]) {
  decideReview(declarationId: $id, taskSequence: $task, decision: $decision, opinion: $opinion,
    modules: $modules, target: $target, moduleFlags: $flags) { ${CASE_FIELDS} } }`;
export const COMMITTEE = `mutation($id: ID!, $result: CommitteeResult!, $opinion: String!, $task: Int) {
  recordCommitteeResult(declarationId: $id, result: $result, opinion: $opinion, taskSequence: $task) { ${CASE_FIELDS} } }`;
export const TALENT_RESULT = `mutation($id: ID!, $result: CommitteeResult!, $opinion: String!, $task: Int, $levelCode: String) {
  recordTalentResult(declarationId: $id, result: $result, opinion: $opinion, taskSequence: $task, levelCode: $levelCode) { ${CASE_FIELDS} } }`;
export const COMMITTEE_BATCH = `mutation($ids: [ID!]!, $result: CommitteeResult!, $opinion: String!) {
  recordCommitteeResults(declarationIds: $ids, result: $result, opinion: $opinion) { declarationId phase statusText currentTask { state } } }`;
export const TICKET = `mutation($fileName: String!, $sizeBytes: Int!, $contentType: String!) {
  requestBatchAttachmentUpload(fileName: $fileName, sizeBytes: $sizeBytes, contentType: $contentType) { url expiresAt maxBytes formats } }`;
export const FORWARD = `mutation($ids: [ID!]!, $attachmentId: ID!) {
  forwardBatch(declarationIds: $ids, attachmentId: $attachmentId) {
    id forwardedAt forwardedByName declarationIds
    attachment { id fileName sizeBytes format sha256 url }
    cases { declarationId currentTask { level organisationId state } } } }`;
export const QUEUE = `query($state: ReviewQueueState, $filter: ReviewQueueFilter, $first: Int, $after: String, $offset: Int) {
  reviewQueue(state: $state, filter: $filter, first: $first, after: $after, offset: $offset) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { declarationId applicantName currentTask { sequence state } } } } }`;

export interface TimelineJson {
  sequence: number;
  step: string;
  stepText: string;
  level: string;
  levelText: string;
  organisationName: string | null;
  actorName: string;
  opinion: string | null;
  modules: string[] | null;
  returnTarget: string | null;
  statusAfter: string;
  statusText: string;
  batchId: string | null;
}

export interface TaskJson {
  sequence: number;
  level: string;
  levelText: string;
  organisationId: string;
  organisationName: string;
  state: string;
  stateText: string;
  origin: string;
  decision: {
    step: string;
    opinion: string;
    modules: string[] | null;
    returnTarget: string | null;
    reviewerName: string;
  } | null;
  returnedFrom: { fromLevel: string; organisationName: string; modules: string[]; opinion: string } | null;
}

export interface CaseJson {
  declarationId: string;
  applicantName: string;
  phase: string;
  status: string;
  statusText: string;
  channelCode: string;
  titleName: string;
  unitName: string | null;
  currentTask: TaskJson | null;
  tasks: Array<{ sequence: number; level: string; state: string }>;
  progress: Array<{ level: string; name: string; node: string; taskState: string | null }>;
  returnedToApplicant: {
    level: string;
    organisationName: string;
    modules: string[];
    moduleNames: string[];
    opinion: string;
  } | null;
  allowedActions: Array<{
    type: string;
    taskSequence: number | null;
    decisions: string[];
    returnTargets: string[];
    results: string[];
    talentLevels: Array<{ code: string; name: string }>;
    appliedTalentLevel: { code: string; name: string } | null;
  }>;
  moduleFlags: Array<{ module: string; hasErrors: boolean; note: string | null; setByName: string }>;
  timeline: TimelineJson[];
  routingProblems: Array<{ field: string; code: string; message: string }>;
}

export const PASS_OPINION = '材料齐全，符合申报条件，同意推荐。';
export const RETURN_OPINION = '证明材料不全，请补充后重新提交。';

export async function reviewCase(actor: Actor, declarationId: string): Promise<CaseJson> {
  return (await actor.client.ok<{ reviewCase: CaseJson }>(REVIEW_CASE, { id: declarationId })).reviewCase;
}

/** The sequence of the task the declaration is at (as the reviewer's page shows it). */
export async function currentTask(actor: Actor, declarationId: string): Promise<number> {
  const c = await reviewCase(actor, declarationId);
  if (!c.currentTask) throw new Error(`no open task on ${declarationId} (${c.phase})`);
  return c.currentTask.sequence;
}

export async function decide(
  actor: Actor,
  declarationId: string,
  decision: 'PASS' | 'RETURN' | 'TERMINATE',
  extra: { opinion?: string; modules?: string[]; target?: string; flags?: unknown[]; task?: number } = {},
): Promise<CaseJson> {
  const task = extra.task ?? (await currentTask(actor, declarationId));
  return (
    await actor.client.ok<{ decideReview: CaseJson }>(DECIDE, {
      id: declarationId,
      task,
      decision,
      opinion: extra.opinion ?? (decision === 'PASS' ? PASS_OPINION : RETURN_OPINION),
      modules: extra.modules,
      target: extra.target,
      flags: extra.flags,
    })
  ).decideReview;
}

export async function committeeResult(
  actor: Actor,
  declarationId: string,
  result: 'PASS' | 'FAIL' | 'DEFER',
  opinion = '经评审委员会评议表决。',
): Promise<CaseJson> {
  return (
    await actor.client.ok<{ recordCommitteeResult: CaseJson }>(COMMITTEE, {
      id: declarationId,
      result,
      opinion,
    })
  ).recordCommitteeResult;
}

/** 人才分类定级 评审结果 by the bureau at the route's last seat. */
export async function talentResult(
  actor: Actor,
  declarationId: string,
  result: 'PASS' | 'FAIL' | 'DEFER',
  extra: { opinion?: string; levelCode?: string; task?: number } = {},
): Promise<CaseJson> {
  return (
    await actor.client.ok<{ recordTalentResult: CaseJson }>(TALENT_RESULT, {
      id: declarationId,
      result,
      opinion: extra.opinion ?? '经认定，符合人才分类定级标准，同意认定。',
      levelCode: extra.levelCode,
      task: extra.task,
    })
  ).recordTalentResult;
}

// ---- uploads ----------------------------------------------------------------------------------

export { testFiles as files, type UploadAnswer } from '@zhicheng/testing';

/** POSTs raw bytes to an upload ticket's URL, as the browser does (same origin). */
export function postFile(
  t: TestReview,
  url: string,
  bytes: Uint8Array,
  contentType = 'application/pdf',
): Promise<UploadAnswer> {
  return postUpload(t.origin, url, bytes, contentType);
}

/** The unit uploads its 推荐报告 (ticket + bytes) and gets the attachment id. */
export async function uploadRecommendation(
  t: TestReview,
  unitActor: Actor,
  fileName = '推荐报告.pdf',
): Promise<string> {
  const bytes = testFiles.pdf(4096);
  const { requestBatchAttachmentUpload: ticket } = await unitActor.client.ok<{
    requestBatchAttachmentUpload: { url: string };
  }>(TICKET, { fileName, sizeBytes: bytes.length, contentType: 'application/pdf' });
  const answer = await postFile(t, ticket.url, bytes);
  if (answer.status !== 201) throw new Error(`upload failed: ${JSON.stringify(answer)}`);
  return answer.body.attachment!.id;
}

/** Unit passes and forwards (with a fresh attachment) the given declarations. */
export async function passAndForward(
  t: TestReview,
  unitActor: Actor,
  declarationIds: string[],
): Promise<void> {
  for (const id of declarationIds) await decide(unitActor, id, 'PASS');
  const attachmentId = await uploadRecommendation(t, unitActor);
  await unitActor.client.ok(FORWARD, { ids: declarationIds, attachmentId });
}
