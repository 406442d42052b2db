import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { BindingContext } from '../context';
import {
  bindingRequest,
  cancelBindingRequest,
  decideBinding,
  myBindings,
  myCurrentBinding,
  requestBinding,
  unbind,
  unitBindingRequests,
} from '../domain/bindings';
import { BindingStatus } from '../entities';
import { BindingView } from './types';

@Resolver(() => BindingView)
export class BindingResolver {
  @Query(() => [BindingView], { description: "The applicant's binding requests, newest first (history)" })
  async myBindings(@Ctx() ctx: BindingContext): Promise<BindingView[]> {
    return (await myBindings(ctx.em, ctx.auth)).map(BindingView.of);
  }

  @Query(() => BindingView, {
    nullable: true,
    description: "The applicant's open binding: the pending request or the bound unit (at most one)",
  })
  async myCurrentBinding(@Ctx() ctx: BindingContext): Promise<BindingView | null> {
    const binding = await myCurrentBinding(ctx.em, ctx.auth);
    return binding && BindingView.of(binding);
  }

  @Query(() => [BindingView], {
    description: "Requests to bind to the signed-in legal person's or agent's unit, newest first",
  })
  async unitBindingRequests(
    @Arg('status', () => BindingStatus, { nullable: true }) status: BindingStatus | null,
    @Ctx() ctx: BindingContext,
  ): Promise<BindingView[]> {
    return (await unitBindingRequests(ctx.em, ctx.auth, status)).map(BindingView.of);
  }

  @Query(() => BindingView, {
    description:
      "One binding request: the applicant's own, or one made to the signed-in legal person's or agent's unit (else NOT_FOUND). The unit opens it to decide; its person.idNumber is shown while it waits",
  })
  async bindingRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: BindingContext): Promise<BindingView> {
    return BindingView.of(await bindingRequest(ctx.em, ctx.auth, id));
  }

  @Mutation(() => BindingView, {
    description:
      'The applicant asks the unit (found by unitByCreditCode) to bind; refused while a request is pending or a unit is bound',
  })
  async requestBinding(
    @Arg('unitId', () => ID) unitId: string,
    @Ctx() ctx: BindingContext,
  ): Promise<BindingView> {
    return BindingView.of(await requestBinding(ctx.em, ctx.auth, unitId));
  }

  @Mutation(() => BindingView, {
    description: "The unit's legal person or an agent approves or refuses a pending request, with an opinion",
  })
  // type-graphql lists arguments in the reverse order of the parameters; this order prints the
  // contract's (id, approve, opinion).
  async decideBinding(
    @Ctx() ctx: BindingContext,
    @Arg('opinion', { description: '办件意见, required, at most 200 characters' }) opinion: string,
    @Arg('approve') approve: boolean,
    @Arg('id', () => ID) id: string,
  ): Promise<BindingView> {
    return BindingView.of(await decideBinding(ctx.em, ctx.auth, { id, approve, opinion }));
  }

  @Mutation(() => BindingView, {
    description: 'The applicant unbinds from the bound unit; needs no approval',
  })
  async unbind(@Ctx() ctx: BindingContext): Promise<BindingView> {
    return BindingView.of(await unbind(ctx.em, ctx.auth));
  }

  @Mutation(() => BindingView, {
    description: 'The applicant withdraws a request the unit has not decided yet',
  })
  async cancelBindingRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: BindingContext,
  ): Promise<BindingView> {
    return BindingView.of(await cancelBindingRequest(ctx.em, ctx.auth, id));
  }
}
