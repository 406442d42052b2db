import type http from 'node:http';
import type { Request, Response } from 'express';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  specifiedRules,
  type DocumentNode,
  type ExecutionArgs,
  type ParseOptions,
  type ValidationRule,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import { REVOKED_MESSAGE, type AuthResult, type TokenVerifier } from './auth';
import { refusedText } from './edge';
import type { RequestContext } from './context';
import { createErrorFormatter } from './errors';
import { LoaderRegistry } from './loaders';
import { requestIdOf } from './request-id';

/** Close code for a connection whose token is invalid or expired (graphql-ws: Unauthorized, not retried). */
export const WS_UNAUTHORIZED = CloseCode.Unauthorized;

/** The token a graphql-ws client sends in `connection_init`: `{ authorization: 'Bearer …' }`. */
export function authorizationOf(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  const value = connectionParams?.authorization ?? connectionParams?.Authorization;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A WebSocket close reason is at most 123 bytes; Chinese is 3 bytes a character. */
export function closeReason(code: string, message: string): string {
  let reason = `${code}: ${message}`;
  while (Buffer.byteLength(reason, 'utf8') > 123) reason = reason.slice(0, -1);
  return reason;
}

type SocketExtra = {
  auth?: AuthResult;
};

/** The part of a `ws` socket the token watch needs. */
interface ClosableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * A socket must not outlive its token: closed when the token expires (`expiredCode`, 4401 by
 * default) and at once when its session is signed out (4401, not retried by graphql-ws clients).
 */
export function closeWhenTokenEnds(
  socket: ClosableSocket,
  auth: AuthResult,
  verifier: TokenVerifier,
  options: { expiredCode?: number; now?: () => number } = {},
): void {
  if (!auth.principal) return;
  const sessionId = auth.principal.sessionId;
  let closed = false;
  const close = (code: number, message: string) => {
    if (closed) return;
    closed = true;
    socket.close(code, closeReason('UNAUTHENTICATED', message));
  };
  const timer =
    auth.expiresAtMs === undefined
      ? null
      : setTimeout(
          () => close(options.expiredCode ?? WS_UNAUTHORIZED, '登录已过期，请重新登录'),
          Math.min(2 ** 31 - 1, Math.max(0, auth.expiresAtMs - (options.now ?? Date.now)())),
        );
  timer?.unref();
  const stopWatching = sessionId
    ? verifier.onRevoked?.((revoked) => {
        if (revoked === sessionId) close(WS_UNAUTHORIZED, REVOKED_MESSAGE);
      })
    : undefined;
  socket.once('close', () => {
    closed = true;
    if (timer) clearTimeout(timer);
    stopWatching?.();
  });
}

export interface SubscriptionServerOptions<C extends RequestContext> {
  httpServer: http.Server;
  path: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  verifier: TokenVerifier;
  extendContext?: (base: RequestContext) => C | Promise<C>;
  production?: boolean;
  /** The query limits (queryLimits(): validation rules and the parser's token limit), as over HTTP. */
  validationRules?: ValidationRule[];
  parseOptions?: ParseOptions;
}

export interface SubscriptionServer {
  /** Open sockets (tests and benches look). */
  connections(): number;
  /** Closes every socket with 1001 (going away: clients reconnect) and stops accepting. */
  close(): Promise<void>;
}

/** There is no HTTP response on a WebSocket: anything that tries to set a cookie is a bug. */
const noResponse = new Proxy({} as Response, {
  get() {
    throw new Error('a WebSocket operation has no HTTP response (cookies and headers are HTTP only)');
  },
});

/**
 * graphql-ws on the subgraph's own path (same HTTP server, `upgrade`): subscriptions only, the
 * connection's token verified with the same TokenVerifier as HTTP (a bad one closes the socket
 * with 4401 and the reason; none is anonymous and resolvers decide; the socket closes with 4401
 * when the token expires or its session is signed out), one context per operation,
 * and each event resolved on a fresh EntityManager fork and loaders (a subscription lives for
 * hours; one identity map for all its events would serve stale rows).
 */
export function serveSubscriptions<C extends RequestContext>(
  options: SubscriptionServerOptions<C>,
): SubscriptionServer {
  const { logger, orm, schema } = options;
  const formatError = createErrorFormatter(logger);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const onUpgrade = (request: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== options.path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error));

  const server = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema,
      isProd: options.production,
      onConnect: async (ctx) => {
        const auth = await options.verifier.verifyHeader(authorizationOf(ctx.connectionParams));
        if (auth.failure) {
          ctx.extra.socket.close(WS_UNAUTHORIZED, closeReason(auth.failure.code, auth.failure.message));
          return false;
        }
        ctx.extra.auth = auth;
        closeWhenTokenEnds(ctx.extra.socket, auth, options.verifier);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, options.parseOptions);
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, [...specifiedRules, ...(options.validationRules ?? [])]);
        if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const refused = refusedText(document, payload.variables, false);
        if (refused) return [refused];
        const operation = getOperationAST(document, payload.operationName);
        if (!operation)
          return [new GraphQLError('请求中没有可执行的操作', { extensions: { code: 'BAD_REQUEST' } })];
        if (operation.operation !== 'subscription') {
          return [
            new GraphQLError('WebSocket 仅用于订阅；查询和变更请用 HTTP POST', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        const request = ctx.extra.request;
        const fromGateway = (payload.extensions as { requestId?: unknown } | undefined)?.requestId;
        const requestId =
          typeof fromGateway === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(fromGateway)
            ? fromGateway
            : requestIdOf(request);
        const base: RequestContext = {
          requestId,
          logger: logger.child({ reqId: requestId, transport: 'ws' }),
          em: orm.em.fork(),
          auth: ctx.extra.auth ?? { principal: null, failure: null },
          loaders: new LoaderRegistry(),
          clientIp: forwardedFor(request) ?? request.socket.remoteAddress ?? 'unknown',
          req: request as Request,
          res: noResponse,
        };
        const contextValue = options.extendContext ? await options.extendContext(base) : (base as C);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        } satisfies ExecutionArgs;
      },
      subscribe: (args) => subscribeWithFreshContext(args, orm),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  return {
    connections: () => wss.clients.size,
    async close() {
      options.httpServer.off('upgrade', onUpgrade);
      await server.dispose();
    },
  };
}

/** Trusts x-forwarded-for only from the gateway on loopback, as express's 'trust proxy' does. */
function forwardedFor(request: http.IncomingMessage): string | undefined {
  const remote = request.socket.remoteAddress ?? '';
  if (!['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote)) return undefined;
  const header = request.headers['x-forwarded-for'];
  const value = (Array.isArray(header) ? header[0] : header)?.split(',').pop()?.trim();
  return value || undefined;
}

/**
 * graphql-js's `subscribe`, except that each event is executed with its own EntityManager fork
 * and loaders. `return()` reaches the source at once, so an unsubscribe frees the pub/sub
 * listener even while no event is pending.
 */
async function subscribeWithFreshContext(
  args: ExecutionArgs,
  orm: MikroORM,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const source = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const base = args.contextValue as RequestContext;
  const perEvent = (payload: unknown) =>
    execute({
      ...args,
      rootValue: payload,
      contextValue: { ...base, em: orm.em.fork(), loaders: new LoaderRegistry() },
    }) as Promise<ExecutionResult> | ExecutionResult;
  const map = async (result: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> =>
    result.done ? { value: undefined, done: true } : { value: await perEvent(result.value), done: false };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: () => source.next().then(map),
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error?: unknown) => {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * graphql-js's parse and validation errors carry no code; over HTTP Apollo adds one, over the
 * socket we do, so they are not mistaken for internal errors (a code a rule set stays).
 */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions?.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}
