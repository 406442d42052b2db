// Records which processes a launcher run owns, so that after `kill -9` of the launcher (its children
// live on in their own process groups) the next run can stop them before taking their ports.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isProcessAlive } from '@zhicheng/dev-postgres';

export interface RunState {
  readonly launcherPid: number;
  readonly children: readonly { readonly name: string; readonly pid: number; readonly script: string }[];
}

function cmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** True when `pid` is alive and (where /proc exists) still runs `script`, so a recycled pid is left alone. */
function runs(pid: number, script: string): boolean {
  if (!isProcessAlive(pid)) return false;
  const line = cmdline(pid);
  return line === undefined ? process.platform !== 'linux' : line.includes(script);
}

export function writeRunState(file: string, state: RunState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}`;
  fs.writeFileSync(temp, JSON.stringify(state, null, 2));
  fs.renameSync(temp, file);
}

export function clearRunState(file: string): void {
  fs.rmSync(file, { force: true });
}

export type PreviousRun =
  { kind: 'none' } | { kind: 'running'; pid: number } | { kind: 'cleaned'; stopped: string[] };

/**
 * Looks at the state a previous run left. A live launcher means "already running"; a dead one's
 * surviving children are stopped (SIGTERM to their group, SIGKILL after `timeoutMs`).
 */
export async function cleanUpPreviousRun(
  file: string,
  launcherScript: string,
  timeoutMs = 10_000,
): Promise<PreviousRun> {
  let state: RunState;
  try {
    state = JSON.parse(fs.readFileSync(file, 'utf8')) as RunState;
  } catch {
    return { kind: 'none' };
  }
  if (state.launcherPid !== process.pid && runs(state.launcherPid, launcherScript)) {
    return { kind: 'running', pid: state.launcherPid };
  }
  const survivors = state.children.filter((c) => runs(c.pid, c.script));
  const signalGroup = (pid: number, sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // Gone, or not a group leader any more.
    }
  };
  for (const child of survivors) signalGroup(child.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (survivors.some((c) => isProcessAlive(c.pid)) && Date.now() < deadline) await delay(100);
  for (const child of survivors) signalGroup(child.pid, 'SIGKILL');
  // Give the kernel a moment to reap them and free their ports.
  const killDeadline = Date.now() + 5_000;
  while (survivors.some((c) => isProcessAlive(c.pid)) && Date.now() < killDeadline) await delay(50);
  clearRunState(file);
  return { kind: 'cleaned', stopped: survivors.map((c) => `${c.name} (pid ${c.pid})`) };
}
