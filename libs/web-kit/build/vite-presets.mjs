// Vite settings every browser bundle of zhicheng shares: ES module output with the shared ids
// left to the import map, a content-hashed entry file and a manifest.json naming it. The gateway
// reads the manifests to write the import map (see shell/README.md), so deploying one bundle is
// "build it, copy its dist/"; nothing else changes.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadIconModule, resolveIconImport } from './icons.mjs';
import { precompress } from './precompress.mjs';
import { SHARED_MODULES, SHARED_PACKAGES, WEB_KIT } from './shared-modules.mjs';

const SHARED = new Set([...SHARED_MODULES, WEB_KIT]);

/**
 * Leaves every shared id external and fails the build on a sub-path of a shared package that is
 * not itself shared (for example `antd/es/button`), because bundling it would load a second copy.
 * @param {{ bundled?: string[] }} [options] ids this build provides itself (the web kit's own name)
 * @returns {import('vite').Plugin}
 */
export function sharedExternals({ bundled = [] } = {}) {
  const own = new Set(bundled);
  return {
    name: 'zhicheng:shared-externals',
    enforce: 'pre',
    resolveId(id, importer) {
      if (own.has(id)) return null;
      // Icons one by one: only those this bundle imports, on the shared base (./icons.mjs).
      const icon = resolveIconImport(id, importer);
      if (icon) return icon;
      if (SHARED.has(id)) return { id, external: true };
      const pkg = SHARED_PACKAGES.find((name) => id.startsWith(`${name}/`));
      if (pkg) {
        this.error(
          `"${id}" is part of the shared package "${pkg}" but not a shared import-map entry. ` +
            `Import it from "${pkg}" or add it to libs/web-kit/build/shared-modules.mjs.`,
        );
      }
      return null;
    },
    load(id) {
      return loadIconModule(id) ?? null;
    },
  };
}

/**
 * Own CSS must be imported as `./file.css?inline` and injected by defineMicroFrontend (scoped and
 * removed on unmount). A plain CSS import would produce a stylesheet nobody loads, so it fails here.
 * @returns {import('vite').Plugin}
 */
export function noStylesheetFiles() {
  return {
    name: 'zhicheng:no-stylesheet-files',
    generateBundle(_options, bundle) {
      const css = Object.keys(bundle).filter((file) => file.endsWith('.css'));
      if (css.length > 0) {
        this.error(`Stylesheets ${css.join(', ')} would not be loaded: import CSS with "?inline".`);
      }
    },
  };
}

/**
 * Writes `manifest.json` = { name, entry } next to the bundle; `entry` is the hashed entry file.
 * @param {{ name: string }} options the import-map key, e.g. "@zhicheng/unit-audit"
 * @returns {import('vite').Plugin}
 */
export function entryManifest({ name }) {
  return {
    name: 'zhicheng:entry-manifest',
    generateBundle(_options, bundle) {
      const entries = Object.values(bundle).filter((file) => file.type === 'chunk' && file.isEntry);
      if (entries.length !== 1) this.error(`Expected one entry chunk, found ${entries.length}.`);
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: `${JSON.stringify({ name, entry: entries[0].fileName }, null, 2)}\n`,
      });
    },
  };
}

/**
 * Copies graphql-codegen's `src/gql/persisted-documents.json` (hash → document) next to the
 * bundle: the gateway reads it from dist/ to run the documents this bundle sends by hash.
 * @param {string} root the project folder
 * @returns {import('vite').Plugin}
 */
export function persistedDocuments(root) {
  return {
    name: 'zhicheng:persisted-documents',
    generateBundle() {
      const path = resolve(root, 'src', 'gql', 'persisted-documents.json');
      if (!existsSync(path)) return;
      this.emitFile({
        type: 'asset',
        fileName: 'persisted-documents.json',
        source: readFileSync(path, 'utf8'),
      });
    },
  };
}

/** Settings every browser build shares (vendor build included). */
export const browserBuildDefaults = {
  // Library mode leaves process.env.NODE_ENV alone; React and others pick their build from it.
  // Production unless NODE_ENV=development is set (a debugging build with React's warnings).
  define: {
    'process.env.NODE_ENV': JSON.stringify(
      process.env.NODE_ENV === 'development' ? 'development' : 'production',
    ),
  },
  // Always react/jsx-runtime (the shared entry), also in a development build.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
  logLevel: 'warn',
};

/**
 * A Vite library build of one ES module for the import map.
 * @param {{ root: string, name: string, fileName: string, entry?: string, bundled?: string[],
 *           plugins?: import('vite').PluginOption[], emptyOutDir?: boolean }} options
 *   root: the project folder; name: its import-map key; fileName: the entry file's stem.
 * @returns {import('vite').UserConfig}
 */
export function defineModuleConfig({
  root,
  name,
  fileName,
  entry = 'src/main.tsx',
  bundled,
  plugins = [],
  emptyOutDir = true,
}) {
  return {
    ...browserBuildDefaults,
    root,
    publicDir: false,
    plugins: [
      sharedExternals({ bundled }),
      noStylesheetFiles(),
      entryManifest({ name }),
      persistedDocuments(root),
      precompress(),
      ...plugins,
    ],
    build: {
      target: 'es2022',
      outDir: resolve(root, 'dist'),
      emptyOutDir,
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
      lib: { entry: resolve(root, entry), formats: ['es'] },
      rolldownOptions: {
        output: {
          entryFileNames: `${fileName}-[hash].js`,
          chunkFileNames: `${fileName}-chunk-[hash].js`,
        },
      },
    },
  };
}

/**
 * A micro-frontend under frontends/<folder>: import-map key "@zhicheng/<folder>", served by the
 * gateway under /apps/<folder>/.
 * @param {string} root the project folder (import.meta.dirname of its vite.config.mjs)
 */
export function defineMicroFrontendConfig(root) {
  const folder = root.split(/[\\/]/).filter(Boolean).pop();
  return defineModuleConfig({ root, name: `@zhicheng/${folder}`, fileName: folder });
}
