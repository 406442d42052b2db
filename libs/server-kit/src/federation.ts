import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

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
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}

/** The subgraph SDL that is committed as schema.graphql and composed into the supergraph. */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
