// The shell's root-config module: shell/dist/shell-<hash>.js + manifest.json + index.html.
// (The shared vendor modules are a second build: vite.vendor.config.mjs.)
import { defineConfig } from 'vite';
import { defineModuleConfig } from '../libs/web-kit/build/vite-presets.mjs';
import { shellHtml } from './build/shell-html.mjs';

const root = import.meta.dirname;

export default defineConfig(
  defineModuleConfig({
    root,
    name: '@zhicheng/shell',
    fileName: 'shell',
    entry: 'src/main.tsx',
    emptyOutDir: false,
    plugins: [shellHtml({ root })],
  }),
);
