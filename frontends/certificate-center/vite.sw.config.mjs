// The /verify page's service worker: one classic script at a fixed name, dist/verify-sw.js (the
// page registers it by name; the gateway serves it from the root, see src/sw/verify-sw.ts).
// Runs after the app's build, which empties dist/.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { browserBuildDefaults } from '../../libs/web-kit/build/vite-presets.mjs';

const root = import.meta.dirname;

export default defineConfig({
  ...browserBuildDefaults,
  root,
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: resolve(root, 'src/sw/verify-sw.ts'),
      formats: ['iife'],
      name: 'zhichengVerifyServiceWorker',
      fileName: () => 'verify-sw.js',
    },
  },
});
