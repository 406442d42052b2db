import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testServerUrl } from './env';

export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, first terminating connections left open. Idempotent. */
  drop(): Promise<void>;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function onServer<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `cannot reach the test PostgreSQL server at ${redact(serverUrl)} (${(error as Error).message}). ` +
        'Is the jest globalSetup of @zhicheng/testing configured, or TEST_DATABASE_URL pointing at a running server?',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates a fresh, uniquely named database (`zc_<prefix>_<random>`) on the test server so each test
 * file (or worker) works in isolation. Call drop() in afterAll.
 */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    throw new Error(
      'no test PostgreSQL server: add globalSetup/globalTeardown from libs/testing to the jest config, or set TEST_DATABASE_URL',
    );
  }
  const safePrefix = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40);
  const name = `zc_${safePrefix}_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    drop: () => {
      // WITH (FORCE) terminates leftover connections (a pool the test forgot to close) before dropping.
      dropped ??= onServer(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      });
      return dropped;
    },
  };
}
