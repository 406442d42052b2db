import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requirePrincipal } from '@zhicheng/server-kit';
import { validateCreditCode } from '@zhicheng/domain-codes';
import type { IdentityContext } from '../context';
import { unitByCreditCode } from '../loaders';
import { UnitView } from './types';

@Resolver(() => UnitView)
export class UnitResolver {
  @Query(() => UnitView, {
    nullable: true,
    description: 'Finds a registered unit by its credit code (signed-in users)',
  })
  async unitByCreditCode(
    @Arg('creditCode') creditCode: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<UnitView | null> {
    requirePrincipal(ctx.auth);
    const checked = validateCreditCode(creditCode);
    if (!checked.ok) return null;
    const unit = await unitByCreditCode(ctx).load(checked.normalised);
    return unit && UnitView.of(unit);
  }
}
