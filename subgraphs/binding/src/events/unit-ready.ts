import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope } from '@zhicheng/events';
import { BindableUnit } from '../entities';

/**
 * identity's UnitReady → the unit may be bound. An upsert, so a replayed or duplicated event (the
 * consumer's inbox already skips redeliveries) leaves one row; a later event refreshes the name.
 */
export async function onUnitReady(em: EntityManager, event: EventEnvelope<'UnitReady'>): Promise<void> {
  const { unitId, creditCode, name } = event.payload;
  await em.upsert(
    BindableUnit,
    { unitId, creditCode, name, readyAt: new Date(event.occurredAt), updatedAt: new Date() },
    { onConflictFields: ['unitId'], onConflictMergeFields: ['creditCode', 'name', 'updatedAt'] },
  );
}
