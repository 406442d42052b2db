import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { buildFederatedSchema } from '@zhicheng/server-kit';
import type { DeclarationContext } from './context';
import { declarationById, isUuid, noticeById } from './loaders';
import { canRead } from './services/access';
import { visibleNotice } from './services/notices';
import {
  AttachmentResolver,
  DeclarationResolver,
  PersonResolver,
  UnitResolver,
} from './resolvers/declaration.resolver';
import { BasicInfoNamesResolver, TalentBasicInfoNamesResolver } from './resolvers/module-names.resolver';
import { NoticeResolver } from './resolvers/notice.resolver';
import { declarationView, noticeView } from './resolvers/views';

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
 * Declaration and Notice are federation entities (other subgraphs, e.g. review, refer to them);
 * both resolve in batches and only for callers who may see them. Person and Unit are identity's,
 * extended with their declarations.
 */
export function buildDeclarationSchema(pubSub: PubSub = NO_LIVE): Promise<GraphQLSchema> {
  return buildFederatedSchema<DeclarationContext>(
    {
      resolvers: [
        NoticeResolver,
        DeclarationResolver,
        AttachmentResolver,
        PersonResolver,
        UnitResolver,
        BasicInfoNamesResolver,
        TalentBasicInfoNamesResolver,
      ],
      pubSub,
    },
    {
      Declaration: {
        __resolveReference: async (ref, ctx) => {
          if (!isUuid(ref.id)) return null;
          const declaration = await declarationById(ctx).load(ref.id);
          return declaration && canRead(ctx.auth.principal, declaration)
            ? declarationView(declaration)
            : null;
        },
      },
      Notice: {
        __resolveReference: async (ref, ctx) => {
          if (!isUuid(ref.id)) return null;
          const notice = visibleNotice(ctx.auth, await noticeById(ctx).load(ref.id));
          return notice && noticeView(notice);
        },
      },
      Person: { __resolveReference: (ref) => ({ id: ref.id }) },
      Unit: { __resolveReference: (ref) => ({ id: ref.id }) },
    },
  );
}
