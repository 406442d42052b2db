// Builds every shared import-map module in ONE Vite library build. One build (rather than one per
// package) lets Rolldown put code used by several entries (React inside antd, dayjs inside the
// date pickers, ...) into shared chunks, so each library exists exactly once in the browser.
//
// React, react-dom and dayjs ship CommonJS only. An ES module that does `export * from 'react'`
// would have no named exports (a CommonJS module has no static export list), so for those
// packages this plugin generates the entry module itself: it require()s the package at build time,
// reads its export names and writes them out as real ES exports.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseSync } from 'vite';
import { fileSafeName } from '../../libs/web-kit/build/shared-modules.mjs';
import { ICONS, iconsVendorEntry } from '../../libs/web-kit/build/icons.mjs';

const PREFIX = '\0zhicheng-vendor:';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// Names that cannot be bound with `export const { ... }`.
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if implements import in instanceof interface let new null package ' +
    'private protected public return static super switch this throw true try typeof var void while with yield'
  ).split(' '),
);

/**
 * @param {{ modules: string[], sources?: Record<string, string>, urlPrefix: string }} options
 *   modules: the shared ids; sources: where an id's code really comes from; urlPrefix: the URL the
 *   gateway serves the output folder under (for the manifest), e.g. "/vendor/".
 * @returns {import('vite').Plugin}
 */
export function vendorEntries({ modules, sources = {}, urlPrefix }) {
  return {
    name: 'zhicheng:vendor-entries',
    enforce: 'pre',
    config() {
      const input = Object.fromEntries(modules.map((id) => [fileSafeName(id), PREFIX + id]));
      return { build: { rolldownOptions: { input } } };
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const publicId = id.slice(PREFIX.length);
      // The icons' shared base only; bundles carry the icons they use (libs/web-kit/build/icons.mjs).
      if (publicId === ICONS) return iconsVendorEntry();
      const source = sources[publicId] ?? publicId;
      const resolved = await this.resolve(source);
      if (!resolved || resolved.external) this.error(`Cannot resolve shared module "${source}".`);
      const file = resolved.id;
      const { program } = parseSync(file, readFileSync(file, 'utf8'));
      const isEsm = program.body.some((node) => /^(Import|Export)/.test(node.type));
      return isEsm ? esmEntry(file, program) : commonJsEntry(file);
    },
    generateBundle(_options, bundle) {
      const imports = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId?.startsWith(PREFIX)) {
          imports[chunk.facadeModuleId.slice(PREFIX.length)] = urlPrefix + chunk.fileName;
        }
      }
      const missing = modules.filter((id) => !imports[id]);
      if (missing.length > 0) this.error(`No entry chunk for ${missing.join(', ')}.`);
      const sorted = Object.fromEntries(modules.map((id) => [id, imports[id]]));
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: `${JSON.stringify({ imports: sorted }, null, 2)}\n`,
      });
    },
  };
}

/** An ES module package: re-export it, including its default export when it has one. */
function esmEntry(file, program) {
  const hasDefault = program.body.some(
    (node) =>
      node.type === 'ExportDefaultDeclaration' ||
      (node.type === 'ExportNamedDeclaration' &&
        node.specifiers.some((s) => (s.exported.name ?? s.exported.value) === 'default')),
  );
  const target = JSON.stringify(file);
  return `export * from ${target};\n${hasDefault ? `export { default } from ${target};\n` : ''}`;
}

/** A CommonJS package: load it now to learn its export names, then export each one by name. */
function commonJsEntry(file) {
  const exported = createRequire(file)(file);
  const names = Object.keys(exported).filter(
    (name) => IDENTIFIER.test(name) && !RESERVED.has(name) && name !== '__esModule',
  );
  // Transpiled ES modules mark themselves with __esModule; their default is exports.default.
  const esModuleFlag = Boolean(exported.__esModule);
  const target = JSON.stringify(file);
  return [
    `import * as ns from ${target};`,
    `const cjs = ${esModuleFlag ? 'ns' : 'ns.default ?? ns'};`,
    `export default ${esModuleFlag ? 'ns.default' : 'cjs'};`,
    names.length > 0 ? `export const { ${names.join(', ')} } = cjs;` : '',
    '',
  ].join('\n');
}
