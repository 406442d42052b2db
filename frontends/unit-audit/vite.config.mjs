// frontends/unit-audit/dist/unit-audit-<hash>.js + manifest.json, served under /apps/unit-audit/.
import { defineConfig } from 'vite';
import { defineMicroFrontendConfig } from '../../libs/web-kit/build/vite-presets.mjs';

export default defineConfig(defineMicroFrontendConfig(import.meta.dirname));
