import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReviewContext } from '../context';
import { caseById, timelineByDeclaration } from '../loaders';
import { actorOf, maySeeCase } from '../services/access';
import {
  DeclarationRef,
  ProgressNodeView,
  progressOf,
  ReviewCaseView,
  ReviewTaskView,
  TimelineEntryView,
} from './types';

/**
 * What review adds to declaration's Declaration. Read by its applicant and by the organisations
 * that have had it; anyone else gets an empty timeline and no task (as if not yet submitted).
 */
@Resolver(() => DeclarationRef)
export class DeclarationReviewResolver {
  private async visibleCase(declaration: DeclarationRef, ctx: ReviewContext) {
    const row = await caseById(ctx).load(declaration.id);
    return row && maySeeCase(actorOf(ctx.auth.principal), row) ? row : null;
  }

  @FieldResolver(() => [TimelineEntryView], {
    description: '流程推送 / 进度跟踪: every review step, oldest first (the applicant and its reviewers)',
  })
  async timeline(
    @Root() declaration: DeclarationRef,
    @Ctx() ctx: ReviewContext,
  ): Promise<TimelineEntryView[]> {
    if (!(await this.visibleCase(declaration, ctx))) return [];
    return (await timelineByDeclaration(ctx).load(declaration.id)).map(TimelineEntryView.of);
  }

  @FieldResolver(() => ReviewTaskView, {
    nullable: true,
    description:
      'Where the declaration is being reviewed now (null: with the applicant, finished, or not submitted)',
  })
  async currentTask(
    @Root() declaration: DeclarationRef,
    @Ctx() ctx: ReviewContext,
  ): Promise<ReviewTaskView | null> {
    const row = await this.visibleCase(declaration, ctx);
    return row ? ReviewCaseView.of(row).currentTask : null;
  }

  @FieldResolver(() => [ProgressNodeView], {
    description: 'The route’s progress nodes (04 提交完成 / 进度跟踪)',
  })
  async reviewProgress(
    @Root() declaration: DeclarationRef,
    @Ctx() ctx: ReviewContext,
  ): Promise<ProgressNodeView[]> {
    const row = await this.visibleCase(declaration, ctx);
    return row ? progressOf(row) : [];
  }
}
