import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
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
import { NoticeResolver } from './resolvers/notice.resolver';
import { declarationView, noticeView } from './resolvers/views';

/**
 * Declaration and Notice are federation entities (other subgraphs, e.g. review, refer to them);
 * both resolve in batches and only for callers who may see them. Person and Unit are identity's,
 * extended with their declarations.
 */
export function buildDeclarationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<DeclarationContext>(
    {
      resolvers: [NoticeResolver, DeclarationResolver, AttachmentResolver, PersonResolver, UnitResolver],
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
