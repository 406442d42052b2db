import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { EventEnvelope } from './catalogue';
import { SerialRunner } from './serial-runner';
import type { DeliveryHandler, EventTransport, Subscription } from './transport';
import { WakeListener } from './wake';

const EVENTS_CHANNEL = 'zc_events';
/** Serialises publishers so positions become visible in order and no reader skips a gap. */
const PUBLISH_LOCK = 4_206_001;
const BATCH = 200;

export interface PostgresTransportOptions {
  /** Fallback poll for notifications lost while a listener reconnects. */
  pollMs?: number;
}

/**
 * The default transport: a shared `eventbus` schema holding the event stream (an append-only
 * table ordered by position) and each subscriber's position. It belongs to no subgraph; it is the
 * "broker" living in the same PostgreSQL.
 */
export class PostgresEventTransport implements EventTransport {
  private readonly pool: Pool;
  private ready: Promise<void> | null = null;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    private readonly options: PostgresTransportOptions = {},
  ) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 4, application_name: 'zc-eventbus' });
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'eventbus pool connection lost'));
  }

  /** Creates the stream tables once per process; concurrent starters are serialised by a lock. */
  private ensureSchema(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query('begin');
        await client.query('select pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
        await client.query('create schema if not exists eventbus');
        await client.query(
          `create table if not exists eventbus.event (
             position bigserial primary key, id uuid not null unique, type text not null,
             source text not null, occurred_at timestamptz not null, payload jsonb not null,
             published_at timestamptz not null default now())`,
        );
        await client.query(
          `create table if not exists eventbus.subscription (
             consumer text primary key, position bigint not null default 0, updated_at timestamptz not null default now())`,
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        this.ready = null;
        throw error;
      } finally {
        client.release();
      }
    })();
    return this.ready;
  }

  async publish(events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    await this.ensureSchema();
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
      // A relay that crashed after publishing but before marking its outbox publishes again: the
      // unique id makes that a no-op.
      await client.query(
        `insert into eventbus.event (id, type, source, occurred_at, payload)
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])
         on conflict (id) do nothing`,
        [
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => e.source),
          events.map((e) => e.occurredAt),
          events.map((e) => JSON.stringify(e.payload)),
        ],
      );
      await client.query(`select pg_notify('${EVENTS_CHANNEL}', '')`);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  subscribe(consumer: string, handler: DeliveryHandler): Subscription {
    const runner = new SerialRunner(
      () => this.deliver(consumer, handler),
      (error) => this.logger.error({ err: error, consumer }, 'event delivery failed; will retry'),
    );
    const listener = new WakeListener(
      this.databaseUrl,
      EVENTS_CHANNEL,
      () => void runner.wake(),
      this.logger,
    );
    void listener.start();
    const poll = setInterval(() => void runner.wake(), this.options.pollMs ?? 2000);
    poll.unref();
    const subscription: Subscription = {
      catchUp: () => runner.runNow(),
      stop: async () => {
        clearInterval(poll);
        await listener.stop();
        await runner.stop();
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Hands every event after the consumer's position to the handler, advancing as it goes. */
  private async deliver(consumer: string, handler: DeliveryHandler): Promise<void> {
    await this.ensureSchema();
    await this.pool.query('insert into eventbus.subscription (consumer) values ($1) on conflict do nothing', [
      consumer,
    ]);
    for (;;) {
      const { rows: cursor } = await this.pool.query<{ position: string }>(
        'select position from eventbus.subscription where consumer = $1',
        [consumer],
      );
      const after = cursor[0]?.position ?? '0';
      const { rows } = await this.pool.query<{
        position: string;
        id: string;
        type: EventEnvelope['type'];
        source: string;
        occurred_at: Date;
        payload: EventEnvelope['payload'];
      }>(
        'select position, id, type, source, occurred_at, payload from eventbus.event where position > $1 order by position limit $2',
        [after, BATCH],
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        try {
          await handler({
            id: row.id,
            type: row.type,
            source: row.source,
            occurredAt: row.occurred_at.toISOString(),
            payload: row.payload,
          });
        } catch (error) {
          // Name the event so an operator can find it (docs/operations.md, stuck events).
          this.logger.error(
            { err: error, consumer, eventId: row.id, eventType: row.type, position: row.position },
            'event handler failed; the consumer retries this event before any later one',
          );
          throw error;
        }
        await this.pool.query(
          'update eventbus.subscription set position = $2, updated_at = now() where consumer = $1',
          [consumer, row.position],
        );
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.pool.end();
  }
}

export function createPostgresTransport(
  databaseUrl: string,
  logger: Logger,
  options?: PostgresTransportOptions,
): EventTransport {
  return new PostgresEventTransport(databaseUrl, logger, options);
}
