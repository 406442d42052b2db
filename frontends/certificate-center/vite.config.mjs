// frontends/certificate-center/dist/certificate-center-<hash>.js + manifest.json, served under
// /apps/certificate-center/. The /verify page's service worker is a second build (vite.sw.config.mjs).
import { defineConfig } from 'vite';
import { defineMicroFrontendConfig } from '../../libs/web-kit/build/vite-presets.mjs';

export default defineConfig(defineMicroFrontendConfig(import.meta.dirname));
