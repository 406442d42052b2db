import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@zhicheng/server-kit';

type ParseBodyArgs = Parameters<RemoteGraphQLDataSource<GatewayContext>['parseBody']>;
import type { GatewayContext } from './context';

/**
 * Forwards what a subgraph needs from the browser's request: the bearer token (every subgraph
 * verifies it again), the request id (one id across processes) and the client address (for
 * identity's rate limits). Only identity sees cookies, and only its Set-Cookie headers (the
 * httpOnly refresh token) travel back to the browser.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly carriesCookies: boolean,
  ) {
    // Node's own fetch: keeps several Set-Cookie headers apart (Headers.getSetCookie).
    super({ url, fetcher: fetch as unknown as Fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.req) return;
    const { req, requestId } = context;
    if (req.headers.authorization) headers.set('authorization', req.headers.authorization);
    headers.set('x-request-id', requestId);
    headers.set('x-forwarded-for', context.clientIp);
    if (req.headers['user-agent']) headers.set('user-agent', req.headers['user-agent']);
    if (this.carriesCookies && req.headers.cookie) headers.set('cookie', req.headers.cookie);
  }

  override async parseBody(
    fetchResponse: FetcherResponse,
    fetchRequest?: ParseBodyArgs[1],
    context?: GatewayContext,
  ) {
    if (this.carriesCookies && context?.res) {
      const headers = fetchResponse.headers as unknown as Headers;
      for (const cookie of headers.getSetCookie?.() ?? []) context.res.append('Set-Cookie', cookie);
    }
    return super.parseBody(fetchResponse, fetchRequest, context);
  }

  /**
   * A subgraph answers a request it refuses before running it (a variable its scalar rejects, a
   * query over its limits, text with control characters) with HTTP 400 and a coded GraphQL error.
   * Apollo's default turns any non-2xx into "400: Bad Request" with the subgraph's raw answer and
   * no public code, which the formatter then hides as INTERNAL_SERVER_ERROR: pass the subgraph's
   * own coded error on instead (message, code and field problems only).
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const refused =
      response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 403;
    if (refused) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as {
        errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }>;
      } | null;
      const first = body?.errors?.[0];
      const code = first?.extensions?.code;
      if (typeof first?.message === 'string' && typeof code === 'string' && PASSED_ON.has(code)) {
        // Field problems, and which query limit was hit: nothing else of the subgraph's answer.
        const { fields, limit, max } = first.extensions ?? {};
        return new GraphQLError(first.message, {
          extensions: {
            code,
            ...(fields ? { fields } : {}),
            ...(limit ? { limit, max } : {}),
          },
        });
      }
    }
    return super.errorFromResponse(response);
  }
}

/** The codes a subgraph's refusal keeps on its way through the gateway. */
const PASSED_ON = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.BAD_REQUEST,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);
