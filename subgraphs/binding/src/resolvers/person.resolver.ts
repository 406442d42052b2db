import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BindingContext } from '../context';
import { isPerson } from '../domain/bindings';
import { bindingsByPerson, openBindingByPerson } from '../loaders';
import { BindingView, PersonRef } from './types';

/** A person's bindings are theirs alone: anyone else reads null and an empty list. */
@Resolver(() => PersonRef)
export class PersonBindingResolver {
  @FieldResolver(() => BindingView, {
    nullable: true,
    description: 'The pending request or the bound unit (owner only, else null)',
  })
  async currentBinding(@Root() person: PersonRef, @Ctx() ctx: BindingContext): Promise<BindingView | null> {
    if (!isPerson(ctx.auth, person.id)) return null;
    const binding = await openBindingByPerson(ctx).load(person.id);
    return binding && BindingView.of(binding);
  }

  @FieldResolver(() => [BindingView], {
    description: 'Every binding request, newest first (owner only, else empty)',
  })
  async bindings(@Root() person: PersonRef, @Ctx() ctx: BindingContext): Promise<BindingView[]> {
    if (!isPerson(ctx.auth, person.id)) return [];
    return (await bindingsByPerson(ctx).load(person.id)).map(BindingView.of);
  }
}
