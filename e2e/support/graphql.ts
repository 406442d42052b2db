export interface GraphQLAnswer<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> & { code?: string } }>;
}

/** A GraphQL client over fetch that keeps cookies, like a browser tab does. */
export class GraphQLSession {
  private cookies = new Map<string, string>();
  token?: string;
  /** Extra headers on every request, e.g. X-Forwarded-For (the gateway trusts it from loopback). */
  readonly headers: Record<string, string> = {};

  constructor(private readonly url: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLAnswer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...this.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, value] = pair.split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return (await response.json()) as GraphQLAnswer<T>;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export const codeOf = (answer: GraphQLAnswer) => answer.errors?.[0]?.extensions?.code;
