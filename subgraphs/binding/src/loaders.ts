import { byKeys } from '@zhicheng/server-kit';
import type { BindingContext } from './context';
import { bindingsByIds, bindingsOfPersons, bindingsOfUnits, openBindingsOfPersons } from './domain/bindings';
import type { Binding, BindingStatus } from './entities';

/** Per-request batch loaders: N references or N parents cost one query, not N. */
export const bindingById = (ctx: BindingContext) =>
  ctx.loaders.get<string, Binding | null>('bindingById', async (ids) =>
    byKeys(ids, await bindingsByIds(ctx.em, ids), (b) => b.id),
  );

const groupBy = <K>(keys: readonly K[], rows: Binding[], keyOf: (row: Binding) => K) =>
  keys.map((key) => rows.filter((row) => keyOf(row) === key));

export const bindingsByPerson = (ctx: BindingContext) =>
  ctx.loaders.get<string, Binding[]>('bindingsByPerson', async (personIds) =>
    groupBy(personIds, await bindingsOfPersons(ctx.em, personIds), (b) => b.personId),
  );

export const openBindingByPerson = (ctx: BindingContext) =>
  ctx.loaders.get<string, Binding | null>('openBindingByPerson', async (personIds) =>
    byKeys(personIds, await openBindingsOfPersons(ctx.em, personIds), (b) => b.personId),
  );

/** One loader per status filter, each batching over units. */
export const bindingsByUnit = (ctx: BindingContext, status?: BindingStatus | null) =>
  ctx.loaders.get<string, Binding[]>(`bindingsByUnit:${status ?? '*'}`, async (unitIds) =>
    groupBy(unitIds, await bindingsOfUnits(ctx.em, unitIds, status), (b) => b.unitId),
  );
