import { Client } from 'pg';
import { createTestDatabase, testServerUrl, TEST_SERVER_URL_ENV } from '../src';

jest.setTimeout(60_000);

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function exists(name: string): Promise<boolean> {
  const rows = await query(testServerUrl() ?? '', 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return rows.length === 1;
}

describe('createTestDatabase', () => {
  it('creates a fresh database on the test server and drops it', async () => {
    const db = await createTestDatabase('it');
    expect(db.name).toMatch(/^zc_it_[0-9a-f]{10}$/);
    expect(new URL(db.url).pathname).toBe(`/${db.name}`);
    expect(await exists(db.name)).toBe(true);

    const [{ name }] = await query<{ name: string }>(db.url, 'SELECT current_database() AS name');
    expect(name).toBe(db.name);
    await query(db.url, 'CREATE TABLE t (id int)');
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM t')).toEqual([{ n: 0 }]);

    await db.drop();
    expect(await exists(db.name)).toBe(false);
    await expect(db.drop()).resolves.toBeUndefined();
  });

  it('gives every call its own database', async () => {
    const [a, b] = await Promise.all([createTestDatabase('same'), createTestDatabase('same')]);
    expect(a.name).not.toBe(b.name);
    await Promise.all([a.drop(), b.drop()]);
  });

  it('drops a database that still has open connections', async () => {
    const db = await createTestDatabase('leftover');
    const forgotten = new Client({ connectionString: db.url });
    forgotten.on('error', () => undefined);
    await forgotten.connect();
    await db.drop();
    expect(await exists(db.name)).toBe(false);
    await forgotten.end().catch(() => undefined);
  });

  it('sanitises the prefix into a valid identifier', async () => {
    const db = await createTestDatabase('Declaration-Module/Files');
    expect(db.name).toMatch(/^zc_declaration_module_files_[0-9a-f]{10}$/);
    await db.drop();
  });

  describe('without a server', () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
    });

    it('fails clearly when the server is not there', async () => {
      process.env[TEST_SERVER_URL_ENV] = 'postgres://postgres:secret@127.0.0.1:1/postgres';
      await expect(createTestDatabase('x')).rejects.toThrow(
        /cannot reach the test PostgreSQL server at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1/,
      );
    });

    it('fails clearly when no server is configured', async () => {
      delete process.env[TEST_SERVER_URL_ENV];
      delete process.env.TEST_DATABASE_URL;
      delete process.env.DATABASE_URL;
      await expect(createTestDatabase('x')).rejects.toThrow(/no test PostgreSQL server/);
    });
  });
});
