import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request } from 'express';
import { executeQueryPlan, type ServiceMap } from '@apollo/gateway';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import {
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import {
  authorizationOf,
  closeReason,
  closeWhenTokenEnds,
  createErrorFormatter,
  ErrorCode,
  requestIdOf,
  WS_UNAUTHORIZED,
  type AuthResult,
  type Logger,
  type TokenVerifier,
} from '@zhicheng/server-kit';
import type { GatewayContext } from '../context';
import type { TrustedDocuments } from '../persisted';
import type { LivePlan, LivePlanner } from './plan';
import { PushQueue } from './queue';
import { isCloseEvent, type UpstreamPool } from './upstream';

/** The primary fetch of a plan, answered by the event that arrived instead of by a request. */
const EVENT_SOURCE = '__live_event__';

export interface LiveGatewayOptions {
  httpServer: http.Server;
  path: string;
  planner: LivePlanner;
  upstream: UpstreamPool;
  /** Data sources for the fetches that complete an event (the same forwarding as HTTP). */
  serviceMap: ServiceMap;
  verifier: TokenVerifier;
  /** The front ends' persisted documents: subscriptions may name one by hash (and must, where set). */
  documents?: TrustedDocuments;
  logger: Logger;
  production?: boolean;
}

export interface LiveGateway {
  connections(): number;
  /** Subscriptions currently forwarded. */
  subscriptions(): number;
  close(): Promise<void>;
}

type SocketExtra = {
  auth?: AuthResult;
  authorization?: string;
  requestId?: string;
};

interface LiveOperation {
  plan: LivePlan;
  authorization: string | undefined;
  requestId: string;
  logger: Logger;
  context: GatewayContext;
  /** Closes the client's socket (every subscription on it shares its token). */
  closeClient: (code: number, reason: string) => void;
}

/**
 * Sent to a client whose token expired while its socket was open, when an upstream socket had to
 * be re-established (a subgraph restarted) and the subgraph refused the old token. 1013 "try again
 * later" is one graphql-ws clients retry: the web kit reconnects with a refreshed token,
 * re-subscribes and refetches. (4401 would stop it for good.)
 */
export const WS_RECONNECT_WITH_FRESH_TOKEN = 1013;

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * graphql-ws on the gateway's own /graphql (ARCHITECTURE §7). Each subscription is validated
 * against the API schema with the HTTP path's limits, planned by Apollo's query planner, sent to
 * the subgraph that owns its root field over a pooled upstream socket (with the client's token and
 * a request id), and every event is completed through the gateway's own query-plan execution:
 * fields other subgraphs own are fetched as they would be for a query, and the result is shaped
 * to exactly what the client selected. Upstream refusals and completions travel back unchanged.
 */
export function serveLiveGateway(options: LiveGatewayOptions): LiveGateway {
  const { planner, upstream, logger, verifier } = options;
  const formatError = createErrorFormatter(logger);
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  let active = 0;

  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== options.path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const forward = (operation: LiveOperation): AsyncIterableIterator<ExecutionResult> => {
    const { plan } = operation;
    const queue = new PushQueue<ExecutionResult>();
    const { client, release } = upstream.acquire(plan.primary.serviceName, operation.authorization);
    active += 1;
    let chain = Promise.resolve();
    const enqueue = (step: () => Promise<void> | void) => {
      chain = chain.then(step).catch((error: unknown) => {
        operation.logger.error({ err: error }, 'live event could not be completed');
        queue.push({ errors: [new GraphQLError('服务器内部错误，请稍后重试')] });
      });
    };
    const unsubscribe = client.subscribe<Record<string, unknown>, Record<string, unknown>>(
      {
        query: plan.primary.operation,
        operationName: plan.primary.operationName,
        variables: pick(plan.variables, plan.primary.variableUsages),
        extensions: { requestId: operation.requestId },
      },
      {
        next: (result) => enqueue(async () => queue.push(await completeEvent(operation, result))),
        error: (error) =>
          enqueue(async () => {
            if (isCloseEvent(error) && error.code === 4401) {
              // Valid when the socket opened, refused now: it has most likely expired since.
              const now = await verifier.verifyHeader(operation.authorization);
              if (now.failure?.reason === 'revoked') {
                operation.closeClient(WS_UNAUTHORIZED, closeReason(now.failure.code, now.failure.message));
                queue.end();
                return;
              }
              if (now.failure) {
                operation.logger.info(
                  { reason: now.failure.reason },
                  'token no longer valid upstream; client asked to reconnect',
                );
                operation.closeClient(
                  WS_RECONNECT_WITH_FRESH_TOKEN,
                  closeReason(now.failure.code, now.failure.message),
                );
                queue.end();
                return;
              }
            }
            queue.push({ errors: upstreamFailure(error) });
            queue.end();
          }),
        complete: () => enqueue(() => queue.end()),
      },
    );
    queue.onEnd(() => {
      active -= 1;
      unsubscribe();
      release();
      operation.logger.debug({ subgraph: plan.primary.serviceName }, 'live subscription ended');
    });
    operation.logger.debug({ subgraph: plan.primary.serviceName }, 'live subscription forwarded');
    return queue;
  };

  const completeEvent = async (
    operation: LiveOperation,
    event: FormattedExecutionResult<Record<string, unknown>>,
  ): Promise<ExecutionResult> => {
    // A refusal (or any answer without data) is the owner's to give: pass it through as it is.
    if (event.data === null || event.data === undefined) {
      const errors = (event.errors ?? []).map(toGraphQLError);
      return 'data' in event ? { data: null, errors } : { errors };
    }
    const { plan } = operation;
    const eventSource: GraphQLDataSource<GatewayContext> = {
      process: async () => ({ data: event.data, errors: event.errors }),
    };
    const primary: FetchNode = { ...plan.primary, serviceName: EVENT_SOURCE };
    const queryPlan: QueryPlan = {
      kind: 'QueryPlan',
      node: plan.rest ? { kind: 'Sequence', nodes: [primary, plan.rest] } : primary,
    };
    const requestContext = {
      request: { query: '', operationName: plan.operationName, variables: plan.variables },
      context: operation.context,
      logger: operation.logger,
      metrics: {},
      document: plan.document,
      operationName: plan.operationName ?? null,
    } as unknown as Parameters<typeof executeQueryPlan>[2];
    const result = await executeQueryPlan(
      queryPlan,
      { ...options.serviceMap, [EVENT_SOURCE]: eventSource },
      requestContext,
      plan.operationContext,
      planner.supergraphGraphQLSchema,
      planner.apiSchema,
    );
    const errors = result.errors?.map((error) =>
      error.extensions?.serviceName === EVENT_SOURCE
        ? new GraphQLError(error.message, {
            path: error.path,
            originalError: error.originalError,
            extensions: { ...error.extensions, serviceName: plan.primary.serviceName },
          })
        : error,
    );
    return errors?.length ? { data: result.data, errors } : { data: result.data };
  };

  const server = useServer<Record<string, unknown>, SocketExtra>(
    {
      isProd: options.production,
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.connectionParams);
        const auth = await options.verifier.verifyHeader(authorization);
        if (auth.failure) {
          ctx.extra.socket.close(WS_UNAUTHORIZED, closeReason(auth.failure.code, auth.failure.message));
          return false;
        }
        ctx.extra.auth = auth;
        ctx.extra.authorization = authorization;
        // Not past its token: at expiry the client is asked to reconnect (the web kit does so
        // with a refreshed token); signed out, it is closed with 4401 for good.
        closeWhenTokenEnds(ctx.extra.socket, auth, verifier, { expiredCode: WS_RECONNECT_WITH_FRESH_TOKEN });
        ctx.extra.requestId = requestIdOf(ctx.extra.request);
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        const auth = ctx.extra.auth ?? { principal: null, failure: null };
        const query = options.documents ? options.documents.resolveLive(payload, auth) : payload.query;
        if (query instanceof GraphQLError) return [query];
        const planned = planner.plan({ ...payload, query });
        if ('errors' in planned) return planned.errors;
        if (!upstream.has(planned.primary.serviceName)) {
          logger.error(
            { subgraph: planned.primary.serviceName },
            'no URL configured for a subscription owner',
          );
          return [
            new GraphQLError('实时服务暂不可用，请稍后重试', {
              extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
            }),
          ];
        }
        const connectionId = ctx.extra.requestId ?? requestIdOf(ctx.extra.request);
        const perOperation = `${connectionId}:${id}`;
        const requestId = SAFE_ID.test(perOperation) ? perOperation : connectionId;
        const request = ctx.extra.request;
        const operationLogger = logger.child({ reqId: requestId, transport: 'ws' });
        const authorization = ctx.extra.authorization;
        const headers: Record<string, string> = {};
        if (authorization) headers.authorization = authorization;
        if (request.headers['user-agent']) headers['user-agent'] = request.headers['user-agent'];
        const operation: LiveOperation = {
          plan: planned,
          authorization,
          requestId,
          logger: operationLogger,
          closeClient: (code, reason) => ctx.extra.socket.close(code, reason),
          context: {
            req: { headers } as unknown as Request,
            requestId,
            clientIp: request.socket.remoteAddress ?? 'unknown',
            logger: operationLogger,
            auth,
          },
        };
        return {
          schema: planner.apiGraphQLSchema,
          document: planned.document,
          operationName: planned.operationName,
          variableValues: planned.variables,
          contextValue: operation,
        } satisfies ExecutionArgs;
      },
      subscribe: (args) => forward(args.contextValue as LiveOperation),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  return {
    connections: () => wss.clients.size,
    subscriptions: () => active,
    async close() {
      options.httpServer.off('upgrade', onUpgrade);
      await server.dispose();
      await upstream.close();
    },
  };
}

function pick(
  variables: Record<string, unknown>,
  names: readonly string[] | undefined,
): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of names ?? []) if (name in variables) picked[name] = variables[name];
  return picked;
}

function toGraphQLError(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, { path: error.path, extensions: error.extensions });
}

/** Why an upstream subscription ended in failure, in the public error vocabulary. */
function upstreamFailure(error: unknown): GraphQLError[] {
  if (Array.isArray(error)) return (error as GraphQLFormattedError[]).map(toGraphQLError);
  if (isCloseEvent(error)) {
    if (error.code === 4401) {
      return [
        new GraphQLError('登录已过期，请重新登录', {
          extensions: { code: ErrorCode.UNAUTHENTICATED, reason: 'upstream-refused' },
        }),
      ];
    }
    if (error.code === 4403) {
      return [new GraphQLError('您无权进行此操作', { extensions: { code: ErrorCode.FORBIDDEN } })];
    }
  }
  return [new GraphQLError('实时服务暂不可用，请稍后重试', { originalError: asError(error) })];
}

function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (isCloseEvent(value)) return new Error(`upstream socket closed ${value.code} ${value.reason}`);
  return new Error(String(value));
}
