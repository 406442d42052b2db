import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import compression from 'compression';
import express from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { pinoHttp } from 'pino-http';
import {
  apiSecurityHeaders,
  createErrorFormatter,
  createLogger,
  createTokenVerifier,
  edgePlugin,
  graphqlBodyParser,
  httpLogSerializers,
  jsonErrorHandler,
  notFoundHandler,
  queryLimits,
  queryLimitSettingsOf,
  REQUEST_ID_HEADER,
  requestGuard,
  requestIdOf,
  type Logger,
} from '@zhicheng/server-kit';
import type { GatewayContext } from './context';
import { ForwardingDataSource } from './datasource';
import type { GatewayEnv } from './env';
import { mountCertificateRoutes } from './certificates';
import { authOf, clientRateLimit } from './client-rate-limit';
import { mountTokenRoute } from './oauth';
import { graphqlOverHttpStatus, graphqlRequestEdge, mountPublishedContract } from './contract';
import { fileUpstreams, mountFileRoute } from './files';
import { LivePlanner } from './live/plan';
import { serveLiveGateway, type LiveGateway } from './live/server';
import { UpstreamPool } from './live/upstream';
import { TrustedDocuments, trustedDocumentsPlugin } from './persisted';
import { mountFrontends } from './static';

export interface RunningGateway {
  url: string;
  origin: string;
  /** graphql-ws on /graphql: subscriptions forwarded to their owning subgraphs. */
  live: LiveGateway;
  close(): Promise<void>;
}

/**
 * Brotli or gzip (whichever the browser prefers) for what the gateway writes itself: the page,
 * GraphQL answers, manifests, source maps (the `compression` package, brotli since 1.8, on Node's
 * zlib; quality 4, its default, costs about as much CPU as gzip's default and compresses more).
 * The bundles skip it: they are served precompressed (static.ts), and it leaves answers that
 * already carry a Content-Encoding alone. Not compressed: `/files` (PDFs and pictures are
 * compressed already, and the route streams them from their owner), event streams and multipart
 * answers (incremental delivery): a compressor holds back bytes the client waits for. WebSockets
 * (graphql-ws) never pass through here. Secrets next to attacker-chosen text (BREACH) would need a
 * cross-site request with a body: /graphql refuses those (Apollo's CSRF prevention).
 */
function compressAnswers() {
  return compression({
    filter: (req, res) => {
      if (req.path === '/files' || req.path.startsWith('/files/')) return false;
      const type = String(res.getHeader('content-type') ?? '');
      if (/^(text\/event-stream|multipart\/)/i.test(type)) return false;
      return compression.filter(req, res);
    },
  });
}

export async function startGateway(
  env: GatewayEnv,
  options: { logger?: Logger } = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', env.LOG_LEVEL);
  const supergraphSdl = readFileSync(env.SUPERGRAPH_PATH, 'utf8');
  const dataSourceFor = (name: string, url?: string) => {
    const target = env.SUBGRAPH_URLS[name];
    if (!target) logger.warn({ subgraph: name, url }, 'no URL configured for subgraph; its fields will fail');
    return new ForwardingDataSource(target ?? url ?? '', name === 'identity');
  };
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => dataSourceFor(name, url),
  });
  const verifier = createTokenVerifier({ jwksUrl: env.IDENTITY_JWKS_URL });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', env.TRUST_PROXY);
  const httpServer = http.createServer(app);
  // Absolute-form targets and methods we do not serve are refused before any route sees them.
  app.use(requestGuard(), apiSecurityHeaders(env.NODE_ENV === 'production'));
  app.use(compressAnswers());

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/health/ready', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(env.SUBGRAPH_URLS).map(async ([name, url]) => {
        try {
          const answer = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(2000) });
          return [name, answer.ok] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    const ready = checks.every(([, ok]) => ok);
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', subgraphs: Object.fromEntries(checks) });
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
      autoLogging: { ignore: (req) => !req.url?.startsWith('/graphql') },
    }),
  );

  const limits = queryLimits(queryLimitSettingsOf(env));
  const documents = new TrustedDocuments(env.STATIC_ROOT, logger, env.ALLOW_ARBITRARY_DOCUMENTS);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // The front ends' persisted documents by hash; nothing is registered from requests.
    persistedQueries: { cache: documents.cache() },
    plugins: [
      // Refuses control characters and subscriptions over HTTP before a subgraph is asked.
      edgePlugin<GatewayContext>(),
      trustedDocumentsPlugin<GatewayContext>(documents),
      graphqlOverHttpStatus<GatewayContext>(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(env.NODE_ENV === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
    ],
  });
  await apollo.start();

  // The public schema and token keys; before /graphql, which would take /graphql/schema.graphql.
  mountPublishedContract(app, env, logger);
  app.use(
    '/graphql',
    // Third-party clients: verified here once, counted against their quota (429 when over).
    clientRateLimit(verifier, {
      limit: env.CLIENT_RATE_LIMIT,
      windowSeconds: env.CLIENT_RATE_LIMIT_WINDOW_SECONDS,
    }),
    ...graphqlBodyParser(),
    graphqlRequestEdge(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        req,
        res,
        requestId: String(req.id),
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        logger: req.log,
        auth: authOf(res) ?? (await verifier.verifyHeader(req.headers.authorization)),
      }),
    }),
  );
  // Before the front ends: `/files/*` is never a page, and its bodies are streamed, not parsed.
  const files = mountFileRoute(app, fileUpstreams(env), logger);
  // OAuth 2.0 client credentials for third-party systems, answered by identity.
  mountTokenRoute(app, env, logger);
  mountCertificateRoutes(app, env, logger);
  mountFrontends(app, env.STATIC_ROOT, logger, { production: env.NODE_ENV === 'production' });
  // Whatever no route answered, and every error a route passed on: coded JSON, never HTML.
  app.use(notFoundHandler(), jsonErrorHandler(logger));

  // Subscriptions: graphql-ws upgraded on the same server and path, under the same query limits.
  const planner = new LivePlanner(supergraphSdl, limits.validationRules, limits.parseOptions);
  const live = serveLiveGateway({
    httpServer,
    path: '/graphql',
    planner,
    upstream: new UpstreamPool({ urls: env.SUBGRAPH_URLS, logger }),
    serviceMap: Object.fromEntries(
      planner.supergraph
        .subgraphs()
        .names()
        .map((name) => [name, dataSourceFor(name)]),
    ),
    verifier,
    documents,
    logger,
    production: env.NODE_ENV === 'production',
  });

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
  logger.info({ origin }, 'gateway ready');
  return {
    url: `${origin}/graphql`,
    origin,
    live,
    async close() {
      await live.close();
      await apollo.stop();
      files.close();
    },
  };
}
