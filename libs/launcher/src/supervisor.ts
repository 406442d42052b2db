// Starts and stops child processes. Each child gets its own process group (detached), so a Ctrl-C
// in the terminal reaches only the launcher, which then stops children in order; stopping signals
// the whole group so grandchildren go too.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface Managed {
  readonly name: string;
  readonly script: string;
  readonly pid: number;
  /** The last lines the process printed (formatted), for failure messages. */
  readonly tail: readonly string[];
  readonly exited: Promise<ExitInfo>;
  hasExited(): boolean;
}

export interface SpawnRequest {
  readonly name: string;
  readonly script: string;
  readonly args?: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Gets each output line first; return false to keep it off the console (it still enters the tail). */
  readonly onLine?: (line: string) => boolean;
}

export interface SupervisorOptions {
  /** Prints one already-formatted line of a child's output. */
  readonly output: (name: string, line: string, stream: 'stdout' | 'stderr') => void;
  readonly formatLine?: (line: string) => string;
  /** Called whenever the set of live children changes (to record pids for orphan cleanup). */
  readonly onChange?: (children: readonly Managed[]) => void;
  readonly tailLines?: number;
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // Already gone.
  }
}

export class Supervisor {
  private readonly children = new Map<number, Managed & { child: ChildProcess }>();
  private readonly onProcessExit = () => {
    // Last resort when the launcher dies without an orderly stop: nothing async runs in 'exit'.
    for (const managed of this.children.values())
      if (!managed.hasExited()) signalGroup(managed.pid, 'SIGKILL');
  };

  constructor(private readonly options: SupervisorOptions) {
    process.on('exit', this.onProcessExit);
  }

  /** Live children. */
  list(): Managed[] {
    return [...this.children.values()].filter((c) => !c.hasExited());
  }

  spawn(request: SpawnRequest): Managed {
    const child = spawn(process.execPath, [request.script, ...(request.args ?? [])], {
      cwd: request.cwd,
      env: request.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const tail: string[] = [];
    const keep = this.options.tailLines ?? 30;
    const format = this.options.formatLine ?? ((line: string) => line);
    let done = false;
    const exited = new Promise<ExitInfo>((resolve) => {
      child.once('error', (error) => {
        tail.push(`failed to start: ${error.message}`);
        done = true;
        resolve({ code: null, signal: null });
      });
      // 'close' comes after the output streams end, so the tail is complete by then.
      child.once('close', (code, signal) => {
        done = true;
        resolve({ code, signal });
      });
    });
    for (const [stream, name] of [
      [child.stdout, 'stdout'],
      [child.stderr, 'stderr'],
    ] as const) {
      if (!stream) continue;
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (raw) => {
        const show = request.onLine?.(raw) ?? true;
        const line = format(raw);
        for (const part of line.split('\n')) {
          tail.push(part);
          if (tail.length > keep) tail.shift();
          if (show) this.options.output(request.name, part, name);
        }
      });
    }
    const managed = {
      name: request.name,
      script: request.script,
      pid: child.pid ?? -1,
      tail,
      exited,
      child,
      hasExited: () => done,
    };
    if (managed.pid > 0) {
      this.children.set(managed.pid, managed);
      void exited.then(() => {
        this.children.delete(managed.pid);
        this.options.onChange?.(this.list());
      });
      this.options.onChange?.(this.list());
    }
    return managed;
  }

  /** Runs a one-shot script (migrate, seed) to completion. */
  async run(request: SpawnRequest): Promise<{ exit: ExitInfo; managed: Managed }> {
    const managed = this.spawn(request);
    return { exit: await managed.exited, managed };
  }

  /** SIGTERM every child's group, then SIGKILL those still running after `timeoutMs`. */
  async stopAll(timeoutMs: number): Promise<void> {
    const live = this.list();
    for (const managed of live) signalGroup(managed.pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([Promise.all(live.map((m) => m.exited)), timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      const stubborn = this.list();
      for (const managed of stubborn) {
        this.options.output(managed.name, `did not stop within ${timeoutMs} ms; killing it`, 'stderr');
        signalGroup(managed.pid, 'SIGKILL');
      }
      await Promise.all(stubborn.map((m) => m.exited));
    }
    // Grandchildren may outlive a child that exited on SIGTERM; the group kill catches them.
    for (const managed of live) signalGroup(managed.pid, 'SIGKILL');
  }

  /** Immediate SIGKILL of everything (second Ctrl-C). */
  killAll(): void {
    for (const managed of this.list()) signalGroup(managed.pid, 'SIGKILL');
  }

  dispose(): void {
    process.removeListener('exit', this.onProcessExit);
  }
}
