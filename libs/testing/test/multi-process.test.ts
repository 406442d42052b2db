// Runs the global setup the way Nx does when two test tasks run at once: in separate jest processes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive, readPostmasterPid } from '@zhicheng/dev-postgres';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../../..');
const jestBin = require.resolve('jest/bin/jest');
const fixtureConfig = path.join(__dirname, 'fixtures/jest.config.cjs');

interface Report {
  serverUrl: string;
  runDir: string;
  db: string;
}

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-testing-multi-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function runFixture(
  name: string,
  holdMs: number,
): { child: ChildProcess; out: string; done: Promise<{ code: number | null; output: string }> } {
  const out = path.join(scratch, `${name}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, ZC_PROBE_OUT: out, ZC_PROBE_HOLD_MS: String(holdMs) };
  // Force each run to start its own embedded server, as a fresh machine would.
  for (const key of [
    'ZC_TEST_PG_URL',
    'ZC_TEST_PG_RUN_DIR',
    'TEST_DATABASE_URL',
    'DATABASE_URL',
    'JEST_WORKER_ID',
  ])
    delete env[key];
  const child = spawn(process.execPath, [jestBin, '--config', fixtureConfig, '--runInBand', '--ci'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
  return { child, out, done };
}

function readReport(file: string): Report {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('two runs at once each get their own server, and both clean up', async () => {
  const a = runFixture('a', 2_000);
  const b = runFixture('b', 2_000);
  const [ra, rb] = await Promise.all([a.done, b.done]);
  expect(ra).toMatchObject({ code: 0 });
  expect(rb).toMatchObject({ code: 0 });

  const [reportA, reportB] = [readReport(a.out), readReport(b.out)];
  expect(reportA.runDir).not.toBe(reportB.runDir);
  expect(new URL(reportA.serverUrl).port).not.toBe(new URL(reportB.serverUrl).port);
  expect(fs.existsSync(reportA.runDir)).toBe(false);
  expect(fs.existsSync(reportB.runDir)).toBe(false);
});

it('a run killed with SIGKILL is cleaned up by the next run', async () => {
  const killed = runFixture('killed', 600_000);
  await waitForFile(killed.out, 120_000);
  const { runDir } = readReport(killed.out);
  const postmaster = readPostmasterPid(path.join(runDir, 'data'));
  expect(postmaster).toBeDefined();

  killed.child.kill('SIGKILL');
  await killed.done;
  // The server outlives its jest process: that is the orphan the next run must deal with.
  expect(isProcessAlive(postmaster ?? -1)).toBe(true);

  const next = runFixture('next', 0);
  expect(await next.done).toMatchObject({ code: 0 });
  expect(isProcessAlive(postmaster ?? -1)).toBe(false);
  expect(fs.existsSync(runDir)).toBe(false);
});
