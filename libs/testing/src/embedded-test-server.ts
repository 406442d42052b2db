// The embedded PostgreSQL a test run starts when no server is configured. Each run (each jest
// process running a global setup) gets its own directory and port, so parallel runs — two Nx test
// tasks at once — never share a data directory; runs killed before their teardown are cleaned up
// by the next run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedPostgres } from '@zhicheng/dev-postgres';
import { loadDevPostgres } from './dev-postgres';

const {
  EmbeddedPostgresError,
  findFreePort,
  isPortFree,
  isProcessAlive,
  portFromEnv,
  startEmbeddedPostgres,
  stopOrphanedServer,
  TEST_PORT,
} = loadDevPostgres();

const RUN_PREFIX = 'zhicheng-test-pg-';
const OWNER_FILE = 'owner.json';

interface Owner {
  readonly pid: number;
  readonly startedAt: string;
}

export interface TestServer {
  readonly server: EmbeddedPostgres;
  readonly runDir: string;
}

function readOwner(runDir: string): Owner | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(runDir, OWNER_FILE), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** Stops servers and removes directories of earlier runs whose jest process no longer exists. */
export async function reapDeadRuns(
  parent = os.tmpdir(),
  log: (line: string) => void = () => undefined,
): Promise<string[]> {
  const reaped: string[] = [];
  for (const entry of fs.readdirSync(parent)) {
    if (!entry.startsWith(RUN_PREFIX)) continue;
    const runDir = path.join(parent, entry);
    const owner = readOwner(runDir);
    if (owner ? isProcessAlive(owner.pid) : Date.now() - fs.statSync(runDir).mtimeMs < 60_000) continue;
    try {
      if ((await stopOrphanedServer(path.join(runDir, 'data'), log)) === 'stopped') {
        log(`stopped the test PostgreSQL of a killed run (${runDir})`);
      }
      fs.rmSync(runDir, { recursive: true, force: true });
      reaped.push(runDir);
    } catch (error) {
      // Another run may be reaping the same directory right now; leave it to them.
      log(`could not clean ${runDir}: ${(error as Error).message}`);
    }
  }
  return reaped;
}

/**
 * Starts a throwaway cluster in a fresh directory under the OS temp dir, on ZC_PG_PORT or 5545 when
 * free, else on any free port (another run may hold 5545).
 */
export async function startTestServer(log: (line: string) => void = () => undefined): Promise<TestServer> {
  await reapDeadRuns(os.tmpdir(), log);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), RUN_PREFIX));
  // mkdtemp makes 0700; as root the server runs as the postgres OS user, which must enter it.
  fs.chmodSync(runDir, 0o755);
  const owner: Owner = { pid: process.pid, startedAt: new Date().toISOString() };
  fs.writeFileSync(path.join(runDir, OWNER_FILE), JSON.stringify(owner));

  const preferred = portFromEnv(TEST_PORT);
  let port = (await isPortFree(preferred)) ? preferred : await findFreePort();
  for (let attempt = 1; ; attempt += 1) {
    try {
      const server = await startEmbeddedPostgres({
        dataDir: path.join(runDir, 'data'),
        port,
        ephemeral: true,
        log,
      });
      return { server, runDir };
    } catch (error) {
      // Lost a race for the port to a parallel run: take another one.
      if (error instanceof EmbeddedPostgresError && error.code === 'PORT_IN_USE' && attempt < 5) {
        port = await findFreePort();
        continue;
      }
      fs.rmSync(runDir, { recursive: true, force: true });
      throw error;
    }
  }
}

export async function stopTestServer({ server, runDir }: TestServer): Promise<void> {
  await server.stop();
  fs.rmSync(runDir, { recursive: true, force: true });
}
