// The ONE urql client of the page (the web kit is a single import-map entry, so the shell and
// every micro-frontend share it): queries and mutations over fetch to /graphql, subscriptions over
// graphql-ws on the same path. It is rebuilt when the signed-in identity changes, so one person's
// cached data never shows to the next.
import { useSyncExternalStore } from 'react';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws/client';
import { getAccessToken, refreshAccessToken, tokenLifetimeLeft } from '../auth/token';
import { persistedDocumentsExchange, persistedQueryOf } from './persisted';
import { newRequestId } from './requestId';

export const GRAPHQL_PATH = '/graphql';

/** Operations that manage the session themselves and must not trigger a refresh-and-retry. */
const SESSION_OPERATIONS = new Set(['SignIn', 'RefreshSession', 'SignOut']);

/** Close codes after which reconnecting cannot help (bad request, forbidden, subprotocol). */
const FATAL_CLOSE_CODES = new Set([4400, 4403, 4406]);

function withAuthHeaders(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set('x-request-id', newRequestId());
  if (token) headers.set('authorization', `Bearer ${token}`);
  else headers.delete('authorization');
  return { ...init, headers, credentials: 'include' };
}

function operationNameOf(init: RequestInit | undefined): string | undefined {
  if (typeof init?.body !== 'string') return undefined;
  try {
    const body: unknown = JSON.parse(init.body);
    const name = (body as { operationName?: unknown }).operationName;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

async function isUnauthenticated(response: Response): Promise<boolean> {
  if (response.status === 401) return true;
  if (!/json/.test(response.headers.get('content-type') ?? '')) return false;
  try {
    const body = (await response.clone().json()) as { errors?: { extensions?: { code?: unknown } }[] };
    return Array.isArray(body.errors) && body.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  } catch {
    return false;
  }
}

/**
 * fetch with the bearer token and a request id; after UNAUTHENTICATED (an access token that just
 * expired or was revoked) it refreshes the session once and retries once.
 */
const authFetch: typeof fetch = async (input, init) => {
  const token = getAccessToken();
  const response = await fetch(input, withAuthHeaders(init, token));
  if (!token || SESSION_OPERATIONS.has(operationNameOf(init) ?? '')) return response;
  if (!(await isUnauthenticated(response))) return response;
  if (!(await refreshAccessToken())) return response;
  return fetch(input, withAuthHeaders(init, getAccessToken()));
};

// --- subscriptions --------------------------------------------------------------------------

const reconnectListeners = new Set<() => void>();

/** Called after the live connection came back; refetch what may have changed meanwhile. */
export function onReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function createSubscriptionClient(): WsClient {
  const { protocol, host } = window.location;
  return createWsClient({
    url: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${GRAPHQL_PATH}`,
    lazy: true,
    // Read on every (re)connect, so a refreshed token is used; refresh first if it is about to expire.
    connectionParams: async () => {
      if (getAccessToken() && tokenLifetimeLeft() < 15_000) await refreshAccessToken();
      const token = getAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !(event instanceof CloseEvent && FATAL_CLOSE_CODES.has(event.code)),
    // Exponential backoff capped at 30 s, with jitter so a restarted gateway is not hit at once.
    retryWait: (retries) => sleep(Math.min(30_000, 1_000 * 2 ** retries) + Math.random() * 1_000),
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) reconnectListeners.forEach((listener) => listener());
      },
    },
  });
}

// --- the client -----------------------------------------------------------------------------

let client: Client | null = null;
let subscriptions: WsClient | null = null;
const clientListeners = new Set<() => void>();

function createGraphQLClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    // POST only: the gateway's CSRF protection refuses simple GET requests.
    preferGetMethod: false,
    fetch: authFetch,
    fetchOptions: { credentials: 'include' },
    exchanges: [
      cacheExchange,
      persistedDocumentsExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, urqlOperation) {
          // The hash names the document; the text is the fallback for a gateway that lacks it.
          const persistedQuery = persistedQueryOf(urqlOperation);
          const operation = {
            ...request,
            query: request.query ?? '',
            ...(persistedQuery ? { extensions: { ...request.extensions, persistedQuery } } : {}),
          };
          return {
            subscribe(sink) {
              subscriptions ??= createSubscriptionClient();
              return { unsubscribe: subscriptions.subscribe(operation, sink) };
            },
          };
        },
      }),
    ],
  });
}

/** The current client. */
export function getClient(): Client {
  client ??= createGraphQLClient();
  return client;
}

/** Drops the cache and the live connection; called when the signed-in identity changes. */
export function resetClient(): void {
  subscriptions?.dispose();
  subscriptions = null;
  client = null;
  clientListeners.forEach((listener) => listener());
}

function subscribeClient(listener: () => void): () => void {
  clientListeners.add(listener);
  return () => clientListeners.delete(listener);
}

/** The current client as React state (ZhichengProvider hands it to urql's Provider). */
export function useGraphQLClient(): Client {
  return useSyncExternalStore(subscribeClient, getClient);
}
