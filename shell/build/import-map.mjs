// The reference implementation of the import-map contract in shell/README.md: which manifest
// gives which import-map entry under which URL prefix. The preview server uses it; the gateway
// implements the same rules.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const IMPORT_MAP_PLACEHOLDER = '/*IMPORT_MAP*/';

/** Where each kind of bundle is served from, relative to the workspace root. */
export function staticRoots(workspaceRoot) {
  const roots = [
    { prefix: '/vendor/', dir: join(workspaceRoot, 'shell/dist/vendor') },
    { prefix: '/shell/', dir: join(workspaceRoot, 'shell/dist') },
    { prefix: '/web-kit/', dir: join(workspaceRoot, 'libs/web-kit/dist') },
  ];
  for (const folder of microFrontendFolders(workspaceRoot)) {
    roots.push({ prefix: `/apps/${folder}/`, dir: join(workspaceRoot, 'frontends', folder, 'dist') });
  }
  return roots;
}

function microFrontendFolders(workspaceRoot) {
  const frontends = join(workspaceRoot, 'frontends');
  if (!existsSync(frontends)) return [];
  return readdirSync(frontends, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(frontends, entry.name, 'dist/manifest.json')))
    .map((entry) => entry.name)
    .sort();
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Merges the manifests into { imports }; missing optional bundles are simply left out. */
export function buildImportMap(workspaceRoot) {
  const imports = { ...readJson(join(workspaceRoot, 'shell/dist/vendor/manifest.json')).imports };
  const add = (manifestFile, prefix) => {
    if (!existsSync(manifestFile)) return;
    const { name, entry } = readJson(manifestFile);
    imports[name] = prefix + entry;
  };
  add(join(workspaceRoot, 'libs/web-kit/dist/manifest.json'), '/web-kit/');
  add(join(workspaceRoot, 'shell/dist/manifest.json'), '/shell/');
  for (const folder of microFrontendFolders(workspaceRoot)) {
    add(join(workspaceRoot, 'frontends', folder, 'dist/manifest.json'), `/apps/${folder}/`);
  }
  return { imports };
}

/** index.html with the import map in place; "<" is escaped so no value can close the script. */
export function renderIndexHtml(workspaceRoot) {
  const html = readFileSync(join(workspaceRoot, 'shell/dist/index.html'), 'utf8');
  const json = JSON.stringify(buildImportMap(workspaceRoot)).replace(/</g, '\\u003c');
  return html.replace(IMPORT_MAP_PLACEHOLDER, () => json);
}
