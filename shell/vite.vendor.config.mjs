// The shared vendor modules of the import map: shell/dist/vendor/*.js + manifest.json.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { browserBuildDefaults } from '../libs/web-kit/build/vite-presets.mjs';
import { precompress } from '../libs/web-kit/build/precompress.mjs';
import { SHARED_MODULES, VENDOR_SOURCES } from '../libs/web-kit/build/shared-modules.mjs';
import { vendorEntries } from './build/vendor-entries.mjs';

const root = import.meta.dirname;

export default defineConfig({
  ...browserBuildDefaults,
  root,
  publicDir: false,
  plugins: [
    vendorEntries({ modules: SHARED_MODULES, sources: VENDOR_SOURCES, urlPrefix: '/vendor/' }),
    precompress(),
  ],
  build: {
    target: 'es2022',
    outDir: resolve(root, 'dist/vendor'),
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    reportCompressedSize: false,
    // antd (~1.4 MB) and @ant-design/icons (~0.9 MB) are whole by design: every app shares them.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // Keep each entry's exports exactly as generated, even when another entry imports it.
      preserveEntrySignatures: 'strict',
      // antd marks files "use client" for React Server Components; meaningless in this bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: { entryFileNames: '[name]-[hash].js', chunkFileNames: 'chunk-[name]-[hash].js' },
    },
  },
});
