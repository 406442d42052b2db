import fs from 'node:fs';
import path from 'node:path';
import { EmbeddedPostgresError } from './errors';
import { isProcessAlive, signal, waitForExit } from './processes';

export type OrphanOutcome = 'none' | 'stale-pid-file-removed' | 'stopped';

/** The postmaster's pid from `<dataDir>/postmaster.pid` (first line), if the file exists. */
export function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const first = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number(first.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when `pid` is a PostgreSQL postmaster serving `dataDir`. The postmaster changes into its data
 * directory, so /proc/<pid>/cwd identifies it; this keeps a recycled pid (say, the system's own
 * PostgreSQL service) from being mistaken for our orphan.
 */
export function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!isProcessAlive(pid)) return false;
  if (process.platform !== 'linux') return true;
  try {
    return fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(dataDir);
  } catch {
    return false;
  }
}

/**
 * Stops a server left running on `dataDir` by a run that was killed (its postmaster outlives the
 * parent), or removes a stale pid file whose process is gone. Uses the fast-shutdown signal (SIGINT):
 * SIGTERM ("smart") would wait for clients that may be orphans too.
 */
export async function stopOrphanedServer(
  dataDir: string,
  log: (line: string) => void = () => undefined,
): Promise<OrphanOutcome> {
  const pid = readPostmasterPid(dataDir);
  if (pid === undefined) return 'none';
  if (!isPostmasterOf(pid, dataDir)) {
    log(`removing stale postmaster.pid (process ${pid} is gone)`);
    fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
    return 'stale-pid-file-removed';
  }
  log(`stopping PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`);
  for (const [sig, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    signal(pid, sig);
    if (await waitForExit(pid, waitMs)) {
      // After SIGQUIT/SIGKILL the file stays behind; its process is gone, so it is stale.
      fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
      return 'stopped';
    }
  }
  throw new EmbeddedPostgresError(
    'ORPHAN_STOP_FAILED',
    `could not stop PostgreSQL (pid ${pid}) on ${dataDir}`,
  );
}
