import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { buildOperationContext } from '@apollo/gateway';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ParseOptions,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { refusedText } from '@zhicheng/server-kit';

type OperationContext = ReturnType<typeof buildOperationContext>;

const PLAN_CACHE_SIZE = 500;

/** A subscription the gateway can serve: what to send upstream, and how to complete each event. */
export interface LivePlan {
  document: DocumentNode;
  operationName?: string;
  /** Coerced against the API schema. */
  variables: Record<string, unknown>;
  /** The owning subgraph of the root Subscription field and the operation it is sent. */
  primary: FetchNode;
  /** Fetches from other subgraphs that complete each event (absent: the owner answers it all). */
  rest?: PlanNode;
  operationContext: OperationContext;
}

export interface SubscriptionRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * The supergraph's view of subscriptions, built once per process from the same supergraph file
 * the HTTP gateway uses: the API schema validates, Apollo's query planner splits the operation
 * into the owner's subscription (the plan's primary fetch) and the entity fetches that complete
 * every event (its rest), as it does for the router.
 */
export class LivePlanner {
  readonly supergraph: Supergraph;
  readonly apiSchema: Schema;
  /** graphql-js form of the API schema: what clients validate against (same as HTTP). */
  readonly apiGraphQLSchema: GraphQLSchema;
  /** graphql-js form of the supergraph: executeQueryPlan shapes results with it. */
  readonly supergraphGraphQLSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly cache = new Map<string, Omit<LivePlan, 'variables'>>();

  constructor(
    supergraphSdl: string,
    private readonly extraRules: readonly ValidationRule[] = [],
    /** The parser's token limit, as for queries over HTTP. */
    private readonly parseOptions: ParseOptions = {},
  ) {
    this.supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = this.supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphGraphQLSchema = this.supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(this.supergraph);
  }

  /** Subgraphs that own at least one root Subscription field. */
  subscriptionOwners(): string[] {
    return this.supergraph
      .subgraphs()
      .values()
      .filter((subgraph) => subgraph.schema.schemaDefinition.root('subscription'))
      .map((subgraph) => subgraph.name);
  }

  /**
   * Validates and plans; GraphQL errors (as HTTP would answer them) when it cannot be served.
   * Browsers send the same few documents over and over, so validated documents and their plans
   * are kept (by text and operation name); only the variables are coerced per subscription.
   */
  plan(request: SubscriptionRequest): LivePlan | { errors: GraphQLError[] } {
    const key = `${request.operationName ?? ''}\u0000${request.query}`;
    let prepared = this.cache.get(key);
    if (!prepared) {
      const fresh = this.prepare(request);
      if ('errors' in fresh) return fresh;
      if (this.cache.size >= PLAN_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, fresh);
      prepared = fresh;
    }
    // Text with control characters or broken Unicode never reaches a subgraph (as over HTTP).
    const refused = refusedText(prepared.document, request.variables, false);
    if (refused) return { errors: [refused] };
    const operation = getOperationAST(prepared.document, prepared.operationName)!;
    const coerced = getVariableValues(
      this.apiGraphQLSchema,
      operation.variableDefinitions ?? [],
      request.variables ?? {},
    );
    if (coerced.errors) {
      return { errors: coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT')) };
    }
    return { ...prepared, variables: coerced.coerced };
  }

  private prepare(request: SubscriptionRequest): Omit<LivePlan, 'variables'> | { errors: GraphQLError[] } {
    let document: DocumentNode;
    try {
      document = parse(request.query, this.parseOptions);
    } catch (error) {
      if (error instanceof GraphQLError) {
        return { errors: [withCode(error, 'GRAPHQL_PARSE_FAILED')] };
      }
      throw error;
    }
    const validationErrors = validate(this.apiGraphQLSchema, document, [
      ...specifiedRules,
      ...this.extraRules,
    ]);
    if (validationErrors.length > 0) {
      return { errors: validationErrors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) };
    }
    const operationName = request.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return {
        errors: [
          new GraphQLError('请求中没有可执行的操作（有多个操作时请给出 operationName）', {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
          }),
        ],
      };
    }
    if (operation.operation !== 'subscription') {
      return {
        errors: [
          new GraphQLError('WebSocket 仅用于订阅；查询和变更请用 HTTP POST /graphql', {
            extensions: { code: 'BAD_REQUEST' },
          }),
        ],
      };
    }
    const queryPlan = this.planner.buildQueryPlan(
      operationFromDocument(this.apiSchema, document, { operationName }),
    );
    const node = queryPlan.node;
    if (!node || node.kind !== 'Subscription') {
      throw new Error(`expected a subscription plan, got ${node?.kind ?? 'nothing'}`);
    }
    return {
      document,
      operationName,
      primary: node.primary,
      rest: node.rest,
      operationContext: buildOperationContext({
        schema: this.apiGraphQLSchema,
        operationDocument: document,
        operationName,
      }),
    };
  }
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (typeof error.extensions?.code === 'string') return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}
