import type { MikroORM } from '@mikro-orm/core';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { EventEnvelope, EventType } from './catalogue';
import { quoteIdent } from './entities';
import { SerialRunner } from './serial-runner';
import type { EventTransport } from './transport';
import { WakeListener } from './wake';

const BATCH = 100;

export interface OutboxRelayOptions {
  orm: MikroORM;
  /** The subgraph's PostgreSQL schema, where its outbox lives. */
  schema: string;
  /** Recorded on each event as its origin. */
  source: string;
  transport: EventTransport;
  logger: Logger;
  /** Fallback poll; the outbox trigger's NOTIFY normally wakes the relay at commit. */
  pollMs?: number;
}

export interface OutboxRelay {
  /** Publishes everything committed so far (tests await it before checking consumers). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Moves committed outbox rows to the transport. Rows are locked with SKIP LOCKED, so several
 * instances of a subgraph can relay side by side; a crash after publishing and before marking
 * republishes, which the transport and consumers deduplicate by event id.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { schema, source, transport, logger } = options;
  const table = `${quoteIdent(schema)}."outbox_event"`;
  const databaseUrl = String(options.orm.config.get('clientUrl'));
  const pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: `zc-relay-${schema}` });
  pool.on('error', (error) => logger.warn({ err: error }, 'outbox relay connection lost'));

  async function relayOnce(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{
        id: string;
        type: EventType;
        payload: unknown;
        occurred_at: Date;
      }>(
        `select id, type, payload, occurred_at from ${table}
         where published_at is null order by occurred_at, id limit $1 for update skip locked`,
        [BATCH],
      );
      if (rows.length > 0) {
        const events = rows.map((row): EventEnvelope => ({
          id: row.id,
          type: row.type,
          source,
          occurredAt: row.occurred_at.toISOString(),
          payload: row.payload as EventEnvelope['payload'],
        }));
        await transport.publish(events);
        await client.query(`update ${table} set published_at = now() where id = any($1::uuid[])`, [
          rows.map((r) => r.id),
        ]);
      }
      await client.query('commit');
      return rows.length;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const runner = new SerialRunner(
    async () => {
      while ((await relayOnce()) === BATCH);
    },
    (error) => logger.error({ err: error, schema }, 'outbox relay failed; will retry'),
  );
  const listener = new WakeListener(
    databaseUrl,
    'zc_outbox',
    (payload) => {
      if (payload === '' || payload === schema) void runner.wake();
    },
    logger,
  );
  void listener.start();
  const poll = setInterval(() => void runner.wake(), options.pollMs ?? 2000);
  poll.unref();

  return {
    flush: () => runner.runNow(),
    stop: async () => {
      clearInterval(poll);
      await listener.stop();
      await runner.stop();
      await pool.end();
    },
  };
}
