import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  canEnter,
  databaseUrl,
  ensureDatabase,
  ensureRunAsUser,
  findFreePort,
  isProcessAlive,
  readPostmasterPid,
  startEmbeddedPostgres,
  withClient,
  type EmbeddedPostgres,
} from '../src';

jest.setTimeout(120_000);

let root: string;
const started: EmbeddedPostgres[] = [];

async function start(dataDir: string, port?: number): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres({
    dataDir,
    port: port ?? (await findFreePort()),
    ephemeral: true,
  });
  started.push(server);
  return server;
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-dev-postgres-test-'));
  // mkdtemp makes it 0700; as root, the server's own OS user must be able to enter it.
  fs.chmodSync(root, 0o755);
});

afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', () => {
  const dataDir = () => path.join(root, 'cluster');

  it('initialises a cluster, serves it on the port, and stops idempotently', async () => {
    const server = await start(dataDir());
    expect(server.url).toBe(`postgres://postgres:postgres@127.0.0.1:${server.port}/postgres`);
    const version = await withClient(server.url, (c) =>
      c.query<{ v: string }>("SELECT current_setting('server_version') AS v"),
    );
    expect(version.rows[0].v).toMatch(/^17\./);

    const url = await ensureDatabase(server.url, 'zc_probe');
    expect(url).toBe(databaseUrl(server.url, 'zc_probe'));
    await expect(ensureDatabase(server.url, 'zc_probe')).resolves.toBe(url);
    await withClient(url, (c) => c.query('CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$中文$$)'));

    await server.stop();
    await server.stop();
    expect(isProcessAlive(server.pid)).toBe(false);
    expect(readPostmasterPid(server.dataDir)).toBeUndefined();
  });

  it('reuses an existing cluster with its data', async () => {
    const server = await start(dataDir());
    const rows = await withClient(databaseUrl(server.url, 'zc_probe'), (c) => c.query('SELECT v FROM kept'));
    expect(rows.rows).toEqual([{ v: '中文' }]);
    await server.stop();
  });

  it('stops a server left running on the data directory before starting', async () => {
    const orphan = await start(dataDir());
    // Start again without stopping: as after a killed run, the first postmaster still owns the directory.
    const server = await start(dataDir());
    expect(isProcessAlive(orphan.pid)).toBe(false);
    expect(server.pid).not.toBe(orphan.pid);
    await expect(withClient(server.url, (c) => c.query('SELECT 1'))).resolves.toBeDefined();
    await server.stop();
  });

  it('removes a stale pid file whose process is gone', async () => {
    const dead = spawnSync('true').pid;
    fs.writeFileSync(path.join(dataDir(), 'postmaster.pid'), `${dead}\n${dataDir()}\n`);
    const server = await start(dataDir());
    expect(readPostmasterPid(dataDir())).toBe(server.pid);
    await server.stop();
  });

  it('refuses a port already in use, naming ZC_PG_PORT', async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(start(dataDir(), port)).rejects.toMatchObject({
        code: 'PORT_IN_USE',
        message: expect.stringContaining('ZC_PG_PORT'),
      });
    } finally {
      blocker.close();
    }
  });

  it('refuses a directory that is not a cluster', async () => {
    const notACluster = path.join(root, 'not-a-cluster');
    fs.mkdirSync(notACluster);
    fs.writeFileSync(path.join(notACluster, 'something'), 'x');
    await expect(start(notACluster)).rejects.toMatchObject({ code: 'DATA_DIR_INVALID' });
  });
});

const asRoot = process.getuid?.() === 0 ? describe : describe.skip;
asRoot('running as root', () => {
  it('runs the server as the postgres OS user', async () => {
    const runAs = ensureRunAsUser();
    expect(runAs?.user).toBe('postgres');
    const server = await start(path.join(root, 'owned'));
    expect(fs.statSync(server.dataDir).uid).toBe(runAs?.uid);
    await server.stop();
  });

  it('detects directories that user cannot reach', () => {
    const privateDir = fs.mkdtempSync(path.join(root, 'private-'));
    fs.chmodSync(privateDir, 0o700);
    expect(canEnter(privateDir, ensureRunAsUser())).toBe(false);
    expect(canEnter(root, ensureRunAsUser())).toBe(true);
  });
});
