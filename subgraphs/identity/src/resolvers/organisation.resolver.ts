import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { IdentityContext } from '../context';
import { Organisation } from '../entities';
import { organisationById, organisationChildren } from '../loaders';
import { OrganisationView } from './types';

@Resolver(() => OrganisationView)
export class OrganisationResolver {
  @Query(() => [OrganisationView], { description: 'Bureaus, departments and committees (public)' })
  async organisations(@Ctx() ctx: IdentityContext): Promise<OrganisationView[]> {
    const rows = await ctx.em.find(
      Organisation,
      {},
      { orderBy: { regionCode: 'asc', kind: 'asc', name: 'asc' } },
    );
    return rows.map(OrganisationView.of);
  }

  @FieldResolver(() => OrganisationView, { nullable: true })
  async parent(
    @Root() organisation: OrganisationView,
    @Ctx() ctx: IdentityContext,
  ): Promise<OrganisationView | null> {
    if (!organisation.parentId) return null;
    const parent = await organisationById(ctx).load(organisation.parentId);
    return parent && OrganisationView.of(parent);
  }

  @FieldResolver(() => [OrganisationView])
  async children(
    @Root() organisation: OrganisationView,
    @Ctx() ctx: IdentityContext,
  ): Promise<OrganisationView[]> {
    return (await organisationChildren(ctx).load(organisation.id)).map(OrganisationView.of);
  }
}
