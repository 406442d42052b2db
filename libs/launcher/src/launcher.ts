// `npm start`: a database, every built subgraph (migrated and seeded), the gateway, one URL.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEV_PORT,
  EmbeddedPostgresError,
  ensureDatabase,
  isPortFree,
  portFromEnv,
  redact,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type StartOptions,
} from '@zhicheng/dev-postgres';
import { DEMO_HEADERS, formatLogLine, formatTable, makePrefixer, parseDemoLine } from './format';
import { waitForReady } from './health';
import { GATEWAY, JWKS_OWNER, SUBGRAPHS, type ServiceSpec } from './processes';
import { cleanUpPreviousRun, clearRunState, writeRunState } from './run-state';
import { Supervisor, type Managed } from './supervisor';

export interface LauncherOptions {
  /** Repository root (holds subgraphs/, gateway/, .data/). */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C / SIGTERM: stop in order. */
  readonly stop: AbortSignal;
  /** Aborted on a second Ctrl-C: kill everything now. */
  readonly force?: AbortSignal;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  readonly subgraphs?: readonly ServiceSpec[];
  readonly gateway?: ServiceSpec;
  readonly readyTimeoutMs?: number;
  readonly stopTimeoutMs?: number;
  /** Replaces the embedded server (tests). */
  readonly startPostgres?: (options: StartOptions) => Promise<EmbeddedPostgres>;
}

class LaunchFailure extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new LaunchFailure(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Runs everything until stopped or until something fails; resolves with the process exit code. */
export async function runLauncher(options: LauncherOptions): Promise<number> {
  const { root, env } = options;
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const subgraphs = options.subgraphs ?? SUBGRAPHS;
  const colour = Boolean(process.stdout.isTTY) && !env.NO_COLOR;
  const prefix = makePrefixer(['launcher', 'postgres', ...subgraphs.map((s) => s.name), 'gateway'], colour);
  const note = (line: string) => out(`${prefix('launcher')} ${line}`);
  const stateFile = path.join(root, '.data', 'launcher-state.json');
  const launcherScript = path.join(root, 'libs', 'launcher', 'dist', 'main.js');

  let postgres: EmbeddedPostgres | undefined;
  // Set once this run has claimed the state file; a run refused as a duplicate must not clear it.
  let ownsState = false;
  const supervisor = new Supervisor({
    output: (name, line, stream) => (stream === 'stderr' ? err : out)(`${prefix(name)} ${line}`),
    formatLine: env.ZC_RAW_LOGS ? undefined : formatLogLine,
    onChange: (children) => {
      if (!ownsState) return;
      writeRunState(stateFile, {
        launcherPid: process.pid,
        children: children.map(({ name, pid, script }) => ({ name, pid, script })),
      });
    },
  });
  const onForce = () => {
    err(`${prefix('launcher')} killing everything now`);
    supervisor.killAll();
  };
  options.force?.addEventListener('abort', onForce, { once: true });

  const checkStop = () => {
    if (options.stop.aborted) throw new LaunchFailure('stopped');
  };

  try {
    // 0. A previous run killed with SIGKILL leaves its children running.
    const previous = await cleanUpPreviousRun(stateFile, launcherScript);
    if (previous.kind === 'running') {
      throw new LaunchFailure(`zhicheng is already running (launcher pid ${previous.pid}); stop it first`);
    }
    if (previous.kind === 'cleaned' && previous.stopped.length > 0) {
      note(`stopped processes left by a killed run: ${previous.stopped.join(', ')}`);
    }
    // Claim the run before touching the database, so a second launcher refuses instead of taking
    // our PostgreSQL for an orphan.
    ownsState = true;
    writeRunState(stateFile, { launcherPid: process.pid, children: [] });

    const gateway: ServiceSpec = options.gateway ?? {
      ...GATEWAY,
      port: envNumber(env, 'ZC_PORT', GATEWAY.port),
    };
    const publicUrl = env.PUBLIC_URL || `http://localhost:${gateway.port}`;
    const readyTimeoutMs = options.readyTimeoutMs ?? envNumber(env, 'ZC_READY_TIMEOUT_MS', 90_000);

    // 1. The database.
    let databaseUrl = env.DATABASE_URL;
    if (databaseUrl) {
      note(`using DATABASE_URL ${redact(databaseUrl)}`);
    } else {
      postgres = await startDevPostgres(options, prefix, out, note);
      checkStop();
      databaseUrl = await ensureDatabase(postgres.url, 'zhicheng');
      note(`PostgreSQL ${redact(databaseUrl)} (data in ${postgres.dataDir})`);
    }

    // 2. Subgraphs: migrate, seed, start.
    const present = subgraphs.filter((s) => {
      const built = fs.existsSync(path.join(root, s.dir, 'dist', 'main.js'));
      if (!built) note(`skipping ${s.name}: ${s.dir}/dist/main.js is not built yet`);
      return built;
    });
    const gatewayBuilt = fs.existsSync(path.join(root, gateway.dir, 'dist', 'main.js'));
    if (!gatewayBuilt) note(`skipping gateway: ${gateway.dir}/dist/main.js is not built yet`);

    for (const spec of [...present, ...(gatewayBuilt ? [gateway] : [])]) {
      if (!(await isPortFree(spec.port))) {
        throw new LaunchFailure(
          `port ${spec.port} for ${spec.name} is already in use; stop whatever listens there`,
        );
      }
    }

    const jwksOwner = subgraphs.find((s) => s.name === JWKS_OWNER) ?? subgraphs[0];
    const jwksUrl =
      env.IDENTITY_JWKS_URL || `http://127.0.0.1:${jwksOwner?.port ?? 4101}/.well-known/jwks.json`;
    const baseEnv = {
      ...env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'development',
      PUBLIC_URL: publicUrl,
      IDENTITY_DATA_KEY: env.IDENTITY_DATA_KEY || developmentDataKey(root),
      // Webhook receivers on this machine (http://127.0.0.1:…) for trying webhooks by hand;
      // production refuses the setting (docs/operations.md).
      WEBHOOK_ALLOW_LOOPBACK: env.WEBHOOK_ALLOW_LOOPBACK || 'true',
    };
    const demoRows: string[][] = [];
    const services: { spec: ServiceSpec; managed: Managed }[] = [];

    for (const spec of present) {
      const dist = path.join(root, spec.dir, 'dist');
      for (const step of ['migrate', 'seed']) {
        const script = path.join(dist, `${step}.js`);
        if (!fs.existsSync(script)) {
          note(`${spec.name}: no ${step} script yet`);
          continue;
        }
        checkStop();
        const run = supervisor.run({
          name: spec.name,
          script,
          cwd: root,
          env: baseEnv,
          onLine: (line) => {
            const row = step === 'seed' ? parseDemoLine(line) : undefined;
            if (row) demoRows.push(row);
            return !row;
          },
        });
        // Ctrl-C during a long migration must not wait for it: the finally block kills it.
        const finished = await Promise.race([run, aborted(options.stop).then(() => undefined)]);
        if (!finished) throw new LaunchFailure('stopped');
        const { exit, managed } = finished;
        if (exit.code !== 0) {
          throw new LaunchFailure(`${spec.name} ${step} failed (${describeExit(exit)})`, managed.tail);
        }
      }
      const managed = supervisor.spawn({
        name: spec.name,
        script: path.join(dist, 'main.js'),
        cwd: root,
        env: { ...baseEnv, PORT: String(spec.port), IDENTITY_JWKS_URL: jwksUrl },
      });
      services.push({ spec, managed });
    }

    // 3. The gateway.
    if (gatewayBuilt) {
      const subgraphUrls = Object.fromEntries(
        present.map((s) => [s.name, `http://127.0.0.1:${s.port}/graphql`]),
      );
      const managed = supervisor.spawn({
        name: gateway.name,
        script: path.join(root, gateway.dir, 'dist', 'main.js'),
        cwd: root,
        env: {
          ...baseEnv,
          PORT: String(gateway.port),
          SUBGRAPH_URLS: JSON.stringify(subgraphUrls),
          IDENTITY_JWKS_URL: jwksUrl,
        },
      });
      services.push({ spec: gateway, managed });
    }

    // 4. Ready?
    const problems = await Promise.all(
      services.map(async ({ spec, managed }) => {
        const problem = await waitForReady(`http://127.0.0.1:${spec.port}/health/ready`, {
          timeoutMs: readyTimeoutMs,
          giveUp: () =>
            options.stop.aborted ? 'stopping' : managed.hasExited() ? 'exited during start-up' : undefined,
        });
        return problem ? { spec, managed, problem } : undefined;
      }),
    );
    checkStop();
    const failed = problems.find((p) => p !== undefined);
    if (failed) {
      throw new LaunchFailure(
        `${failed.spec.name} (port ${failed.spec.port}) ${failed.problem}`,
        failed.managed.tail,
      );
    }

    // 4b. Work a subgraph does once everything is up (review: the demo season's decisions).
    for (const spec of present) {
      const script = path.join(root, spec.dir, 'dist', 'after-start.js');
      if (!fs.existsSync(script)) continue;
      const run = supervisor.run({ name: spec.name, script, cwd: root, env: baseEnv });
      const finished = await Promise.race([run, aborted(options.stop).then(() => undefined)]);
      if (!finished) throw new LaunchFailure('stopped');
      if (finished.exit.code !== 0)
        throw new LaunchFailure(
          `${spec.name} after-start failed (${describeExit(finished.exit)})`,
          finished.managed.tail,
        );
    }

    if (gatewayBuilt) {
      out(`zhicheng is running at ${publicUrl}`);
    } else {
      out(
        `zhicheng would run at ${publicUrl}, but the gateway is not built (npx nx run-many -t build); Ctrl-C stops`,
      );
    }
    if (demoRows.length > 0) {
      out('');
      out('Demo accounts:');
      for (const line of formatTable(DEMO_HEADERS, demoRows)) out(`  ${line}`);
    }

    // 5. Run until stopped or until a child dies.
    const firstExit = Promise.race(
      services.map(({ spec, managed }) => managed.exited.then((exit) => ({ spec, managed, exit }))),
    );
    const outcome = await Promise.race([aborted(options.stop).then(() => undefined), firstExit]);
    if (outcome) {
      throw new LaunchFailure(
        `${outcome.spec.name} exited unexpectedly (${describeExit(outcome.exit)})`,
        outcome.managed.tail,
      );
    }
    note('stopping…');
    return 0;
  } catch (error) {
    if (error instanceof LaunchFailure && error.message === 'stopped') {
      note('stopping…');
      return 0;
    }
    const failure =
      error instanceof LaunchFailure ? error : new LaunchFailure((error as Error).stack ?? String(error));
    err(`${prefix('launcher')} ✖ ${failure.message}`);
    if (failure.details.length > 0) {
      err(`${prefix('launcher')} last lines:`);
      for (const line of failure.details) err(`    ${line}`);
    }
    return 1;
  } finally {
    await supervisor.stopAll(options.stopTimeoutMs ?? 10_000);
    supervisor.dispose();
    options.force?.removeEventListener('abort', onForce);
    if (postgres) await postgres.stop();
    if (ownsState) clearRunState(stateFile);
  }
}

function describeExit(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

/**
 * The embedded server in `.data/postgres` (ZC_PG_DATA overrides). When the OS user PostgreSQL runs as
 * cannot reach the checkout (a clone under /root), falls back to a per-checkout directory in the OS
 * temp dir.
 */
async function startDevPostgres(
  options: LauncherOptions,
  prefix: (name: string) => string,
  out: (line: string) => void,
  note: (line: string) => void,
): Promise<EmbeddedPostgres> {
  const start = options.startPostgres ?? startEmbeddedPostgres;
  const { env, root } = options;
  const port = portFromEnv(DEV_PORT, env);
  const log = (line: string) => out(`${prefix('postgres')} ${line}`);
  const dataDir = env.ZC_PG_DATA || path.join(root, '.data', 'postgres');
  note(`starting PostgreSQL on 127.0.0.1:${port}`);
  try {
    return await start({ dataDir, port, log, detached: true });
  } catch (error) {
    if (
      !(error instanceof EmbeddedPostgresError) ||
      error.code !== 'DATA_DIR_UNREACHABLE' ||
      env.ZC_PG_DATA
    ) {
      throw error;
    }
    const hash = createHash('sha256').update(root).digest('hex').slice(0, 12);
    const fallback = path.join(os.tmpdir(), `zhicheng-dev-${hash}`, 'postgres');
    note(
      `${path.dirname(dataDir)} is not reachable by the postgres OS user; keeping data in ${fallback} instead`,
    );
    return start({ dataDir: fallback, port, log, detached: true });
  }
}

/**
 * identity seals its signing key with IDENTITY_DATA_KEY; `npm start` keeps a generated one next
 * to the embedded database (.data/identity-data-key, owner-only), so restarts can open what the
 * previous run sealed. Production sets the variable itself (identity refuses to start without it).
 */
function developmentDataKey(root: string): string {
  const file = path.join(root, '.data', 'identity-data-key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = randomBytes(32).toString('base64');
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
    return key;
  }
}
