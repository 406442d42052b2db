import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { startEventConsumer, type EventHandlers } from './consumer';
import { startOutboxRelay, type OutboxRelay } from './relay';
import type { EventTransport, Subscription } from './transport';

export interface EventWorkOptions {
  orm: MikroORM;
  /** The subgraph's PostgreSQL schema (its outbox and inbox). */
  schema: string;
  /** Recorded on each relayed event as its origin. */
  source: string;
  /** The consumer's durable name and what it does per event type. */
  consumerName: string;
  handlers: EventHandlers;
  transport: EventTransport;
  /** Whether stop() closes the transport: false when the caller passed one in and closes it. */
  ownsTransport: boolean;
  logger: Logger;
}

export interface EventWork {
  relay: OutboxRelay;
  consumer: Subscription;
  /** Stops the consumer, then the relay, then (when owned) the transport. */
  stop(): Promise<void>;
}

/** A subgraph's event work: the relay of its outbox and the consumer of other subgraphs' events. */
export function startEventWork(options: EventWorkOptions): EventWork {
  const { orm, schema, source, consumerName, handlers, transport, ownsTransport, logger } = options;
  const relay = startOutboxRelay({ orm, schema, source, transport, logger });
  const consumer = startEventConsumer({ orm, name: consumerName, transport, logger, handlers });
  return {
    relay,
    consumer,
    async stop() {
      // Stop taking work first, then let the relay finish what it holds; the transport goes last.
      await consumer.stop();
      await relay.stop();
      if (ownsTransport) await transport.close();
    },
  };
}
