import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope, EventHandlers } from '@zhicheng/events';
import { webhookHandlers } from '../domain/webhooks';

type AnyHandler = (em: EntityManager, event: EventEnvelope) => Promise<void>;

/** Several handler maps as one: for a type both handle, each runs, in order, in the same transaction. */
export function mergeHandlers(...maps: EventHandlers[]): EventHandlers {
  const merged: Record<string, AnyHandler> = {};
  for (const map of maps)
    for (const [type, handler] of Object.entries(map) as Array<[string, AnyHandler]>) {
      const before = merged[type];
      merged[type] = before
        ? async (em, event) => {
            await before(em, event);
            await handler(em, event);
          }
        : handler;
    }
  return merged as EventHandlers;
}

/** Webhook deliveries are queued in the consumer's transaction, with its inbox row. */
export const webhookEventHandlers = webhookHandlers as unknown as EventHandlers;
