// frontends/bureau-dashboard/dist/bureau-dashboard-<hash>.js + manifest.json, served under /apps/bureau-dashboard/.
import { defineConfig } from 'vite';
import { defineMicroFrontendConfig } from '../../libs/web-kit/build/vite-presets.mjs';

export default defineConfig(defineMicroFrontendConfig(import.meta.dirname));
