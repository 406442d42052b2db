import type { EntityManager } from '@mikro-orm/core';
import { encodeLive, LIVE_CHANNEL, type LivePayloads, type LiveTopic } from './topics';

/**
 * Tells live subscribers (in every process) that something changed. It runs `pg_notify` inside
 * the caller's transaction: PostgreSQL delivers the notice only when that transaction commits,
 * so nobody hears of a change that rolled back, and nobody hears of it before it is visible.
 *
 * Call it from inside `em.transactional(...)` (or a consumer handler, which runs in one); outside
 * a transaction it refuses, because there the notice would go out before the change is stored.
 * Payloads over 7 KB are refused: send ids and let clients refetch.
 */
export async function publishLive<T extends LiveTopic>(
  em: EntityManager,
  topic: T,
  payload: LivePayloads[T],
): Promise<void> {
  const text = encodeLive(topic, payload);
  if (!em.isInTransaction()) {
    throw new Error(
      'publishLive must run inside the transaction of the change (em.transactional), so the notice is sent on commit only',
    );
  }
  await em
    .getConnection()
    .execute(`select pg_notify('${LIVE_CHANNEL}', ?)`, [text], 'run', em.getTransactionContext());
}
