// A small typed GraphQL client: documents come from src/gql (graphql-codegen on the published
// schema), so variables and answers are checked by TypeScript. Queries and mutations over HTTP
// POST, subscriptions over graphql-ws on the same path.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { GRAPHQL_URL, WEBSOCKET_URL } from './config.ts';

/** One problem with one input field (BAD_USER_INPUT lists every problem at once). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

interface WireError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** An answer with errors: `code` is stable (branch on it), `message` is Chinese text for people. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly extensions: Record<string, unknown>;
  /** Every error of the answer (the first one is this one). */
  readonly all: WireError[];

  constructor(errors: WireError[], status: number) {
    const first = errors[0] ?? { message: `HTTP ${status}` };
    super(first.message);
    this.name = 'ApiError';
    this.code = typeof first.extensions?.code === 'string' ? first.extensions.code : `HTTP_${status}`;
    this.status = status;
    this.extensions = first.extensions ?? {};
    this.all = errors;
  }

  /** BAD_USER_INPUT's field problems, from every error of the answer. */
  get fields(): FieldProblem[] {
    return this.all.flatMap((e) =>
      Array.isArray(e.extensions?.fields) ? (e.extensions.fields as FieldProblem[]) : [],
    );
  }
}

type Document<TResult, TVariables> = TypedDocumentNode<TResult, TVariables> | string;

const textOf = <R, V>(document: Document<R, V>) =>
  typeof document === 'string' ? document : print(document);

/** Runs a query or mutation; the answer's data, or an ApiError. */
export async function request<TResult, TVariables>(
  document: Document<TResult, TVariables>,
  variables: TVariables,
  options: { token?: string } = {},
): Promise<TResult> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // The GraphQL-over-HTTP media type: a refused request then also says so by its status (400).
      accept: 'application/graphql-response+json, application/json;q=0.9',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: textOf(document), variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: TResult; errors?: WireError[] } | null;
  if (!body) throw new ApiError([], response.status);
  if (body.errors?.length) throw new ApiError(body.errors, response.status);
  return body.data as TResult;
}

/** A graphql-ws connection that sends the current token each time it (re)connects. */
export function liveConnection(token: () => string): Client {
  return createClient({
    url: WEBSOCKET_URL,
    connectionParams: () => ({ authorization: `Bearer ${token()}` }),
    // Dropped sockets and 1013 (token expired: reconnect with a fresh one) are retried; 4401 is not.
    retryAttempts: 5,
  });
}

/** Follows a subscription; `onData` gets each event, `onEnd` the end (an ApiError when refused). */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  handlers: { onData: (data: TResult) => void; onEnd: (error?: unknown) => void },
): () => void {
  return client.subscribe<TResult>(
    { query: print(document), variables },
    {
      next: (result) =>
        result.errors?.length
          ? handlers.onEnd(new ApiError(result.errors as WireError[], 200))
          : handlers.onData(result.data as TResult),
      error: (error) =>
        handlers.onEnd(Array.isArray(error) ? new ApiError(error as WireError[], 200) : error),
      complete: () => handlers.onEnd(),
    },
  );
}
