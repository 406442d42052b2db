// 谁查看了我的信息: identity consumes PersonalDataViewed (from every subgraph) into the person's
// access log — idempotently, one line per viewer, person and declaration within ten minutes — and
// only the person reads it. A unit deciding a binding request may see the full ID number, logged.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { makeCreditCode } from '@zhicheng/domain-codes';
import {
  createPostgresTransport,
  type EventEnvelope,
  type EventPayloads,
  type EventTransport,
  type PersonalDataViewer,
} from '@zhicheng/events';
import { Role, type Principal } from '@zhicheng/server-kit';
import { purgeExpiredAccessLog } from '../src/domain/access-log';
import {
  Organisation,
  OrganisationKind,
  PendingBindingRequest,
  type Person,
  type Unit,
} from '../src/entities';
import { expectError, seedPerson, seedUnit, startTestIdentity, type TestIdentity } from './helpers';

let t: TestIdentity;
let transport: EventTransport;
let unit: Unit;
let bureau: Organisation;
beforeAll(async () => {
  t = await startTestIdentity();
  transport = createPostgresTransport(t.env.DATABASE_URL, pino({ level: 'silent' }));
  unit = await seedUnit(t, makeCreditCode('91220101MA0AL0001'), { name: '长春市第一机械制造有限公司' });
  bureau = await t.withEm(async (em) =>
    em.create(Organisation, {
      name: '吉林省人力资源和社会保障厅',
      kind: OrganisationKind.PROVINCE_BUREAU,
      regionCode: '220000',
    }),
  );
});
afterAll(async () => {
  await transport?.close();
  await t?.close();
});

const agentViewer = (): PersonalDataViewer => ({
  kind: 'AGENT',
  id: randomUUID(),
  name: '林晓',
  roles: [Role.UNIT_AGENT],
  unitId: unit.id,
  organisationId: null,
});
const reviewerViewer = (): PersonalDataViewer => ({
  kind: 'STAFF',
  id: randomUUID(),
  name: '王审核',
  roles: [Role.BUREAU_REVIEWER],
  unitId: null,
  organisationId: bureau.id,
});

function viewed(
  payload: Partial<EventPayloads['PersonalDataViewed']> &
    Pick<EventPayloads['PersonalDataViewed'], 'personId' | 'viewer'>,
  id = randomUUID(),
): EventEnvelope<'PersonalDataViewed'> {
  return {
    id,
    type: 'PersonalDataViewed',
    source: 'declaration',
    occurredAt: new Date().toISOString(),
    payload: {
      declarationId: null,
      items: ['DECLARATION_CONTENTS'],
      viewedAt: new Date().toISOString(),
      requestId: randomUUID(),
      ...payload,
    },
  };
}

async function deliver(...events: EventEnvelope[]) {
  await transport.publish(events);
  await t.server.consumer.catchUp();
}

const rowsOf = async (personId: string) =>
  (
    await t.sql.query(
      `select viewer_role, organisation_name, declaration_id, items, view_count, viewed_at, last_viewed_at
       from identity.personal_data_access where person_id = $1 order by viewed_at`,
      [personId],
    )
  ).rows;

const personPrincipal = (p: Person): Principal => ({
  accountId: p.id,
  kind: 'PERSON',
  roles: [Role.APPLICANT],
  displayName: p.name,
});

async function clientAs(principal: Principal) {
  const client = t.client();
  client.accessToken = await t.tokenFor(principal);
  return client;
}

const LOG = `query($first: Int, $after: String) {
  myDataAccessLog(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { viewerRole viewerRoleText organisationName items itemsText declarationId viewCount viewedAt } }
  }
}`;
type LogJson = {
  myDataAccessLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      node: {
        viewerRole: string;
        viewerRoleText: string;
        organisationName: string | null;
        items: string[];
        itemsText: string[];
        declarationId: string | null;
        viewCount: number;
        viewedAt: string;
      };
    }>;
  };
};

describe('consuming PersonalDataViewed', () => {
  it('stores a view with the organisation’s name and the role, once however often it is delivered', async () => {
    const person = await seedPerson(t);
    const declarationId = randomUUID();
    const event = viewed({ personId: person.id, viewer: agentViewer(), declarationId });
    await deliver(event);
    await deliver(event); // redelivery (relay retry): the inbox makes it a no-op
    expect(await rowsOf(person.id)).toEqual([
      expect.objectContaining({
        viewer_role: 'UNIT_AGENT',
        organisation_name: '长春市第一机械制造有限公司',
        declaration_id: declarationId,
        items: ['DECLARATION_CONTENTS'],
        view_count: 1,
      }),
    ]);
  });

  it('collapses repeats of one viewer on one declaration within ten minutes into one line, merging what was seen', async () => {
    const person = await seedPerson(t);
    const viewer = reviewerViewer();
    const declarationId = randomUUID();
    const start = Date.now() - 60 * 60 * 1000;
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    await deliver(
      viewed({
        personId: person.id,
        viewer,
        declarationId,
        items: ['DECLARATION_CONTENTS'],
        viewedAt: at(0),
      }),
      // one page load of the reviewer: review's case and declaration's files, arriving in any order
      viewed({ personId: person.id, viewer, declarationId, items: ['REVIEW_CASE'], viewedAt: at(1) }),
      viewed({ personId: person.id, viewer, declarationId, items: ['DECLARATION_FILES'], viewedAt: at(0) }),
      // the same viewer twenty minutes later: a new line
      viewed({
        personId: person.id,
        viewer,
        declarationId,
        items: ['DECLARATION_CONTENTS'],
        viewedAt: at(20),
      }),
      // another viewer at the same time: a line of its own
      viewed({ personId: person.id, viewer: reviewerViewer(), declarationId, viewedAt: at(1) }),
    );
    const rows = await rowsOf(person.id);
    expect(rows.map((r) => [r.viewer_role, r.organisation_name, r.items, r.view_count])).toEqual([
      [
        'BUREAU_REVIEWER',
        '吉林省人力资源和社会保障厅',
        ['DECLARATION_CONTENTS', 'DECLARATION_FILES', 'REVIEW_CASE'],
        3,
      ],
      ['BUREAU_REVIEWER', '吉林省人力资源和社会保障厅', ['DECLARATION_CONTENTS'], 1],
      ['BUREAU_REVIEWER', '吉林省人力资源和社会保障厅', ['DECLARATION_CONTENTS'], 1],
    ]);
    expect(new Date(rows[0].last_viewed_at).toISOString()).toBe(at(1));
  });

  it('purges lines whose last read is older than the retention', async () => {
    const person = await seedPerson(t);
    const old = new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString();
    await deliver(
      viewed({ personId: person.id, viewer: agentViewer(), viewedAt: old }),
      viewed({ personId: person.id, viewer: agentViewer() }),
    );
    expect(await rowsOf(person.id)).toHaveLength(2);
    await t.withEm((em) => purgeExpiredAccessLog(em, 30));
    expect(await rowsOf(person.id)).toHaveLength(1);
  });
});

describe('myDataAccessLog', () => {
  it('lists the signed-in person’s lines newest first, a page at a time; nobody else’s', async () => {
    const person = await seedPerson(t);
    const other = await seedPerson(t);
    const base = Date.now() - 5 * 3600 * 1000;
    const hour = (h: number) => new Date(base + h * 3600 * 1000).toISOString();
    const declarationId = randomUUID();
    await deliver(
      viewed({ personId: person.id, viewer: agentViewer(), viewedAt: hour(0), declarationId }),
      viewed({
        personId: person.id,
        viewer: reviewerViewer(),
        viewedAt: hour(1),
        declarationId,
        items: ['REVIEW_CASE'],
      }),
      viewed({ personId: person.id, viewer: agentViewer(), viewedAt: hour(2), items: ['ID_NUMBER'] }),
      viewed({ personId: other.id, viewer: agentViewer(), viewedAt: hour(3) }),
    );
    const client = await clientAs(personPrincipal(person));
    const first = (await client.ok<LogJson>(LOG, { first: 2 })).myDataAccessLog;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        viewerRole: 'UNIT_AGENT',
        viewerRoleText: '单位经办人',
        organisationName: '长春市第一机械制造有限公司',
        items: ['ID_NUMBER'],
        itemsText: ['完整身份证号码'],
        declarationId: null,
        viewedAt: hour(2),
      }),
      expect.objectContaining({
        viewerRole: 'BUREAU_REVIEWER',
        viewerRoleText: '人社部门审核人员',
        organisationName: '吉林省人力资源和社会保障厅',
        itemsText: ['审核办件'],
        declarationId,
      }),
    ]);
    const second = (await client.ok<LogJson>(LOG, { first: 2, after: first.pageInfo.endCursor }))
      .myDataAccessLog;
    expect(second.edges.map((e) => e.node.viewedAt)).toEqual([hour(0)]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    // The other person's log holds only their own line, even when paging with this person's cursor.
    const otherClient = await clientAs(personPrincipal(other));
    const theirs = (await otherClient.ok<LogJson>(LOG, { after: first.edges[0].cursor })).myDataAccessLog;
    expect(theirs.edges.map((e) => e.node.viewedAt)).toEqual([]);
    expect((await otherClient.ok<LogJson>(LOG, {})).myDataAccessLog.totalCount).toBe(1);
  });

  it('refuses anyone but a signed-in person, bad arguments with their field, and is no field of Person', async () => {
    expectError(await t.client().request(LOG, {}), 'UNAUTHENTICATED');
    const agent = await clientAs({
      accountId: randomUUID(),
      kind: 'AGENT',
      roles: [Role.UNIT_AGENT],
      displayName: '林晓',
      unitId: unit.id,
    });
    expectError(await agent.request(LOG, {}), 'FORBIDDEN', /申报人本人/);
    const staff = await clientAs({
      accountId: randomUUID(),
      kind: 'STAFF',
      roles: [Role.BUREAU_REVIEWER],
      displayName: '王审核',
      organisationId: bureau.id,
    });
    expectError(await staff.request(LOG, {}), 'FORBIDDEN');

    const person = await seedPerson(t);
    const client = await clientAs(personPrincipal(person));
    const bad = expectError(await client.request(LOG, { first: 0, after: 'forged' }), 'BAD_USER_INPUT');
    expect((bad.extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual([
      'first',
      'after',
    ]);

    // The log is reachable only through myDataAccessLog: not through Person entities.
    const entities = await staff.request(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id dataAccessLog { totalCount } } } }`,
      { r: [{ __typename: 'Person', id: person.id }] },
    );
    expect(entities.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('Person.idNumber', () => {
  const ID_NUMBER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id idNumber idNumberMasked } } }`;
  const idNumberAs = async (principal: Principal, personId: string) =>
    (
      await (
        await clientAs(principal)
      ).ok<{ _entities: Array<{ idNumber: string | null }> }>(ID_NUMBER, {
        r: [{ __typename: 'Person', id: personId }],
      })
    )._entities[0].idNumber;
  const agentOf = (unitId: string): Principal => ({
    accountId: randomUUID(),
    kind: 'AGENT',
    roles: [Role.UNIT_AGENT],
    displayName: '林晓',
    unitId,
  });
  const viewsOf = async (personId: string) =>
    (
      await t.sql.query(
        `select payload from identity.outbox_event where type = 'PersonalDataViewed' and payload->>'personId' = $1 order by occurred_at`,
        [personId],
      )
    ).rows.map((r) => r.payload);

  it('is shown to the unit deciding the person’s binding request while it waits, and logged; to nobody else', async () => {
    const person = await seedPerson(t);
    const otherUnit = await seedUnit(t, makeCreditCode('91220101MA0AL0002'));
    const agent = agentOf(unit.id);
    expect(await idNumberAs(agent, person.id)).toBeNull();

    const bindingId = randomUUID();
    const binding = { bindingId, personId: person.id, unitId: unit.id };
    await deliver({
      id: randomUUID(),
      type: 'BindingRequested',
      source: 'binding',
      occurredAt: new Date().toISOString(),
      payload: { ...binding, requestedAt: new Date().toISOString() },
    });
    expect(await idNumberAs(agent, person.id)).toBe(person.idNumber);
    expect(
      await idNumberAs(
        { accountId: unit.id, kind: 'LEGAL_PERSON', roles: [Role.LEGAL_PERSON], displayName: unit.name },
        person.id,
      ),
    ).toBe(person.idNumber);
    expect(await idNumberAs(agentOf(otherUnit.id), person.id)).toBeNull();
    expect(
      await idNumberAs(
        {
          accountId: randomUUID(),
          kind: 'STAFF',
          roles: [Role.BUREAU_REVIEWER],
          displayName: 'x',
          organisationId: bureau.id,
        },
        person.id,
      ),
    ).toBeNull();
    // Recorded in the same request, before the answer left: one event per request.
    const views = await viewsOf(person.id);
    expect(views).toEqual([
      expect.objectContaining({
        items: ['ID_NUMBER'],
        declarationId: null,
        viewer: expect.objectContaining({ kind: 'AGENT', unitId: unit.id }),
      }),
      expect.objectContaining({
        items: ['ID_NUMBER'],
        viewer: expect.objectContaining({ kind: 'LEGAL_PERSON', unitId: unit.id }),
      }),
    ]);

    // The person reads their own number unlogged.
    expect(await idNumberAs(personPrincipal(person), person.id)).toBe(person.idNumber);
    expect(await viewsOf(person.id)).toHaveLength(2);

    // Decided: the unit no longer sees it.
    await deliver({
      id: randomUUID(),
      type: 'BindingRequestClosed',
      source: 'binding',
      occurredAt: new Date().toISOString(),
      payload: { ...binding, outcome: 'APPROVED', closedAt: new Date().toISOString() },
    });
    expect(await idNumberAs(agent, person.id)).toBeNull();

    // A read that cannot be recorded is not served (fail closed).
    await deliver({
      id: randomUUID(),
      type: 'BindingRequested',
      source: 'binding',
      occurredAt: new Date().toISOString(),
      payload: { ...binding, bindingId: randomUUID(), requestedAt: new Date().toISOString() },
    });
    await t.sql.query(
      `alter table identity.outbox_event add constraint test_no_views check (type <> 'PersonalDataViewed') not valid`,
    );
    try {
      const refused = await (
        await clientAs(agent)
      ).request(ID_NUMBER, {
        r: [{ __typename: 'Person', id: person.id }],
      });
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'ACCESS_LOG_UNAVAILABLE',
      });
      expect(JSON.stringify(refused)).not.toContain(person.idNumber);
    } finally {
      await t.sql.query('alter table identity.outbox_event drop constraint test_no_views');
    }
    await t.withEm((em) => em.nativeDelete(PendingBindingRequest, { personId: person.id }));

    // identity's own events reach its log like any other subgraph's.
    await t.server.relay.flush();
    await t.server.consumer.catchUp();
    const log = (await (await clientAs(personPrincipal(person))).ok<LogJson>(LOG, {})).myDataAccessLog;
    expect(log.edges.map((e) => [e.node.viewerRole, e.node.organisationName, e.node.itemsText])).toEqual([
      ['UNIT_LEGAL_PERSON', '长春市第一机械制造有限公司', ['完整身份证号码']],
      ['UNIT_AGENT', '长春市第一机械制造有限公司', ['完整身份证号码']],
    ]);
  });
});
