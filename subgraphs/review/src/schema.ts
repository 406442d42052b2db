import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { buildFederatedSchema } from '@zhicheng/server-kit';
import type { ReviewContext } from './context';
import { BatchResolver, ReviewCaseResolver, ReviewTaskResolver } from './resolvers/case.resolver';
import { DeclarationReviewResolver } from './resolvers/declaration.resolver';
import { LiveResolver } from './resolvers/live.resolver';
import { ReviewResolver } from './resolvers/review.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { DeclarationRef, NoticeRef, PersonRef, UnitRef } from './resolvers/types';
import { isUuid } from './services/ids';

/**
 * Building the schema needs a pub/sub (type-graphql checks for one when there are subscriptions);
 * the running service passes the live one. This stand-in serves SDL emission and schema tests.
 */
const NO_LIVE: PubSub = {
  publish: () => {
    throw new Error('live updates are not configured');
  },
  subscribe: () => {
    throw new Error('live updates are not configured');
  },
};

/**
 * Review owns no federation entity of its own: it extends declaration's Declaration (timeline,
 * current task, progress) and refers to identity's Person and Unit and declaration's Notice by id.
 * Their references carry everything review needs (the id), so they resolve without a query; the
 * fields review adds batch through loaders.
 */
export function buildReviewSchema(pubSub: PubSub = NO_LIVE): Promise<GraphQLSchema> {
  return buildFederatedSchema<ReviewContext>(
    {
      resolvers: [
        ReviewResolver,
        ReviewCaseResolver,
        ReviewTaskResolver,
        BatchResolver,
        DeclarationReviewResolver,
        LiveResolver,
        StatisticsResolver,
      ],
      orphanedTypes: [PersonRef, UnitRef, NoticeRef, DeclarationRef],
      pubSub,
    },
    {
      Declaration: { __resolveReference: (ref) => (isUuid(ref.id) ? DeclarationRef.of(ref.id) : null) },
      Person: { __resolveReference: (ref) => (isUuid(ref.id) ? PersonRef.of(ref.id) : null) },
      Unit: { __resolveReference: (ref) => (isUuid(ref.id) ? UnitRef.of(ref.id) : null) },
      Notice: { __resolveReference: (ref) => (isUuid(ref.id) ? NoticeRef.of(ref.id) : null) },
    },
  );
}
