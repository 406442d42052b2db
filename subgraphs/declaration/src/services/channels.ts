import type { EntityManager } from '@zhicheng/server-kit';
import { CHANNELS } from '../domain';
import { Channel } from '../entities';

/**
 * Brings the channel rows in step with the domain's channel data (an upsert per channel, never a
 * delete: notices keep referring to retired channels). Idempotent; runs at every start and in
 * the seed, so configuration changes ship with the code that understands them.
 */
export async function syncChannels(em: EntityManager): Promise<void> {
  const rows = CHANNELS.map((config, index) => ({
    code: config.code,
    name: config.name,
    groupCode: config.group,
    groupName: config.groupName,
    sortOrder: index,
    // A copy: the domain's data is frozen, and the ORM rewrites what it is given.
    config: structuredClone(config),
    updatedAt: new Date(),
  }));
  await em.upsertMany(Channel, rows, { onConflictFields: ['code'], onConflictAction: 'merge' });
}
