// The web kit as one ES module for the import map: libs/web-kit/dist/web-kit-<hash>.js + manifest.json,
// served by the gateway under /web-kit/. urql and graphql-ws are bundled here (and nowhere else).
import { defineConfig } from 'vite';
import { defineModuleConfig } from './build/vite-presets.mjs';

export default defineConfig(
  defineModuleConfig({
    root: import.meta.dirname,
    name: '@zhicheng/web-kit',
    fileName: 'web-kit',
    entry: 'src/index.ts',
  }),
);
