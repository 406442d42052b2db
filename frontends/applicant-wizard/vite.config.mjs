// frontends/applicant-wizard/dist/applicant-wizard-<hash>.js + manifest.json, served under
// /apps/applicant-wizard/.
import { defineConfig } from 'vite';
import { defineMicroFrontendConfig } from '../../libs/web-kit/build/vite-presets.mjs';

export default defineConfig(defineMicroFrontendConfig(import.meta.dirname));
