// The published contract of the public origin (docs/api-guide.md, "The HTTP contract"): the
// GraphQL-over-HTTP status rule, the public schema and identity's token keys.
import { readFileSync } from 'node:fs';
import type { Express, Request, RequestHandler, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, errorBody, type Logger } from '@zhicheng/server-kit';
import type { GatewayEnv } from './env';
import { persistedQueryOf } from './persisted';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/** The media type Apollo answers with (no Accept header: application/json, as the spec says). */
const answersGraphQLResponseJson = (req: Request) =>
  Boolean(req.headers.accept) && req.accepts([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]) === GRAPHQL_RESPONSE_TYPE;

/**
 * The status rule of GraphQL over HTTP: with `application/json` every GraphQL response is 200,
 * request errors too (parse, validation, variable coercion, query limits, refusals before
 * execution); with `application/graphql-response+json` a request error (no `data`) keeps 400.
 * What is not a GraphQL request at all keeps its 4xx either way (malformed JSON, no query, a
 * mutation over GET 405, 406, 413, 415): those never reach this hook or are not 400.
 */
export function graphqlOverHttpStatus<C extends { req: Request }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.http.status === 400 && !answersGraphQLResponseJson(contextValue.req))
            response.http.status = 200;
        },
      };
    },
  };
}

/**
 * Before Apollo on /graphql: 406 for an Accept header that takes no answer we give (Apollo words
 * it as an English BAD_REQUEST), and `documentId` (GraphQL over HTTP's persisted documents, in a
 * POST body or a GET query) as the `persistedQuery` extension Apollo resolves.
 */
export function graphqlRequestEdge(): RequestHandler {
  return (req, res, next) => {
    const accept = req.headers.accept;
    // text/html: the development landing page (GET); multipart/mixed: incremental delivery.
    if (accept && !req.accepts([JSON_TYPE, GRAPHQL_RESPONSE_TYPE, 'text/html', 'multipart/mixed'])) {
      res
        .status(406)
        .type(`${JSON_TYPE}; charset=utf-8`)
        .send(
          JSON.stringify(
            errorBody(
              ErrorCode.NOT_ACCEPTABLE,
              '无法按 Accept 请求头给出答复：请接受 application/json 或 application/graphql-response+json',
            ),
          ),
        );
      return;
    }
    const body = req.body as Record<string, unknown> | undefined;
    if (req.method === 'POST' && body && 'documentId' in body && body.query === undefined) {
      const persistedQuery = persistedQueryOf(body.documentId);
      if (persistedQuery) {
        const extensions = (typeof body.extensions === 'object' && body.extensions) || {};
        req.body = { ...body, extensions: { ...extensions, persistedQuery } };
      }
    }
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://gateway.invalid');
      const persistedQuery = persistedQueryOf(url.searchParams.get('documentId'));
      if (persistedQuery && !url.searchParams.has('query') && !url.searchParams.has('extensions')) {
        url.searchParams.delete('documentId');
        url.searchParams.set('extensions', JSON.stringify({ persistedQuery }));
        req.url = `${url.pathname}${url.search}`;
      }
    }
    next();
  };
}

/** Where the public schema is served (docs/api-guide.md). */
export const PUBLIC_SCHEMA_PATH = '/graphql/schema.graphql';
export const PUBLIC_JWKS_PATH = '/.well-known/jwks.json';
const PUBLIC_JWK_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'kid', 'alg', 'use', 'key_ops'];

/**
 * The public contract on the gateway's origin: the API schema (SDL) as composed, and identity's
 * token-signing keys (JWKS) fetched from the configured IDENTITY_JWKS_URL — a fixed URL, never
 * one built from the request. Both are public documents anyone may read from any page.
 */
export function mountPublishedContract(app: Express, env: GatewayEnv, logger: Logger): void {
  const sdl = readFileSync(env.API_SCHEMA_PATH, 'utf8');
  app.get(PUBLIC_SCHEMA_PATH, (_req: Request, res: Response) => {
    res
      .status(200)
      .type('text/plain; charset=utf-8')
      .set('access-control-allow-origin', '*')
      .set('cache-control', 'public, max-age=300')
      .send(sdl);
  });
  app.get(PUBLIC_JWKS_PATH, async (_req: Request, res: Response) => {
    try {
      const upstream = await fetch(env.IDENTITY_JWKS_URL, { signal: AbortSignal.timeout(5000) });
      if (!upstream.ok) throw new Error(`identity answered ${upstream.status}`);
      const set = (await upstream.json()) as { keys?: unknown };
      if (!Array.isArray(set.keys)) throw new Error('identity answered no key set');
      // Public members only, whatever the upstream sends (a private `d` never leaves).
      const keys = (set.keys as Array<Record<string, unknown>>).map((key) =>
        Object.fromEntries(PUBLIC_JWK_MEMBERS.filter((m) => m in key).map((m) => [m, key[m]])),
      );
      res
        .status(200)
        .type('application/jwk-set+json; charset=utf-8')
        .set('access-control-allow-origin', '*')
        // Keys rotate rarely and old ones stay listed while their tokens live: a minute is safe.
        .set('cache-control', 'public, max-age=60')
        .send(JSON.stringify({ keys }));
    } catch (error) {
      logger.warn({ err: error }, 'identity key set unavailable');
      res
        .status(502)
        .type(`${JSON_TYPE}; charset=utf-8`)
        .send(
          JSON.stringify({
            error: { code: 'UPSTREAM_UNAVAILABLE', message: '身份服务暂不可用，请稍后重试' },
          }),
        );
    }
  });
}
