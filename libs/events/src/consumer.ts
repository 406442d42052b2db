import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { EventEnvelope, EventType } from './catalogue';
import { quoteIdent } from './entities';
import type { EventTransport, Subscription } from './transport';

export type EventHandlers = {
  [K in EventType]?: (em: EntityManager, event: EventEnvelope<K>) => Promise<void>;
};

export interface EventConsumerOptions {
  orm: MikroORM;
  /** Durable name: its position survives restarts; its inbox rows are keyed by it. */
  name: string;
  transport: EventTransport;
  logger: Logger;
  handlers: EventHandlers;
}

/**
 * Subscribes to the transport and runs a handler per event type. Each handler runs in one
 * transaction with the inbox row that marks its event handled, so an event delivered twice
 * (a relay retry, a crash before the position moved) changes nothing the second time.
 */
export function startEventConsumer(options: EventConsumerOptions): Subscription {
  const { orm, name, transport, logger, handlers } = options;
  const schema = String(orm.config.get('schema'));
  const inbox = `${quoteIdent(schema)}."inbox_entry"`;

  return transport.subscribe(name, async (event) => {
    const handler = handlers[event.type] as
      ((em: EntityManager, e: EventEnvelope) => Promise<void>) | undefined;
    if (!handler) return;
    await orm.em.fork().transactional(async (em) => {
      const inserted = await (em as unknown as { execute: ExecuteFn }).execute(
        `insert into ${inbox} (consumer, event_id, type, handled_at) values (?, ?, ?, now())
         on conflict do nothing returning event_id`,
        [name, event.id, event.type],
      );
      if (inserted.length === 0) return;
      await handler(em, event);
      logger.debug({ consumer: name, eventId: event.id, type: event.type }, 'event handled');
    });
  });
}

type ExecuteFn = (sql: string, params: unknown[]) => Promise<unknown[]>;
