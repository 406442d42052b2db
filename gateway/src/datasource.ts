import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';

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
}
