import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '@zhicheng/server-kit';
import { validateCreditCode } from '@zhicheng/domain-codes';
import type { IdentityContext } from '../context';
import { UnitNature } from '../entities';
import { updateUnitProfile } from '../domain/unit-profile';
import { organisationById, unitByCreditCode } from '../loaders';
import { OrganisationView, UnitView } from './types';

@InputType({ description: "A unit's 所属行政区划, 工作单位性质 and 行政主管部门 (seed 004)" })
export class UnitProfileInput {
  @Field({ description: 'GB/T 2260 code inside a bureau of the platform, e.g. 220104' }) regionCode!: string;
  @Field(() => UnitNature) nature!: UnitNature;
  @Field(() => ID, { nullable: true, description: 'A DEPARTMENT organisation; null: 无' })
  competentDepartmentId?: string | null;
}

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

  @FieldResolver(() => OrganisationView, { nullable: true, description: '行政主管部门; null: 无 or not set' })
  async competentDepartment(
    @Root() unit: UnitView,
    @Ctx() ctx: IdentityContext,
  ): Promise<OrganisationView | null> {
    if (!unit.competentDepartmentId) return null;
    const org = await organisationById(ctx).load(unit.competentDepartmentId);
    return org && OrganisationView.of(org);
  }

  @Mutation(() => UnitView, {
    description:
      "The legal person: the unit's region, nature and competent department (they route its declarations)",
  })
  async updateUnitProfile(
    @Arg('input') input: UnitProfileInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<UnitView> {
    return UnitView.of(await updateUnitProfile(ctx.em, ctx.auth, input));
  }
}
