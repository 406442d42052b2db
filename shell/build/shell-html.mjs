// Emits dist/index.html from src/index.html. The import map in it stays a placeholder: the gateway
// fills it at serve time from the deployed manifests (shell/README.md), so redeploying one
// micro-frontend never rebuilds the shell.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_MAP_PLACEHOLDER } from './import-map.mjs';

/** @param {{ root: string }} options @returns {import('vite').Plugin} */
export function shellHtml({ root }) {
  return {
    name: 'zhicheng:shell-html',
    buildStart() {
      // dist/vendor belongs to the vendor build; clear only what this build writes.
      const dist = join(root, 'dist');
      for (const entry of safeReaddir(dist)) {
        if (entry !== 'vendor') rmSync(join(dist, entry), { recursive: true, force: true });
      }
    },
    generateBundle() {
      const html = readFileSync(join(root, 'src/index.html'), 'utf8');
      if (!html.includes(`<script type="importmap">${IMPORT_MAP_PLACEHOLDER}</script>`)) {
        this.error('src/index.html must contain <script type="importmap">/*IMPORT_MAP*/</script>.');
      }
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
    },
  };
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
