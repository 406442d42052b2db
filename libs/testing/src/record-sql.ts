import { Client } from 'pg';

/**
 * Records the SQL every pg client in this test process sends while `fn` runs (the ORM's pool and
 * the test's own). A subgraph under test runs in-process, so this counts what a request costs the
 * database, e.g. to prove that N federation references load in one query and not N.
 */
export async function recordSql(fn: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const original = Client.prototype.query;
  const recording = function (this: Client, ...args: unknown[]) {
    const [config] = args;
    statements.push(typeof config === 'string' ? config : String((config as { text?: string })?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  Client.prototype.query = recording as typeof original;
  try {
    await fn();
  } finally {
    Client.prototype.query = original;
  }
  return statements;
}
