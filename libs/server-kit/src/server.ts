import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { GraphQLSchema } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TokenVerifier } from './auth';
import type { RequestContext } from './context';
import {
  apiSecurityHeaders,
  edgePlugin,
  graphqlBodyParser,
  jsonErrorHandler,
  notFoundHandler,
  requestGuard,
} from './edge';
import { createErrorFormatter } from './errors';
import { behindGateway, DEFAULT_QUERY_LIMITS, queryLimits, type QueryLimitSettings } from './limits';
import { httpLogSerializers } from './logger';
import { LoaderRegistry } from './loaders';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';
import { serveSubscriptions, type SubscriptionServer } from './subscriptions';

export interface SubgraphServerOptions<C extends RequestContext> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  verifier: TokenVerifier;
  host: string;
  port: number;
  /** Which proxies to trust for the client address (express 'trust proxy'); the gateway is one. */
  trustProxy?: string | boolean;
  /** Extra routes (e.g. identity's JWKS) mounted before /graphql. */
  configureApp?: (app: Express) => void;
  /** Adds the subgraph's own fields to the base context. */
  extendContext?: (base: RequestContext) => C | Promise<C>;
  plugins?: ApolloServerPlugin<C>[];
  production?: boolean;
  /**
   * The public API's query limits (queryLimitSettingsOf(env)); the subgraph adds the headroom the
   * gateway's own fetches need (behindGateway).
   */
  queryLimits?: QueryLimitSettings;
  /**
   * The live pub/sub the schema's subscriptions read (createLivePubSub from @zhicheng/live, also
   * given to buildFederatedSchema as `pubSub`); closed after the sockets when the server closes.
   */
  pubSub?: { close(): Promise<void> };
}

export interface RunningServer {
  url: string;
  port: number;
  app: Express;
  httpServer: http.Server;
  /** graphql-ws on /graphql, when the schema has subscriptions. */
  subscriptions: SubscriptionServer | null;
  close(): Promise<void>;
}

/** The one way every subgraph starts: health, logging with request ids, Apollo, graceful close. */
export async function startSubgraphServer<C extends RequestContext>(
  options: SubgraphServerOptions<C>,
): Promise<RunningServer> {
  const { logger, orm } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? 'loopback');
  const httpServer = http.createServer(app);
  app.use(requestGuard(), apiSecurityHeaders(options.production ?? false));

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready', service: options.name });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', service: options.name });
    }
  });

  app.use(
    pinoHttp({
      logger,
      serializers: httpLogSerializers,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      // Probes and machine polls (health checks, every verifier's revocation poll each second,
      // key fetches) would drown the request log; their failures are logged where they occur.
      autoLogging: { ignore: (req) => /^\/(health\/|\.well-known\/)/.test(req.url ?? '') },
    }),
  );
  options.configureApp?.(app);

  const limits = queryLimits(behindGateway(options.queryLimits ?? DEFAULT_QUERY_LIMITS));
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      edgePlugin<C>(),
      ...(limits.plugins as ApolloServerPlugin<C>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No Apollo Studio here: inline traces would only cost time on every subgraph request.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    ...graphqlBodyParser(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const auth = await options.verifier.verifyHeader(req.headers.authorization);
        const base: RequestContext = {
          requestId: String(req.id),
          logger: req.log,
          em: orm.em.fork(),
          auth,
          loaders: new LoaderRegistry(),
          clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
          req,
          res,
        };
        return options.extendContext ? options.extendContext(base) : (base as C);
      },
    }),
  );

  // Whatever no route answered, and every error a route passed on: coded JSON, never HTML.
  app.use(notFoundHandler(), jsonErrorHandler(logger));

  // Subscriptions: graphql-ws on the same path, upgraded from the same HTTP server.
  const subscriptions = options.schema.getSubscriptionType()
    ? serveSubscriptions<C>({
        httpServer,
        path: '/graphql',
        schema: options.schema,
        orm,
        logger,
        verifier: options.verifier,
        extendContext: options.extendContext,
        production: options.production,
        validationRules: limits.validationRules,
        parseOptions: limits.parseOptions,
      })
    : null;

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host}:${port}/graphql`;
  logger.info({ url }, `${options.name} subgraph ready`);

  return {
    url,
    port,
    app,
    httpServer,
    subscriptions,
    async close() {
      // Sockets first (1001 "going away": clients and the gateway reconnect elsewhere), then HTTP.
      await subscriptions?.close();
      await apollo.stop();
      await options.pubSub?.close();
      await orm.close();
    },
  };
}
