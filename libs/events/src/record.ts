import type { EntityManager } from '@mikro-orm/core';
import type { EventPayloads, EventType } from './catalogue';
import { OutboxEvent } from './entities';

/**
 * Adds an event to the unit of work. Nothing is written until the caller flushes, so the event
 * commits with the state change it describes, or not at all.
 */
export function recordEvent<K extends EventType>(
  em: EntityManager,
  type: K,
  payload: EventPayloads[K],
): OutboxEvent {
  const event = em.create(OutboxEvent, { type, payload });
  em.persist(event);
  return event;
}
