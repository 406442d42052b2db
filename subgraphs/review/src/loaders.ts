import { byKeys } from '@zhicheng/server-kit';
import type { ReviewContext } from './context';
import { Batch, ModuleFlag, ReviewCase, TimelineEntryRow } from './entities';

/** Per-request batch loaders: N parents or N references cost one query per table, not N. */
export const caseById = (ctx: ReviewContext) =>
  ctx.loaders.get<string, ReviewCase | null>('caseById', async (ids) =>
    byKeys(ids, await ctx.em.find(ReviewCase, { declarationId: { $in: [...ids] } }), (c) => c.declarationId),
  );

/** Each declaration's timeline, oldest first. */
export const timelineByDeclaration = (ctx: ReviewContext) =>
  ctx.loaders.get<string, TimelineEntryRow[]>('timelineByDeclaration', async (ids) => {
    const rows = await ctx.em.find(
      TimelineEntryRow,
      { declarationId: { $in: [...ids] } },
      { orderBy: { declarationId: 'asc', sequence: 'asc' } },
    );
    return ids.map((id) => rows.filter((row) => row.declarationId === id));
  });

export const taskKey = (declarationId: string, taskSequence: number) => `${declarationId}#${taskSequence}`;

/** The 有误 marks of tasks, keyed by taskKey(declaration, sequence). */
export const flagsByTask = (ctx: ReviewContext) =>
  ctx.loaders.get<string, ModuleFlag[]>('flagsByTask', async (keys) => {
    const declarationIds = [...new Set(keys.map((k) => k.split('#')[0]))];
    const rows = await ctx.em.find(
      ModuleFlag,
      { declarationId: { $in: declarationIds } },
      { orderBy: { module: 'asc' } },
    );
    return keys.map((key) => rows.filter((row) => taskKey(row.declarationId, row.taskSequence) === key));
  });

export const batchById = (ctx: ReviewContext) =>
  ctx.loaders.get<string, Batch | null>('batchById', async (ids) =>
    byKeys(ids, await ctx.em.find(Batch, { id: { $in: [...ids] } }), (b) => b.id),
  );
