// Live notices (ARCHITECTURE §7). Every change publishes, inside its own transaction, what changed
// for the declaration's timeline and for the queues of the organisations it left or reached.
import type { EntityManager } from '@mikro-orm/core';

export interface LivePayloads {
  DECLARATION_TIMELINE: { declarationId: string; applicantId: string; entryId: string; at: string };
  REVIEW_QUEUE: {
    organisationId: string;
    declarationId: string;
    change: 'ADDED' | 'REMOVED' | 'UPDATED';
    at: string;
  };
}

export type LiveNotice = {
  [K in keyof LivePayloads]: { topic: K; payload: LivePayloads[K] };
}[keyof LivePayloads];

/** Sends the notices with the transaction `em` is in (delivered on commit only). */
export async function publishNotices(_em: EntityManager, _notices: readonly LiveNotice[]): Promise<void> {
  // libs/live is not there yet; see the README.
}
