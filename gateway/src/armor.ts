import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import { ErrorCode } from '@zhicheng/server-kit';
import type { GatewayEnv } from './env';

/**
 * Depth, cost and alias limits from graphql-armor, answered with our stable code and a
 * Chinese message instead of armor's own wording.
 */
export function queryLimits(env: GatewayEnv) {
  const reject = (ctx: ValidationContext | null, error: GraphQLError) => {
    ctx?.reportError(
      new GraphQLError('查询过于复杂（嵌套过深或请求字段过多），请拆分后重试', {
        extensions: {
          code: ErrorCode.QUERY_TOO_COMPLEX,
          reason: ErrorCode.QUERY_TOO_COMPLEX,
          detail: error.message,
        },
      }),
    );
  };
  const armor = new ApolloArmor({
    maxDepth: {
      n: env.MAX_QUERY_DEPTH,
      propagateOnRejection: false,
      onReject: [reject],
      ignoreIntrospection: true,
    },
    costLimit: { maxCost: env.MAX_QUERY_COST, propagateOnRejection: false, onReject: [reject] },
    maxAliases: { n: env.MAX_ALIASES, propagateOnRejection: false, onReject: [reject] },
    maxDirectives: { n: 50, propagateOnRejection: false, onReject: [reject] },
    maxTokens: { n: 5000, propagateOnRejection: false, onReject: [reject] },
    blockFieldSuggestion: { enabled: true },
  });
  return armor.protect();
}
