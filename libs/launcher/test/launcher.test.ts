import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, isProcessAlive, withClient } from '@zhicheng/dev-postgres';
import { runLauncher, writeRunState, type LauncherOptions, type ServiceSpec } from '../src';

jest.setTimeout(120_000);

// A stand-in service: serves /health/ready, records its environment, and misbehaves on request
// (FAKE_<NAME>=crash | never-ready | ignore-term).
const FAKE_MAIN = `
const http = require('node:http');
const fs = require('node:fs');
const name = process.argv[2] || require('node:path').basename(require('node:path').dirname(__dirname));
const mode = process.env['FAKE_' + name.toUpperCase()] || '';
fs.writeFileSync(process.env.FAKE_OUT + '/' + name + '.env.json', JSON.stringify(process.env));
fs.writeFileSync(process.env.FAKE_OUT + '/' + name + '.pid', String(process.pid));
console.log(JSON.stringify({ level: 30, msg: 'starting', service: name }));
const server = http.createServer((req, res) => {
  res.statusCode = mode === 'never-ready' ? 503 : 200;
  res.end('ok');
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(name + ' listening on ' + process.env.PORT);
  if (mode === 'crash') setTimeout(() => { console.error(name + ' is about to crash'); process.exit(3); }, 1000);
});
process.on('SIGTERM', () => {
  if (mode === 'ignore-term') { console.log('ignoring SIGTERM'); return; }
  server.close(() => process.exit(0));
});
`;

let root: string;
let outDir: string;

function writeScript(dir: string, file: string, body: string): void {
  fs.mkdirSync(path.join(root, dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, dir, 'dist', file), body);
}

async function services(): Promise<{ subgraphs: ServiceSpec[]; gateway: ServiceSpec }> {
  return {
    subgraphs: [
      { name: 'alpha', dir: 'subgraphs/alpha', port: await findFreePort() },
      { name: 'beta', dir: 'subgraphs/beta', port: await findFreePort() },
    ],
    gateway: { name: 'gateway', dir: 'gateway', port: await findFreePort() },
  };
}

interface Run {
  code: Promise<number>;
  stop: AbortController;
  lines: string[];
  waitFor(text: string): Promise<void>;
}

function launch(
  extra: Partial<LauncherOptions> & Pick<LauncherOptions, 'subgraphs' | 'gateway'>,
  env: NodeJS.ProcessEnv = {},
): Run {
  const stop = new AbortController();
  const lines: string[] = [];
  const code = runLauncher({
    root,
    env: { ...process.env, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none', FAKE_OUT: outDir, ...env },
    stop: stop.signal,
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    readyTimeoutMs: 20_000,
    stopTimeoutMs: 3_000,
    ...extra,
  });
  return {
    code,
    stop,
    lines,
    waitFor: async (text) => {
      const deadline = Date.now() + 30_000;
      while (!lines.some((l) => l.includes(text))) {
        if (Date.now() > deadline) throw new Error(`"${text}" not printed; got:\n${lines.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

function envOf(name: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(outDir, `${name}.env.json`), 'utf8')) as Record<string, string>;
}

/** Pids the fake services recorded (alpha and the gateway are the ones that get built). */
function servicePids(): number[] {
  return ['alpha', 'gateway']
    .map((name) => path.join(outDir, `${name}.pid`))
    .filter((file) => fs.existsSync(file))
    .map((file) => Number(fs.readFileSync(file, 'utf8')));
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-launcher-test-'));
  fs.chmodSync(root, 0o755);
  outDir = path.join(root, 'out');
  fs.mkdirSync(outDir);
  writeScript('subgraphs/alpha', 'main.js', FAKE_MAIN);
  writeScript('subgraphs/alpha', 'migrate.js', "console.log('alpha: applied 2 migrations');");
  writeScript(
    'subgraphs/alpha',
    'seed.js',
    "console.log('seeding'); console.log('DEMO\\t申报人\\t110101199003071233\\tZc@demo2026\\t张三\\t'); console.log('DEMO\\t法人\\t91350100M000100Y43\\tZc@demo2026\\t示例单位\\t已激活');",
  );
  writeScript('gateway', 'main.js', FAKE_MAIN);
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

it('migrates, seeds, starts everything, prints one URL and the demo table, and stops cleanly', async () => {
  const specs = await services();
  const run = launch(specs, { PUBLIC_URL: '' });
  await run.waitFor('zhicheng is running at');
  const url = `http://localhost:${specs.gateway.port}`;
  expect(run.lines).toContain(`zhicheng is running at ${url}`);
  expect(run.lines.some((l) => l.includes('[alpha]') && l.includes('alpha: applied 2 migrations'))).toBe(
    true,
  );
  expect(
    run.lines.some((l) => l.includes('skipping beta: subgraphs/beta/dist/main.js is not built yet')),
  ).toBe(true);
  // pino lines are summarised; DEMO lines go to the table only.
  expect(run.lines.some((l) => l.endsWith('INFO starting'))).toBe(true);
  expect(run.lines.filter((l) => l.includes('DEMO'))).toEqual([]);
  const table = run.lines.slice(run.lines.indexOf('Demo accounts:'));
  expect(table[1]).toMatch(/^ {2}角色 role {2}账号 account/);
  expect(table[3]).toMatch(/^ {2}申报人 +110101199003071233 +Zc@demo2026 +张三$/);
  expect(table[4]).toMatch(/示例单位 +已激活$/);

  const alpha = envOf('alpha');
  expect(alpha).toMatchObject({
    PORT: String(specs.subgraphs[0].port),
    DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none',
    NODE_ENV: 'development',
    PUBLIC_URL: url,
    IDENTITY_JWKS_URL: `http://127.0.0.1:${specs.subgraphs[0].port}/.well-known/jwks.json`,
  });
  // identity's data key: generated once, kept owner-only under .data, the same on every start.
  const keyFile = path.join(root, '.data', 'identity-data-key');
  expect(Buffer.from(alpha.IDENTITY_DATA_KEY, 'base64')).toHaveLength(32);
  expect(fs.readFileSync(keyFile, 'utf8').trim()).toBe(alpha.IDENTITY_DATA_KEY);
  expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
  const gateway = envOf('gateway');
  expect(JSON.parse(gateway.SUBGRAPH_URLS)).toEqual({
    alpha: `http://127.0.0.1:${specs.subgraphs[0].port}/graphql`,
  });
  expect(gateway.PORT).toBe(String(specs.gateway.port));
  expect(fs.existsSync(path.join(root, '.data', 'launcher-state.json'))).toBe(true);

  const pids = servicePids();
  expect(pids).toHaveLength(2);
  run.stop.abort();
  await expect(run.code).resolves.toBe(0);
  for (const pid of pids) expect(isProcessAlive(pid)).toBe(false);
  expect(fs.existsSync(path.join(root, '.data', 'launcher-state.json'))).toBe(false);
});

it('stops everything and exits non-zero with the last lines when a child dies', async () => {
  const specs = await services();
  const run = launch(specs, { FAKE_ALPHA: 'crash' });
  await expect(run.code).resolves.toBe(1);
  const text = run.lines.join('\n');
  expect(text).toMatch(/alpha exited unexpectedly \(exit code 3\)/);
  expect(text).toMatch(/last lines:\n(.*\n)*.*alpha is about to crash/);
  for (const pid of servicePids()) expect(isProcessAlive(pid)).toBe(false);
});

it('names the process that never becomes ready, with its last lines', async () => {
  const specs = await services();
  const run = launch({ ...specs, readyTimeoutMs: 1_500 }, { FAKE_GATEWAY: 'never-ready' });
  await expect(run.code).resolves.toBe(1);
  const text = run.lines.join('\n');
  expect(text).toContain(`gateway (port ${specs.gateway.port}) not ready after 2 s (answered 503)`);
  expect(text).toMatch(/last lines:\n(.*\n)*.*gateway listening on/);
  for (const pid of servicePids()) expect(isProcessAlive(pid)).toBe(false);
});

it('kills a child that ignores SIGTERM', async () => {
  const specs = await services();
  const run = launch({ ...specs, stopTimeoutMs: 500 }, { FAKE_ALPHA: 'ignore-term' });
  await run.waitFor('zhicheng is running at');
  const pids = servicePids();
  run.stop.abort();
  await expect(run.code).resolves.toBe(0);
  expect(run.lines.some((l) => l.includes('did not stop within 500 ms; killing it'))).toBe(true);
  for (const pid of pids) expect(isProcessAlive(pid)).toBe(false);
});

it('fails with the output of a failed migration', async () => {
  const specs = await services();
  writeScript(
    'subgraphs/alpha',
    'migrate.js',
    'console.error(\'relation "x" already exists\'); process.exit(2);',
  );
  const run = launch(specs);
  await expect(run.code).resolves.toBe(1);
  const text = run.lines.join('\n');
  expect(text).toContain('alpha migrate failed (exit code 2)');
  expect(text).toContain('relation "x" already exists');
});

it('stops the children of a killed earlier run before starting', async () => {
  const specs = await services();
  const script = path.join(root, 'subgraphs', 'alpha', 'dist', 'main.js');
  const orphan = spawn(process.execPath, [script, 'orphan'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(specs.subgraphs[0].port), FAKE_OUT: outDir },
  });
  orphan.unref();
  const deadLauncher = spawn('true').pid ?? 1;
  writeRunState(path.join(root, '.data', 'launcher-state.json'), {
    launcherPid: deadLauncher,
    children: [{ name: 'alpha', pid: orphan.pid ?? -1, script }],
  });
  await new Promise((resolve) => setTimeout(resolve, 300));

  const run = launch(specs);
  await run.waitFor('zhicheng is running at');
  expect(
    run.lines.some((l) => l.includes(`stopped processes left by a killed run: alpha (pid ${orphan.pid})`)),
  ).toBe(true);
  expect(isProcessAlive(orphan.pid ?? -1)).toBe(false);
  run.stop.abort();
  await expect(run.code).resolves.toBe(0);
});

it('refuses to start while another launcher runs, leaving its state alone', async () => {
  const specs = await services();
  const first = launch(specs);
  await first.waitFor('zhicheng is running at');
  const stateFile = path.join(root, '.data', 'launcher-state.json');
  // The state names this process; make the check see it as a running launcher.
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { launcherPid: number };
  const impostor = spawn(
    process.execPath,
    ['-e', 'setInterval(() => {}, 1000)', path.join(root, 'libs/launcher/dist/main.js')],
    {
      stdio: 'ignore',
    },
  );
  fs.writeFileSync(stateFile, JSON.stringify({ ...state, launcherPid: impostor.pid }));
  try {
    const second = launch(specs);
    await expect(second.code).resolves.toBe(1);
    expect(second.lines.join('\n')).toContain(`zhicheng is already running (launcher pid ${impostor.pid})`);
    expect(fs.existsSync(stateFile)).toBe(true);
  } finally {
    impostor.kill('SIGKILL');
    first.stop.abort();
    await first.code;
  }
});

it('starts the embedded PostgreSQL and creates the zhicheng database when DATABASE_URL is unset', async () => {
  const specs = await services();
  const run = launch(specs, {
    DATABASE_URL: '',
    ZC_PG_PORT: String(await findFreePort()),
    ZC_PG_DATA: path.join(root, 'pg'),
  });
  await run.waitFor('zhicheng is running at');
  const databaseUrl = envOf('alpha').DATABASE_URL;
  expect(databaseUrl).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/zhicheng$/);
  await expect(withClient(databaseUrl, (c) => c.query('SELECT current_database()'))).resolves.toBeDefined();
  expect(run.lines.some((l) => l.includes('[postgres]') && l.includes('ready to accept connections'))).toBe(
    true,
  );
  run.stop.abort();
  await expect(run.code).resolves.toBe(0);
  await expect(withClient(databaseUrl, (c) => c.query('SELECT 1'))).rejects.toThrow();
});
