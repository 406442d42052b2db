import { Client } from 'pg';
import { sleep } from './processes';

/** The URL of database `name` on the same server as `serverUrl` (same user, password, host, port). */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // An error after connect (server shutting down) must not crash the process; the query rejects anyway.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  /** Stops waiting early, e.g. when the server process has exited. Return a reason to give up. */
  readonly giveUp?: () => string | undefined;
}

/** Resolves once `url` accepts connections and answers a query. */
export async function waitForPostgres(url: string, options: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let lastError: unknown;
  for (;;) {
    const reason = options.giveUp?.();
    if (reason) throw new Error(reason);
    try {
      await withClient(url, (client) => client.query('SELECT 1'));
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `PostgreSQL at ${redact(url)} did not accept connections in time: ${String(lastError)}`,
      );
    }
    await sleep(150);
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Creates database `name` unless it exists; returns its URL. Safe to race with another caller. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  if (!NAME.test(name)) throw new Error(`"${name}" is not a plain database name (letters, digits, _; ≤63)`);
  await withClient(serverUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      // A concurrent caller created it first (42P04, or 23505 when both reach the catalogue): fine.
      const code = (error as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw error;
    }
  });
  return databaseUrl(serverUrl, name);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable database URL)';
  }
}
