import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { isResync, type LiveMessage } from '@zhicheng/live';
import type { ReviewContext } from '../context';
import { assertMayFollowTimeline, queueOf, timelineChangeOf } from '../services/live';
import { QueueChangeEnum } from './enums';
import { QueueChangeView, TimelineChangeView, TimelineEntryView } from './types';

/** Subscriptions over graphql-ws on /graphql (the gateway forwards them; ARCHITECTURE §7). */
@Resolver()
export class LiveResolver {
  @Subscription(() => TimelineChangeView, {
    description:
      'A declaration’s timeline as it grows (each decision, forwarding, return, resubmission), sent after the change commits. ' +
      'For its applicant and the organisations that have had it (else NOT_FOUND, nothing streamed); after a reconnect, refetch.',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { id: string }, ReviewContext>) => {
      await assertMayFollowTimeline(context.em, context.auth, args.id);
      return context.deps.live.subscribe('DECLARATION_TIMELINE', args.id);
    },
  })
  async declarationTimelineChanged(
    @Arg('id', () => ID) id: string,
    @Root() message: LiveMessage<'DECLARATION_TIMELINE'>,
    @Ctx() ctx: ReviewContext,
  ): Promise<TimelineChangeView> {
    const change = await timelineChangeOf(ctx.em, id, message);
    return Object.assign(new TimelineChangeView(), {
      ...change,
      entry: change.entry && TimelineEntryView.of(change.entry),
    });
  }

  @Subscription(() => QueueChangeView, {
    description:
      'The caller’s organisation’s queue (unit accounts: their unit’s) as declarations arrive, move and leave. Reviewers only.',
    subscribe: ({ context }: SubscribeResolverData<unknown, Record<string, never>, ReviewContext>) =>
      context.deps.live.subscribe('REVIEW_QUEUE', queueOf(context.auth)),
  })
  reviewQueueChanged(
    @Root() message: LiveMessage<'REVIEW_QUEUE'>,
    @Ctx() ctx: ReviewContext,
  ): QueueChangeView {
    if (isResync(message))
      return Object.assign(new QueueChangeView(), {
        organisationId: queueOf(ctx.auth),
        declarationId: null,
        change: QueueChangeEnum.RESYNC,
        at: new Date(message.at),
      });
    return Object.assign(new QueueChangeView(), {
      organisationId: message.organisationId,
      declarationId: message.declarationId,
      change: message.change as QueueChangeEnum,
      at: new Date(message.at),
    });
  }
}
