// Live status through the real gateway (ARCHITECTURE §7): graphql-ws on the gateway's /graphql,
// forwarded to the subgraph that owns the subscription, each event completed with fields another
// subgraph owns. Real PostgreSQL (NOTIFY on commit), real HTTP and WebSockets.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@zhicheng/testing';
import type { Principal, RunningServer } from '@zhicheng/server-kit';
import type { RunningGateway } from '../src';
import {
  changeStatus,
  Collected,
  DeclarationRowSchema,
  eventually,
  person,
  startIssuer,
  startLiveGateway,
  startNotesSubgraph,
  startStatusSubgraph,
  wsClient,
  writeSupergraph,
  type Issuer,
  type StatusSubgraph,
} from './live-support';

let db: TestDatabase;
let issuer: Issuer;
let status: StatusSubgraph;
let notes: RunningServer;
let gateway: RunningGateway;
let supergraphPath: string;
const clients: Array<{ dispose(): void | Promise<void> }> = [];

const zhang = person('张伟');
const li = person('李娜');

const SUBSCRIPTION = /* GraphQL */ `
  subscription Status($id: ID!) {
    testStatusChanged(id: $id) {
      status
      statusText
      resync
      declaration {
        id
        note
      }
    }
  }
`;

interface StatusData {
  testStatusChanged: {
    status: string;
    statusText: string;
    resync: boolean;
    declaration: { id: string; note: string | null };
  };
}

async function declarationOf(owner: Principal, statusCode = 'SUBMITTED'): Promise<string> {
  const id = randomUUID();
  const em = status.orm.em.fork();
  em.create(DeclarationRowSchema, { id, ownerId: owner.accountId, status: statusCode });
  await em.flush();
  return id;
}

async function clientFor(principal: Principal | null, url = gateway.url) {
  const client = wsClient(url, principal ? await issuer.token(principal) : undefined);
  clients.push(client);
  return client;
}

const subscribers = () => status.pubSub.stats().byTopic.DECLARATION_STATUS;

beforeAll(async () => {
  db = await createTestDatabase('gateway_live');
  issuer = await startIssuer();
  status = await startStatusSubgraph({ databaseUrl: db.url, verifier: issuer.verifier });
  notes = await startNotesSubgraph({ databaseUrl: db.url, verifier: issuer.verifier });
  supergraphPath = await writeSupergraph();
  gateway = await startLiveGateway({
    SUPERGRAPH_PATH: supergraphPath,
    IDENTITY_JWKS_URL: issuer.jwksUrl,
    SUBGRAPH_URLS: JSON.stringify({ status: status.url, notes: notes.url }),
  });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

afterAll(async () => {
  await gateway?.close();
  await status?.close();
  await notes?.close();
  await issuer?.close();
  await db?.drop();
});

test('a committed status change reaches the subscriber through the gateway within 2 s, completed by the other subgraph', async () => {
  const id = await declarationOf(zhang);
  const client = await clientFor(zhang);
  const sub = new Collected<StatusData>(client, SUBSCRIPTION, { id });
  await eventually(() => subscribers() === 1, 5000, 'the subgraph to hold the subscription');

  const started = Date.now();
  await changeStatus(status.orm, id, 'RETURNED');
  const [first] = await sub.waitFor(1, 2000);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(first).toEqual({
    data: {
      testStatusChanged: {
        status: 'RETURNED',
        statusText: '被退回',
        resync: false,
        // `note` is the notes subgraph's field: the gateway fetched it with 张伟's token.
        declaration: { id, note: `张伟的备注:${id}` },
      },
    },
  });
  sub.unsubscribe();
});

test('a rolled-back change tells nobody; the next committed one arrives', async () => {
  const id = await declarationOf(zhang);
  const sub = new Collected<StatusData>(await clientFor(zhang), SUBSCRIPTION, { id });
  await eventually(() => subscribers() === 1);

  await changeStatus(status.orm, id, 'FINALLY_APPROVED', { rollback: true });
  await sub.waitFor(1, 1000);
  expect(sub.results).toEqual([]);

  await changeStatus(status.orm, id, 'FINALLY_APPROVED');
  const results = await sub.waitFor(1, 2000);
  expect(results.map((r) => r.data?.testStatusChanged.status)).toEqual(['FINALLY_APPROVED']);
  sub.unsubscribe();
});

test('each subscriber hears only its own declaration', async () => {
  const mine = await declarationOf(zhang);
  const other = await declarationOf(zhang);
  const client = await clientFor(zhang);
  const subMine = new Collected<StatusData>(client, SUBSCRIPTION, { id: mine });
  const subOther = new Collected<StatusData>(client, SUBSCRIPTION, { id: other });
  await eventually(() => subscribers() === 2);

  await changeStatus(status.orm, other, 'RETURNED');
  await subOther.waitFor(1);
  await subMine.waitFor(1, 500);
  expect(subOther.results.map((r) => r.data?.testStatusChanged.declaration.id)).toEqual([other]);
  expect(subMine.results).toEqual([]);
  subMine.unsubscribe();
  subOther.unsubscribe();
});

describe('refusals', () => {
  test('no token: the subgraph refuses (UNAUTHENTICATED) and the gateway passes it through', async () => {
    const id = await declarationOf(zhang);
    const sub = new Collected<StatusData>(await clientFor(null), SUBSCRIPTION, { id });
    await sub.settled();
    expect(sub.completed).toBe(true);
    // As graphql-js answers a refused subscribe (errors, no data), unchanged by the gateway.
    expect(sub.results).toEqual([
      {
        errors: [expect.objectContaining({ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } })],
      },
    ]);
    expect(subscribers()).toBe(0);
  });

  test("someone else's declaration answers NOT_FOUND, and nothing of it is heard", async () => {
    const zhangs = await declarationOf(zhang);
    const sub = new Collected<StatusData>(await clientFor(li), SUBSCRIPTION, { id: zhangs });
    await sub.settled();
    expect(sub.results).toEqual([
      {
        errors: [
          expect.objectContaining({
            message: '申报不存在或您无权查看',
            extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
          }),
        ],
      },
    ]);
    await changeStatus(status.orm, zhangs, 'RETURNED');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sub.results).toHaveLength(1);
  });

  test('an invalid or forged token: the gateway closes the socket with 4401 and says why', async () => {
    for (const token of ['not-a-jwt', await issuer.forged(zhang)]) {
      const client = wsClient(gateway.url, token);
      clients.push(client);
      const sub = new Collected(client, SUBSCRIPTION, { id: randomUUID() });
      await sub.settled();
      expect(sub.error).toMatchObject({ code: 4401, reason: 'UNAUTHENTICATED: 登录凭证无效，请重新登录' });
    }
    const expired = wsClient(gateway.url, await issuer.token(zhang, -60));
    clients.push(expired);
    const sub = new Collected(expired, SUBSCRIPTION, { id: randomUUID() });
    await sub.settled();
    expect(sub.error).toMatchObject({ code: 4401, reason: 'UNAUTHENTICATED: 登录已过期，请重新登录' });
  });

  test('the subgraph checks the token itself too (4401 from its own /graphql socket)', async () => {
    const client = wsClient(status.url, undefined, { connectionParams: { authorization: 'Basic eDp5' } });
    clients.push(client);
    const sub = new Collected(client, SUBSCRIPTION, { id: randomUUID() });
    await sub.settled();
    expect(sub.error).toMatchObject({ code: 4401, reason: 'UNAUTHENTICATED: 登录凭证格式错误，请重新登录' });
  });

  test('unknown fields, queries over the socket and bad variables get the usual GraphQL errors', async () => {
    const client = await clientFor(zhang);
    const unknown = new Collected(client, 'subscription { testStatusChanged(id: "x") { status secret } }');
    const query = new Collected(client, 'query { testDeclaration(id: "x") { id } }');
    const badVariables = new Collected(client, SUBSCRIPTION, { id: { not: 'an id' } });
    await Promise.all([unknown.settled(), query.settled(), badVariables.settled()]);
    expect(unknown.error).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Cannot query field "secret" on type "TestStatusEvent".'),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    expect(query.error).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
    expect(badVariables.error).toEqual([
      expect.objectContaining({
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'id', code: 'INVALID_TYPE' })],
        },
      }),
    ]);
    expect(subscribers()).toBe(0);
  });

  test('the depth limit applies to subscriptions as to queries', async () => {
    const shallow = await startLiveGateway({
      SUPERGRAPH_PATH: supergraphPath,
      IDENTITY_JWKS_URL: issuer.jwksUrl,
      SUBGRAPH_URLS: JSON.stringify({ status: status.url, notes: notes.url }),
      MAX_QUERY_DEPTH: '2',
    });
    try {
      const client = await clientFor(zhang, shallow.url);
      const sub = new Collected(client, SUBSCRIPTION, { id: randomUUID() });
      await sub.settled();
      expect(sub.error).toEqual([
        expect.objectContaining({
          message: '查询过于复杂（嵌套过深或请求字段过多），请拆分后重试',
          extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }),
        }),
      ]);
      expect(subscribers()).toBe(0);
    } finally {
      await shallow.close();
    }
  });
});

test('unsubscribing or disconnecting frees every listener: subgraph pub/sub, gateway and upstream sockets', async () => {
  const ids = await Promise.all([1, 2, 3].map(() => declarationOf(zhang)));
  const client = await clientFor(zhang);
  const subs = ids.map((id) => new Collected<StatusData>(client, SUBSCRIPTION, { id }));
  await eventually(() => subscribers() === 3);
  expect(gateway.live.subscriptions()).toBe(3);
  expect(status.server.subscriptions?.connections()).toBe(1);

  subs[0].unsubscribe();
  await eventually(() => subscribers() === 2, 2000, 'one listener removed');
  expect(gateway.live.subscriptions()).toBe(2);

  // The browser goes away without saying goodbye to each subscription.
  await client.dispose();
  await eventually(() => subscribers() === 0, 2000, 'all listeners removed');
  expect(gateway.live.subscriptions()).toBe(0);
  expect(gateway.live.connections()).toBe(0);
  await eventually(() => status.server.subscriptions?.connections() === 0, 2000, 'upstream socket closed');
});

test('after the subgraph restarts on the same port the gateway re-subscribes and delivers again', async () => {
  const id = await declarationOf(zhang);
  const sub = new Collected<StatusData>(await clientFor(zhang), SUBSCRIPTION, { id });
  await eventually(() => subscribers() === 1);
  await changeStatus(status.orm, id, 'RETURNED');
  await sub.waitFor(1);

  const port = status.port;
  await status.close();
  // Down for a while: the gateway's reconnect attempts are refused and it keeps trying.
  await new Promise((resolve) => setTimeout(resolve, 800));
  expect(subscribers()).toBe(0);
  status = await startStatusSubgraph({ databaseUrl: db.url, verifier: issuer.verifier, port });
  await eventually(() => subscribers() === 1, 10_000, 'the gateway to re-subscribe upstream');

  await changeStatus(status.orm, id, 'FINALLY_APPROVED');
  const results = await sub.waitFor(2, 2000);
  // Nothing invented in between: the restart itself delivers nothing.
  expect(results.map((r) => r.data?.testStatusChanged.status)).toEqual(['RETURNED', 'FINALLY_APPROVED']);
  expect(results[1].data?.testStatusChanged).toMatchObject({ statusText: '终审通过', resync: false });
  expect(sub.error).toBeNull();
  sub.unsubscribe();
});

test('a lost LISTEN connection in the subgraph ends in a resync: the current state, read afresh', async () => {
  const id = await declarationOf(zhang, 'RETURNED');
  const sub = new Collected<StatusData>(await clientFor(zhang), SUBSCRIPTION, { id });
  await eventually(() => subscribers() === 1);
  const em = status.orm.em.fork();
  await em
    .getConnection()
    .execute(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'zc-live' and datname = current_database()`,
    );
  const [resync] = await sub.waitFor(1, 5000);
  expect(resync.data?.testStatusChanged).toMatchObject({
    status: 'RETURNED',
    statusText: '被退回',
    resync: true,
  });
  sub.unsubscribe();
});

test('a token that expired while the socket was open: after a subgraph restart the client is asked to reconnect with a fresh one, and hears again', async () => {
  const id = await declarationOf(zhang);
  const tokens = [await issuer.token(zhang, 2), await issuer.token(zhang, 600)];
  const closes: number[] = [];
  const client = wsClient(gateway.url, undefined, {
    connectionParams: () => ({ authorization: `Bearer ${tokens.shift() ?? ''}` }),
    retryAttempts: 3,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
  clients.push(client);
  const sub = new Collected<StatusData>(client, SUBSCRIPTION, { id });
  await eventually(() => subscribers() === 1);

  await new Promise((resolve) => setTimeout(resolve, 2500)); // the first token expires
  const port = status.port;
  await status.close();
  status = await startStatusSubgraph({ databaseUrl: db.url, verifier: issuer.verifier, port });
  // Upstream: the old token is refused (4401); downstream: 1013, the client reconnects with the new one.
  await eventually(() => closes.includes(1013), 10_000, 'the gateway to ask the client to reconnect');
  await eventually(() => subscribers() === 1, 10_000, 'the client to re-subscribe with its fresh token');

  await changeStatus(status.orm, id, 'RETURNED');
  const results = await sub.waitFor(1, 2000);
  expect(results.map((r) => r.data?.testStatusChanged.status)).toEqual(['RETURNED']);
  expect(sub.error).toBeNull();
  sub.unsubscribe();
});
