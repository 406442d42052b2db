// What the subgraphs' integration tests share to talk GraphQL to a server under test.
import { parseSetCookie } from 'cookie';
import type { Principal } from '@zhicheng/server-kit';

export interface GraphQLErrorJson {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorJson[];
  headers: Headers;
}

/**
 * A browser-like GraphQL client: holds an access token in memory as the front end does, and keeps
 * the cookies the server sets (identity's httpOnly refresh cookie) to send them back.
 */
export class GraphQLClient {
  readonly cookies = new Map<string, string>();
  /** Extra headers on every request, e.g. X-Forwarded-For. */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly url: string,
    public accessToken?: string,
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...this.headers };
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    for (const line of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(line);
      const expired =
        cookie.maxAge !== undefined
          ? cookie.maxAge <= 0
          : cookie.expires !== undefined && cookie.expires <= new Date();
      if (expired || !cookie.value) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorJson[] };
    return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
  }

  /** Like request, but fails the test on any GraphQL error and returns the data. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

/** Someone who can sign in: a principal and a client carrying its token. */
export interface Actor {
  principal: Principal;
  client: GraphQLClient;
}

const HAN = /\p{Script=Han}/u;

/**
 * Asserts the request failed with `code` (and `reason`, when given) and a Chinese message
 * (matching `message` when given, to check it tells the person what to do); returns that error.
 */
export function expectGraphQLError(
  result: GraphQLResult<unknown>,
  code: string,
  { reason, message }: { reason?: string | null; message?: RegExp } = {},
): GraphQLErrorJson {
  expect(result.errors).toBeDefined();
  const [error] = result.errors!;
  expect({ code: error.extensions?.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(message ?? HAN),
  });
  if (reason) expect(error.extensions?.reason).toBe(reason);
  expect(error.message).toMatch(HAN);
  // Nothing internal leaks to a client.
  expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|select |insert |update .* set /i);
  return error;
}

/** The `extensions.fields` of a BAD_USER_INPUT error as `field:code` strings, sorted. */
export function fieldCodes(error: GraphQLErrorJson): string[] {
  const fields = (error.extensions?.fields ?? []) as Array<{ field: string; code: string; message: string }>;
  for (const f of fields) expect(f.message).toMatch(HAN);
  return fields.map((f) => `${f.field}:${f.code}`).sort();
}
