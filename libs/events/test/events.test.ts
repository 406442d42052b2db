// The outbox → relay → transport → consumer path against real PostgreSQL: two ORMs in two
// schemas stand for two subgraphs sharing one database, as `npm start` runs them.
import 'reflect-metadata';
import pino from 'pino';
import { Pool } from 'pg';
import { createOrm, type MikroORM } from '@zhicheng/server-kit';
import { createTestDatabase, type TestDatabase } from '@zhicheng/testing';
import {
  createPostgresTransport,
  eventEntities,
  eventTablesSql,
  recordEvent,
  startEventConsumer,
  startEventWork,
  startOutboxRelay,
  type EventEnvelope,
  type EventTransport,
  type OutboxRelay,
  type Subscription,
} from '../src';

const logger = pino({ level: 'silent' });
let db: TestDatabase;
let producer: MikroORM;
let consumerOrm: MikroORM;
let transport: EventTransport;
let relay: OutboxRelay;
let pool: Pool;

async function ormFor(schema: string): Promise<MikroORM> {
  const orm = await createOrm({ databaseUrl: db.url, schema, entities: eventEntities, migrations: [] });
  for (const sql of eventTablesSql(schema)) await orm.em.getConnection().execute(sql);
  return orm;
}

beforeAll(async () => {
  db = await createTestDatabase('events');
  pool = new Pool({ connectionString: db.url });
  producer = await ormFor('producer');
  consumerOrm = await ormFor('consumer');
  transport = createPostgresTransport(db.url, logger, { pollMs: 60_000 });
  relay = startOutboxRelay({
    orm: producer,
    schema: 'producer',
    source: 'producer',
    transport,
    logger,
    pollMs: 60_000,
  });
});

afterAll(async () => {
  await relay.stop();
  await transport.close();
  await producer.close();
  await consumerOrm.close();
  await pool.end();
  await db.drop();
});

const unit = (n: number) => ({
  unitId: `00000000-0000-4000-8000-00000000000${n}`,
  creditCode: `CODE${n}`,
  name: `单位${n}`,
});

function collect(name: string, seen: EventEnvelope<'UnitReady'>[], fail?: () => boolean): Subscription {
  return startEventConsumer({
    orm: consumerOrm,
    name,
    transport,
    logger,
    handlers: {
      UnitReady: async (em, event) => {
        if (fail?.()) throw new Error('handler failed');
        seen.push(event);
        // The handler's writes share the inbox transaction: prove it by writing through em.
        await em.getConnection().execute('select 1');
      },
    },
  });
}

test('an event recorded with a committed change reaches a consumer once, with its payload', async () => {
  const em = producer.em.fork();
  recordEvent(em, 'UnitReady', unit(1));
  await em.flush();
  const seen: EventEnvelope<'UnitReady'>[] = [];
  const consumer = collect('first', seen);
  await relay.flush();
  await consumer.catchUp();
  expect(seen.map((e) => e.payload)).toEqual([unit(1)]);
  expect(seen[0].source).toBe('producer');

  // Redelivery (the position moved back, as after a crash before it was saved) changes nothing.
  await pool.query(`update eventbus.subscription set position = 0 where consumer = 'first'`);
  await consumer.catchUp();
  expect(seen).toHaveLength(1);
  await consumer.stop();
});

test('an event whose transaction rolls back is never published', async () => {
  await expect(
    producer.em.fork().transactional(async (em) => {
      recordEvent(em, 'UnitReady', unit(2));
      await em.flush();
      throw new Error('the state change failed');
    }),
  ).rejects.toThrow('the state change failed');
  await relay.flush();
  const { rows } = await pool.query(
    `select count(*)::int as n from eventbus.event where payload->>'unitId' = $1`,
    [unit(2).unitId],
  );
  expect(rows[0].n).toBe(0);
});

test('publishing the same event twice (relay crashed before marking it) stores it once', async () => {
  const em = producer.em.fork();
  const event = recordEvent(em, 'UnitReady', unit(3));
  await em.flush();
  const envelope: EventEnvelope = {
    id: event.id,
    type: 'UnitReady',
    source: 'producer',
    occurredAt: event.occurredAt.toISOString(),
    payload: unit(3),
  };
  await transport.publish([envelope]);
  await relay.flush();
  const { rows } = await pool.query(`select count(*)::int as n from eventbus.event where id = $1`, [
    event.id,
  ]);
  expect(rows[0].n).toBe(1);
  const { rows: outbox } = await pool.query(`select published_at from producer.outbox_event where id = $1`, [
    event.id,
  ]);
  expect(outbox[0].published_at).not.toBeNull();
});

test('a failing handler leaves its event unhandled and gets it again later', async () => {
  let failures = 1;
  const seen: EventEnvelope<'UnitReady'>[] = [];
  const consumer = collect('flaky', seen, () => failures-- > 0);
  await expect(consumer.catchUp()).rejects.toThrow('handler failed');
  const { rows } = await pool.query(
    `select count(*)::int as n from consumer.inbox_entry where consumer = 'flaky'`,
  );
  expect(rows[0].n).toBe(0);
  await consumer.catchUp();
  expect(seen.map((e) => e.payload.unitId)).toEqual([unit(1).unitId, unit(3).unitId]);
  await consumer.stop();
});

test('commit wakes relay and consumer through NOTIFY, without polling or explicit calls', async () => {
  const seen: EventEnvelope<'UnitReady'>[] = [];
  const consumer = collect('live', seen);
  await consumer.catchUp();
  const before = seen.length;
  const em = producer.em.fork();
  recordEvent(em, 'UnitReady', unit(4));
  await em.flush();
  const deadline = Date.now() + 10_000;
  while (seen.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(seen.at(-1)?.payload).toEqual(unit(4));
  await consumer.stop();
});

test('events from many concurrent transactions all arrive, in commit order per consumer', async () => {
  const seen: EventEnvelope<'UnitReady'>[] = [];
  const consumer = collect('bulk', seen);
  await consumer.catchUp();
  const start = seen.length;
  await Promise.all(
    Array.from({ length: 30 }, async (_, i) => {
      const em = producer.em.fork();
      recordEvent(em, 'UnitReady', {
        unitId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        creditCode: `B${i}`,
        name: `批量${i}`,
      });
      await em.flush();
    }),
  );
  await relay.flush();
  await consumer.catchUp();
  const ids = new Set(seen.slice(start).map((e) => e.payload.creditCode));
  expect(ids.size).toBe(30);
  await consumer.stop();
});

test('startEventWork relays its outbox, consumes, and on stop closes the transport it owns', async () => {
  const own = createPostgresTransport(db.url, logger, { pollMs: 60_000 });
  const close = jest.spyOn(own, 'close');
  const seen: EventEnvelope<'UnitReady'>[] = [];
  const work = startEventWork({
    orm: consumerOrm,
    schema: 'consumer',
    source: 'consumer',
    consumerName: 'work',
    handlers: { UnitReady: async (_em, event) => void seen.push(event) },
    transport: own,
    ownsTransport: true,
    logger,
  });
  const em = consumerOrm.em.fork();
  recordEvent(em, 'UnitReady', unit(5));
  await em.flush();
  await work.relay.flush();
  await work.consumer.catchUp();
  expect(seen.filter((e) => e.payload.unitId === unit(5).unitId).map((e) => e.source)).toEqual(['consumer']);
  await work.stop();
  expect(close).toHaveBeenCalledTimes(1);
});
