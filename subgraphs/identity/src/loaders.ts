import { byKeys } from '@zhicheng/server-kit';
import { Organisation, PendingBindingRequest, Person, Unit } from './entities';
import type { IdentityContext } from './context';

/** Per-request batch loaders: federation references and tree walks cost one query per type. */
export const personById = (ctx: IdentityContext) =>
  ctx.loaders.get<string, Person | null>('personById', async (ids) =>
    byKeys(ids, await ctx.em.find(Person, { id: { $in: [...ids] } }), (p) => p.id),
  );

export const unitById = (ctx: IdentityContext) =>
  ctx.loaders.get<string, Unit | null>('unitById', async (ids) =>
    byKeys(ids, await ctx.em.find(Unit, { id: { $in: [...ids] } }), (u) => u.id),
  );

export const unitByCreditCode = (ctx: IdentityContext) =>
  ctx.loaders.get<string, Unit | null>('unitByCreditCode', async (codes) =>
    byKeys(codes, await ctx.em.find(Unit, { creditCode: { $in: [...codes] } }), (u) => u.creditCode),
  );

export const organisationById = (ctx: IdentityContext) =>
  ctx.loaders.get<string, Organisation | null>('organisationById', async (ids) =>
    byKeys(ids, await ctx.em.find(Organisation, { id: { $in: [...ids] } }), (o) => o.id),
  );

export const organisationChildren = (ctx: IdentityContext) =>
  ctx.loaders.get<string, Organisation[]>('organisationChildren', async (parentIds) => {
    const rows = await ctx.em.find(
      Organisation,
      { parent: { $in: [...parentIds] } },
      { orderBy: { regionCode: 'asc', name: 'asc' } },
    );
    return parentIds.map((id) => rows.filter((row) => row.parent?.id === id));
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from outside are checked before they reach a uuid column (which would raise an error). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Whether `unitId` has a binding request of this person waiting (identity's read model). Batched. */
export const pendingBindingAt = (
  ctx: IdentityContext,
  unitId: string,
  personId: string,
): Promise<boolean> => {
  if (!isUuid(personId)) return Promise.resolve(false);
  const loader = ctx.loaders.get<string, boolean>(`pendingBindingAt:${unitId}`, async (personIds) => {
    const rows = await ctx.em.find(PendingBindingRequest, { unitId, personId: { $in: [...personIds] } });
    return personIds.map((id) => rows.some((row) => row.personId === id));
  });
  return loader.load(personId);
};
