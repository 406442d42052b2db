import fs from 'node:fs';
import path from 'node:path';
import type * as DevPostgres from '@zhicheng/dev-postgres';

/**
 * @zhicheng/dev-postgres for the jest global setup. jest loads globalSetup with Node's own require
 * (moduleNameMapper does not apply there), which would pick the package's build, dist/index.js. Like
 * the rest of the test set-up, prefer the sources: jest's transform hook is active while the global
 * setup loads, so requiring the `types` entry (src/index.ts) compiles it. Without that hook (the
 * compiled harness used outside jest), fall back to the build.
 */
export function loadDevPostgres(): typeof DevPostgres {
  const manifestPath = require.resolve('@zhicheng/dev-postgres/package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { types?: string };
  const source = manifest.types ? path.join(path.dirname(manifestPath), manifest.types) : undefined;
  let sourceError: unknown;
  if (source && fs.existsSync(source)) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path chosen at run time
      return require(source) as typeof DevPostgres;
    } catch (error) {
      sourceError = error; // most likely no TypeScript hook here: try the build
    }
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's build
    return require('@zhicheng/dev-postgres') as typeof DevPostgres;
  } catch (error) {
    throw sourceError ?? error;
  }
}
