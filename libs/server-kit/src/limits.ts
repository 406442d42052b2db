import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { z } from 'zod';
import { ErrorCode } from './errors';

/**
 * The query limits of the public API, one definition for the gateway and every subgraph
 * (subgraphs are reachable without the gateway, so they enforce them too).
 */
export interface QueryLimitSettings {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimitSettings = {
  maxDepth: 12,
  maxCost: 5000,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 5000,
};

/** The environment variables that tune the limits (every process reads them alike). */
export const queryLimitsEnv = {
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).default(DEFAULT_QUERY_LIMITS.maxDepth),
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(DEFAULT_QUERY_LIMITS.maxCost),
  MAX_ALIASES: z.coerce.number().int().min(1).default(DEFAULT_QUERY_LIMITS.maxAliases),
};

export const queryLimitSettingsOf = (env: {
  MAX_QUERY_DEPTH: number;
  MAX_QUERY_COST: number;
  MAX_ALIASES: number;
}): QueryLimitSettings => ({
  ...DEFAULT_QUERY_LIMITS,
  maxDepth: env.MAX_QUERY_DEPTH,
  maxCost: env.MAX_QUERY_COST,
  maxAliases: env.MAX_ALIASES,
});

/**
 * What a subgraph allows so that the gateway's own fetches for a query within the limits pass:
 * an entity fetch wraps the selection in `_entities(representations:) { ... on T }` (two levels
 * deeper, and armor's cost grows with depth) and adds `__typename` and key fields. A client
 * talking to a subgraph directly gains no more than this headroom.
 */
export const behindGateway = (limits: QueryLimitSettings): QueryLimitSettings => ({
  ...limits,
  maxDepth: limits.maxDepth + 2,
  maxCost: limits.maxCost * 3,
  maxTokens: limits.maxTokens * 2,
});

/** Which query limit a QUERY_TOO_COMPLEX answer hit (`extensions.limit`). */
export type QueryLimitName = 'depth' | 'cost' | 'aliases' | 'directives' | 'tokens';

export const QUERY_TOO_COMPLEX_MESSAGE = '查询过于复杂（嵌套过深或请求字段过多），请拆分后重试';

export interface QueryLimits {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<never>[];
  /** Give to ApolloServer's `parseOptions`: the token limit applies while parsing. */
  parseOptions: ParseOptions;
}

/**
 * Depth, cost, alias and directive limits from graphql-armor, answered with our stable code and a
 * Chinese message. The token limit is graphql-js's own parser option, not armor's plugin: that
 * plugin parses in `parsingDidStart` and throws, so any syntax error became an HTTP 500.
 */
export function queryLimits(limits: QueryLimitSettings = DEFAULT_QUERY_LIMITS): QueryLimits {
  // `limit` names the limit that was hit and `max` its value: stable fields a client can branch on
  // (the English `detail` is for the developer and may change with graphql-armor).
  const reject =
    (limit: QueryLimitName, max: number) => (ctx: ValidationContext | null, error: GraphQLError) => {
      ctx?.reportError(
        new GraphQLError(QUERY_TOO_COMPLEX_MESSAGE, {
          extensions: {
            code: ErrorCode.QUERY_TOO_COMPLEX,
            // A validation rule cannot choose its code (Apollo sets GRAPHQL_VALIDATION_FAILED):
            // the error formatter reads this.
            reason: ErrorCode.QUERY_TOO_COMPLEX,
            limit,
            max,
            detail: error.message,
          },
        }),
      );
    };
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [reject('depth', limits.maxDepth)],
      ignoreIntrospection: true,
    },
    costLimit: {
      maxCost: limits.maxCost,
      propagateOnRejection: false,
      onReject: [reject('cost', limits.maxCost)],
    },
    // Aliased `__typename` counts too (armor allows it by default): a thousand of them cost a
    // server as much as any other field.
    maxAliases: {
      n: limits.maxAliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [reject('aliases', limits.maxAliases)],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reject('directives', limits.maxDirectives)],
    },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { validationRules, plugins } = armor.protect();
  return {
    validationRules: validationRules as ValidationRule[],
    plugins: plugins as ApolloServerPlugin<never>[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
