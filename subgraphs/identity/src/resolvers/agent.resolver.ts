import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../context';
import { createAgent, listAgents, resetAgentPassword, setAgentEnabled, updateAgent } from '../domain/agents';
import { AgentView, CreateAgentInput, UpdateAgentInput } from './types';

@Resolver(() => AgentView)
export class AgentResolver {
  @Query(() => [AgentView], { description: "The signed-in legal person's unit agents" })
  async myAgents(@Ctx() ctx: IdentityContext): Promise<AgentView[]> {
    return (await listAgents(ctx.em, ctx.auth)).map(AgentView.of);
  }

  @Mutation(() => AgentView)
  async createAgent(@Arg('input') input: CreateAgentInput, @Ctx() ctx: IdentityContext): Promise<AgentView> {
    return AgentView.of(await createAgent(ctx.em, ctx.auth, input));
  }

  @Mutation(() => AgentView)
  async updateAgent(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateAgentInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<AgentView> {
    return AgentView.of(await updateAgent(ctx.em, ctx.auth, id, input));
  }

  @Mutation(() => AgentView, { description: 'Disabling also ends the agent’s current sign-ins' })
  async setAgentEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled') enabled: boolean,
    @Ctx() ctx: IdentityContext,
  ): Promise<AgentView> {
    return AgentView.of(await setAgentEnabled(ctx.em, ctx.auth, id, enabled));
  }

  @Mutation(() => AgentView)
  async resetAgentPassword(
    @Arg('id', () => ID) id: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<AgentView> {
    return AgentView.of(await resetAgentPassword(ctx.em, ctx.auth, id, newPassword));
  }
}
