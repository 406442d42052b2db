// publishLive → NOTIFY on commit → the process's one LISTEN connection → subscribers, against
// real PostgreSQL: committed notices arrive, rolled-back ones never do, ids filter, a lost LISTEN
// connection comes back with a resync, and unsubscribing removes the listener.
import 'reflect-metadata';
import pino from 'pino';
import { Client } from 'pg';
import { EntitySchema } from '@mikro-orm/core';
import { createOrm, type MikroORM } from '@zhicheng/server-kit';
import { createTestDatabase, type TestDatabase } from '@zhicheng/testing';
import {
  createLivePubSub,
  isResync,
  publishLive,
  type LiveMessage,
  type LivePayloads,
  type LivePubSub,
  type LiveTopic,
} from '../src';

const logger = pino({ level: 'silent' });
// MikroORM wants one entity; the tests only need its connection and transactions.
const Probe = new EntitySchema({ name: 'Probe', properties: { id: { type: 'number', primary: true } } });
let db: TestDatabase;
let orm: MikroORM;
let pubSub: LivePubSub;

beforeAll(async () => {
  db = await createTestDatabase('live');
  orm = await createOrm({ databaseUrl: db.url, schema: 'public', entities: [Probe], migrations: [] });
  pubSub = createLivePubSub(db.url, logger, { initialBackoffMs: 50, maxBackoffMs: 200 });
  await pubSub.ready();
});

afterAll(async () => {
  await pubSub.close();
  await orm.close();
  await db.drop();
});

const status = (declarationId: string, statusCode = 'RETURNED'): LivePayloads['DECLARATION_STATUS'] => ({
  declarationId,
  applicantId: 'p-1',
  status: statusCode,
  statusText: '被退回',
  at: new Date().toISOString(),
});

/** The next message within `ms`, or 'timeout'. Leaves the iterator usable. */
async function nextWithin<T extends LiveTopic>(
  iterator: AsyncIterator<LiveMessage<T>>,
  pending: { current?: Promise<IteratorResult<LiveMessage<T>>> },
  ms: number,
): Promise<LiveMessage<T> | 'timeout' | 'done'> {
  pending.current ??= iterator.next();
  let timeout: NodeJS.Timeout | undefined;
  const timer = new Promise<'timeout'>((resolve) => (timeout = setTimeout(() => resolve('timeout'), ms)));
  const result = await Promise.race([pending.current, timer]).finally(() => clearTimeout(timeout));
  if (result === 'timeout') return 'timeout';
  pending.current = undefined;
  return result.done ? 'done' : result.value;
}

async function publishCommitted<T extends LiveTopic>(topic: T, payload: LivePayloads[T]) {
  await orm.em.fork().transactional(async (em) => publishLive(em, topic, payload));
}

test('a notice published in a committed transaction reaches the subscriber within 2 s', async () => {
  const subscription = pubSub.subscribe('DECLARATION_STATUS', 'd-1');
  const pending = {};
  const started = Date.now();
  await publishCommitted('DECLARATION_STATUS', status('d-1'));
  const message = await nextWithin(subscription, pending, 2000);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(message).toMatchObject({ declarationId: 'd-1', status: 'RETURNED', statusText: '被退回' });
  await subscription.return?.();
});

test('a rolled-back transaction tells nobody; nor does one still open until it commits', async () => {
  const subscription = pubSub.subscribe('DECLARATION_STATUS', 'd-2');
  const pending = {};
  await expect(
    orm.em.fork().transactional(async (em) => {
      await publishLive(em, 'DECLARATION_STATUS', status('d-2', 'ROLLED_BACK'));
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  expect(await nextWithin(subscription, pending, 500)).toBe('timeout');

  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const open = orm.em.fork().transactional(async (em) => {
    await publishLive(em, 'DECLARATION_STATUS', status('d-2', 'COMMITTED'));
    await held;
  });
  expect(await nextWithin(subscription, pending, 300)).toBe('timeout');
  release();
  await open;
  expect(await nextWithin(subscription, pending, 2000)).toMatchObject({ status: 'COMMITTED' });
  await subscription.return?.();
});

test('subscribers hear only their topic and id; no id means every notice of the topic', async () => {
  const one = pubSub.subscribe('DECLARATION_STATUS', 'd-3');
  const all = pubSub.subscribe('DECLARATION_STATUS');
  const queue = pubSub.subscribe('REVIEW_QUEUE', 'org-1');
  const [p1, p2, p3] = [{}, {}, {}];
  await publishCommitted('DECLARATION_STATUS', status('d-other'));
  await publishCommitted('REVIEW_QUEUE', {
    organisationId: 'org-2',
    declarationId: 'd-3',
    change: 'ADDED',
    at: new Date().toISOString(),
  });
  await publishCommitted('DECLARATION_STATUS', status('d-3'));
  await publishCommitted('REVIEW_QUEUE', {
    organisationId: 'org-1',
    declarationId: 'd-3',
    change: 'ADDED',
    at: new Date().toISOString(),
  });

  expect(await nextWithin(one, p1, 2000)).toMatchObject({ declarationId: 'd-3' });
  expect(await nextWithin(one, p1, 300)).toBe('timeout');
  expect(await nextWithin(all, p2, 2000)).toMatchObject({ declarationId: 'd-other' });
  expect(await nextWithin(all, p2, 2000)).toMatchObject({ declarationId: 'd-3' });
  expect(await nextWithin(queue, p3, 2000)).toMatchObject({ organisationId: 'org-1', change: 'ADDED' });
  expect(await nextWithin(queue, p3, 300)).toBe('timeout');
  for (const it of [one, all, queue]) await it.return?.();
});

test('unsubscribing removes the listener at once, even while a next() is waiting', async () => {
  const before = pubSub.stats().subscribers;
  const subscriptions = Array.from({ length: 50 }, (_, i) =>
    pubSub.subscribe('DECLARATION_TIMELINE', `d-${i}`),
  );
  expect(pubSub.stats().byTopic.DECLARATION_TIMELINE).toBe(before + 50);
  const waiting = subscriptions.map((it) => it.next());
  for (const it of subscriptions) await it.return?.();
  await expect(Promise.all(waiting)).resolves.toEqual(waiting.map(() => ({ value: undefined, done: true })));
  expect(pubSub.stats().subscribers).toBe(before);
  // A for-await loop that breaks ends its subscription the same way.
  const looped = pubSub.subscribe('DECLARATION_TIMELINE', 'd-loop');
  setTimeout(
    () =>
      void publishCommitted('DECLARATION_TIMELINE', {
        declarationId: 'd-loop',
        applicantId: 'p-1',
        entryId: 'e-1',
        at: new Date().toISOString(),
      }),
    10,
  );
  for await (const message of looped) {
    expect(message).toMatchObject({ entryId: 'e-1' });
    break;
  }
  expect(pubSub.stats().subscribers).toBe(before);
});

test('a lost LISTEN connection comes back and every subscriber gets a resync, then notices again', async () => {
  const subscription = pubSub.subscribe('DECLARATION_STATUS', 'd-5');
  const pending = {};
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    const killed = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'zc-live' and datname = current_database()`,
    );
    expect(killed.rowCount).toBe(1);
    const resync = await nextWithin(subscription, pending, 5000);
    expect(isResync(resync)).toBe(true);
    expect(resync).toMatchObject({ resync: true, topic: 'DECLARATION_STATUS' });
    expect(pubSub.stats()).toMatchObject({ connected: true, reconnects: 1 });
    await publishCommitted('DECLARATION_STATUS', status('d-5', 'AFTER_RECONNECT'));
    expect(await nextWithin(subscription, pending, 2000)).toMatchObject({ status: 'AFTER_RECONNECT' });
  } finally {
    await admin.end();
    await subscription.return?.();
  }
});

test('refusals: outside a transaction, too large, unknown topic', async () => {
  await expect(publishLive(orm.em.fork(), 'DECLARATION_STATUS', status('d-6'))).rejects.toThrow(
    /inside the transaction/,
  );
  const big = { ...status('d-6'), statusText: '很'.repeat(3000) };
  await expect(
    orm.em.fork().transactional(async (em) => publishLive(em, 'DECLARATION_STATUS', big)),
  ).rejects.toThrow(/limit 7168/);
  await expect(
    orm.em.fork().transactional(async (em) => publishLive(em, 'NOPE' as LiveTopic, status('d-6'))),
  ).rejects.toThrow(/unknown live topic/);
  expect(() => pubSub.subscribe('NOPE' as LiveTopic)).toThrow(/unknown live topic/);
});

test('a slow subscriber past its queue limit gets one resync instead of the backlog', async () => {
  const small = createLivePubSub(db.url, logger, { maxQueue: 3 });
  await small.ready();
  try {
    const subscription = small.subscribe('DECLARATION_STATUS', 'd-7');
    for (let i = 0; i < 5; i += 1) await publishCommitted('DECLARATION_STATUS', status('d-7', `S${i}`));
    // Let the notices arrive while nobody reads.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pending = {};
    const first = await nextWithin(subscription, pending, 1000);
    expect(isResync(first)).toBe(true);
    expect(await nextWithin(subscription, pending, 1000)).toMatchObject({ status: 'S4' });
  } finally {
    await small.close();
  }
});

test('publish() outside a transaction (type-graphql @PubSub) sends at once; close() ends subscribers', async () => {
  const other = createLivePubSub(db.url, logger);
  await other.ready();
  const subscription = other.subscribe('REVIEW_QUEUE', 'org-9');
  const pending = {};
  await pubSub.publish('REVIEW_QUEUE', {
    organisationId: 'org-9',
    declarationId: 'd-9',
    change: 'REMOVED',
    at: new Date().toISOString(),
  });
  // Another "process" (its own LISTEN connection) hears it.
  expect(await nextWithin(subscription, pending, 2000)).toMatchObject({ change: 'REMOVED' });
  const waiting = subscription.next();
  await other.close();
  await expect(waiting).resolves.toEqual({ value: undefined, done: true });
  expect(other.stats()).toMatchObject({ connected: false, subscribers: 0 });
  const late = other.subscribe('REVIEW_QUEUE');
  await expect(late.next()).resolves.toEqual({ value: undefined, done: true });
});
