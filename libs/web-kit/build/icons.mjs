// @ant-design/icons without the whole set (issue 10 item 14). Shared whole through the import map,
// the icons were 0.94 MB (0.19 MB gzipped) on every first page load, for the ~40 icons the
// platform shows. Now:
// - the vendor module "@ant-design/icons" holds only what must exist once per page: the icon
//   base components (AntdIcon, AntdIconLight) with their context, Icon, IconProvider,
//   createFromIconfontCN and the two-tone colour (`iconsVendorEntry`);
// - every other build turns `import { HomeOutlined } from '@ant-design/icons'` into one small
//   module per icon (the icon's SVG definition and a forwardRef onto the shared AntdIcon, as the
//   package's own icons/HomeOutlined.js is written), so a bundle carries only the icons it uses
//   (`iconModules`). A micro-frontend that uses a new icon builds alone, as before.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const ICONS = '@ant-design/icons';
const INDEX = '\0zhicheng-icons';
const ICON = '\0zhicheng-icon:';

const require = createRequire(import.meta.url);
/** The package's `es/` folder (its ES module build). */
const esDir = () => join(dirname(require.resolve(ICONS)), '..', 'es');

/** The vendor entry: the shared part of @ant-design/icons, without the icons themselves. */
export function iconsVendorEntry() {
  const es = esDir();
  const file = (path) => JSON.stringify(join(es, path));
  return [
    `export { getTwoToneColor, setTwoToneColor, createFromIconfontCN, IconProvider, default } from ${file('index.js')};`,
    `export { default as AntdIcon } from ${file('components/AntdIcon.js')};`,
    `export { default as AntdIconLight } from ${file('components/AntdIconLight.js')};`,
    '',
  ].join('\n');
}

let names;
/** Every icon's export name, from the package's own icons/index.js. */
function iconNames() {
  names ??= [
    ...readFileSync(join(esDir(), 'icons', 'index.js'), 'utf8').matchAll(/export \{ default as (\w+) \}/g),
  ].map((match) => match[1]);
  return names;
}

/**
 * Resolves `@ant-design/icons` imported by application code to a module of per-icon re-exports;
 * an icon nobody imports is dropped (each icon module is marked free of side effects).
 * Answers undefined for ids it does not handle.
 * @param {string} id @param {string | undefined} importer
 */
export function resolveIconImport(id, importer) {
  if (id === ICONS) {
    // The per-icon modules and the index take the shared base from the import map.
    if (importer === INDEX || importer?.startsWith(ICON)) return { id: ICONS, external: true };
    return { id: INDEX, moduleSideEffects: false };
  }
  if (id.startsWith(ICON) || id === INDEX) return { id, moduleSideEffects: false };
  return undefined;
}

/** The code of the index or of one icon module; undefined for other ids. */
export function loadIconModule(id) {
  if (id === INDEX) {
    return [
      `export { getTwoToneColor, setTwoToneColor, createFromIconfontCN, IconProvider, default } from '${ICONS}';`,
      ...iconNames().map((name) => `export { default as ${name} } from '${ICON}${name}';`),
      '',
    ].join('\n');
  }
  if (!id.startsWith(ICON)) return undefined;
  const name = id.slice(ICON.length);
  if (!iconNames().includes(name)) throw new Error(`${ICONS} has no icon ${name}`);
  // Two-tone icons use AntdIcon (it reads the two-tone colour); the others the light one.
  const original = readFileSync(join(esDir(), 'icons', `${name}.js`), 'utf8');
  const base = original.includes('components/AntdIconLight') ? 'AntdIconLight' : 'AntdIcon';
  return [
    `import { createElement, forwardRef } from 'react';`,
    `import { ${base} as Base } from '${ICONS}';`,
    `import definition from '@ant-design/icons-svg/es/asn/${name}';`,
    `const ${name} = /*#__PURE__*/ forwardRef((props, ref) => createElement(Base, { ...props, ref, icon: definition }));`,
    `export default ${name};`,
    '',
  ].join('\n');
}
