// Client credentials (docs/api-guide.md, "Getting a token: POST /oauth/token"): the client's id
// and secret, kept in a file of their own, and one form-encoded request for a token — no person,
// no captcha. Errors follow RFC 6749 §5.2: { error, error_description } (Chinese, for people).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ORIGIN } from './config.ts';

export const CLIENT_FILE = process.env.ZHICHENG_CLIENT_FILE ?? '.zhicheng-client';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Keeps the client's credentials (readable by this user only: the secret is shown once). */
export function saveClient(credentials: ClientCredentials): void {
  writeFileSync(CLIENT_FILE, JSON.stringify(credentials), { mode: 0o600 });
}

/** The saved client, or null before `npm run client-credentials` created one. */
export function savedClient(): ClientCredentials | null {
  if (!existsSync(CLIENT_FILE)) return null;
  return JSON.parse(readFileSync(CLIENT_FILE, 'utf8')) as ClientCredentials;
}

/** A refusal of /oauth/token: `error` is the RFC 6749 code to branch on. */
export class OAuthError extends Error {
  readonly error: string;
  readonly status: number;
  constructor(status: number, body: { error?: string; error_description?: string } | null) {
    super(body?.error_description ?? `HTTP ${status}`);
    this.name = 'OAuthError';
    this.error = body?.error ?? `HTTP_${status}`;
    this.status = status;
  }
}

export interface ClientToken {
  accessToken: string;
  expiresAt: string;
  scope: string;
}

/** POST /oauth/token with client_secret_basic; `scope` narrows the token (default: all the client's). */
export async function clientToken(client: ClientCredentials, scope?: string): Promise<ClientToken> {
  const basic = Buffer.from(
    `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`,
  ).toString('base64');
  const response = await fetch(`${ORIGIN}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${basic}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
  });
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.status !== 200 || typeof body?.access_token !== 'string')
    throw new OAuthError(response.status, body as { error?: string; error_description?: string });
  return {
    accessToken: body.access_token,
    expiresAt: new Date(Date.now() + Number(body.expires_in) * 1000).toISOString(),
    scope: String(body.scope ?? ''),
  };
}
