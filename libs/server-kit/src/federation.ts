import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { requirePrincipal, type AuthResult } from './auth';

type ReferenceResolver<C> = (reference: Record<string, unknown>, context: C) => unknown;
export type ReferenceResolvers<C> = Record<string, { __resolveReference: ReferenceResolver<C> }>;

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@interfaceObject", "@inaccessible"])`;

/**
 * type-graphql builds the schema from decorators; Apollo's buildSubgraphSchema then adds the
 * federation machinery (_entities, _service). type-graphql cannot do the second part itself,
 * hence the round trip through printed SDL, with each entity's __resolveReference merged in.
 */
export async function buildFederatedSchema<C>(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers<C> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  // buildSubgraphSchema's resolver map type is looser than what createResolversMap returns.
  const federated = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
  requireTokenForEntities(federated);
  return federated;
}

/**
 * `_entities` reads any entity by its key, bypassing the root fields' own checks: it answers only
 * a caller with a valid token, in every subgraph, before any `__resolveReference` runs (these
 * still decide per entity who may see it). The gateway forwards the caller's token on entity
 * fetches, so a signed-in caller's plans are unaffected.
 */
function requireTokenForEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field) return;
  const resolve: GraphQLFieldResolver<unknown, unknown> | undefined = field.resolve;
  if (!resolve) return;
  field.resolve = (source, args, context, info) => {
    requirePrincipal(
      (context as { auth?: AuthResult } | undefined)?.auth ?? { principal: null, failure: null },
    );
    return resolve(source, args, context, info);
  };
}

/** The subgraph SDL that is committed as schema.graphql and composed into the supergraph. */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
