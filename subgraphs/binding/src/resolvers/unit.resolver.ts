import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BindingContext } from '../context';
import { actsForUnit } from '../domain/bindings';
import { BindingStatus } from '../entities';
import { bindingsByUnit } from '../loaders';
import { BindingView, UnitRef } from './types';

/** A unit's requests are read by its legal person and agents only; others get an empty list. */
@Resolver(() => UnitRef)
export class UnitBindingResolver {
  @FieldResolver(() => [BindingView], {
    description: "Requests to bind to this unit, newest first (this unit's legal person and agents only)",
  })
  async bindingRequests(
    @Root() unit: UnitRef,
    @Arg('status', () => BindingStatus, { nullable: true }) status: BindingStatus | null,
    @Ctx() ctx: BindingContext,
  ): Promise<BindingView[]> {
    if (!actsForUnit(ctx.auth, unit.id)) return [];
    return (await bindingsByUnit(ctx, status).load(unit.id)).map(BindingView.of);
  }
}
