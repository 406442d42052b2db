// Live notices (ARCHITECTURE §7). Every change publishes, inside its own transaction, what changed
// for the declaration's timeline and for the queues of the organisations it left or reached:
// publishLive is a pg_notify, delivered on commit only, so nobody hears of a change that rolled
// back. The notices are small (ids); subscribers refetch what they show.
import type { EntityManager } from '@mikro-orm/core';
import { publishLive, type LivePayloads } from '@zhicheng/live';

export type ReviewLiveTopic = 'DECLARATION_TIMELINE' | 'REVIEW_QUEUE';

export type LiveNotice = {
  [K in ReviewLiveTopic]: { topic: K; payload: LivePayloads[K] };
}[ReviewLiveTopic];

/** Sends the notices with the transaction `em` is in (delivered on commit only). */
export async function publishNotices(em: EntityManager, notices: readonly LiveNotice[]): Promise<void> {
  for (const notice of notices) await publishLive(em, notice.topic, notice.payload);
}
