import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { allowedActions, type ReviewTask } from '../domain';
import type { ReviewContext } from '../context';
import { actorOf, maySeeCase } from '../services/access';
import { batchById, caseById, flagsByTask, taskKey, timelineByDeclaration } from '../loaders';
import {
  AllowedActionView,
  BatchView,
  ModuleFlagView,
  ReviewCaseView,
  ReviewTaskView,
  TimelineEntryView,
} from './types';
import { batchView } from './views';

/** The 有误 marks are the reviewers' working notes: shown to reviewers who may see the case. */
async function flagsFor(
  ctx: ReviewContext,
  declarationId: string,
  sequence: number,
): Promise<ModuleFlagView[]> {
  const actor = actorOf(ctx.auth.principal);
  if (actor?.kind !== 'REVIEWER') return [];
  const row = await caseById(ctx).load(declarationId);
  if (!row || !maySeeCase(actor, row)) return [];
  return (await flagsByTask(ctx).load(taskKey(declarationId, sequence))).map(ModuleFlagView.of);
}

@Resolver(() => ReviewCaseView)
export class ReviewCaseResolver {
  @FieldResolver(() => [TimelineEntryView], { description: '流程推送 / 进度跟踪, oldest first' })
  async timeline(@Root() view: ReviewCaseView, @Ctx() ctx: ReviewContext): Promise<TimelineEntryView[]> {
    return (await timelineByDeclaration(ctx).load(view.declarationId)).map(TimelineEntryView.of);
  }

  @FieldResolver(() => [AllowedActionView], { description: 'What the caller may do now' })
  allowedActions(@Root() view: ReviewCaseView, @Ctx() ctx: ReviewContext): AllowedActionView[] {
    const actor = actorOf(ctx.auth.principal);
    if (!actor || !view.row.state) return [];
    return allowedActions(view.row.state, actor).map(AllowedActionView.of);
  }

  @FieldResolver(() => [ModuleFlagView], {
    description: 'The 有误 marks on the current task (reviewers only; empty when none or no open task)',
  })
  async moduleFlags(@Root() view: ReviewCaseView, @Ctx() ctx: ReviewContext): Promise<ModuleFlagView[]> {
    const sequence = view.row.currentTaskSequence;
    return sequence ? flagsFor(ctx, view.declarationId, sequence) : [];
  }

  @FieldResolver(() => BatchView, {
    nullable: true,
    description: 'The unit’s latest 批量送审 batch this declaration went with (its 推荐报告/申报函)',
  })
  async batch(@Root() view: ReviewCaseView, @Ctx() ctx: ReviewContext): Promise<BatchView | null> {
    const forwarded = [...(view.row.state?.tasks ?? [])]
      .reverse()
      .find((t: ReviewTask) => t.forwarding !== null);
    if (!forwarded?.forwarding) return null;
    const batch = await batchById(ctx).load(forwarded.forwarding.batchId);
    return batch && batchView(batch, ctx);
  }
}

@Resolver(() => ReviewTaskView)
export class ReviewTaskResolver {
  @FieldResolver(() => [ModuleFlagView], { description: 'The 有误 marks on this task (reviewers only)' })
  moduleFlags(@Root() task: ReviewTaskView, @Ctx() ctx: ReviewContext): Promise<ModuleFlagView[]> {
    return flagsFor(ctx, task.declarationId, task.sequence);
  }
}

@Resolver(() => BatchView)
export class BatchResolver {
  @FieldResolver(() => [ReviewCaseView], { description: 'The batch’s declarations the caller may see' })
  async cases(@Root() batch: BatchView, @Ctx() ctx: ReviewContext): Promise<ReviewCaseView[]> {
    const actor = actorOf(ctx.auth.principal);
    const rows = await caseById(ctx).loadMany(batch.declarationIds);
    return rows.flatMap((row) =>
      row && !(row instanceof Error) && maySeeCase(actor, row) ? [ReviewCaseView.of(row)] : [],
    );
  }
}
