// Entry point of `npm start` (after the build): node libs/launcher/dist/main.js
import path from 'node:path';
import { runLauncher } from './launcher';

const stop = new AbortController();
const force = new AbortController();
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    // First signal: orderly stop. Second: the user means it.
    if (stop.signal.aborted) force.abort();
    else stop.abort();
  });
}

runLauncher({
  root: path.resolve(__dirname, '..', '..', '..'),
  env: process.env,
  stop: stop.signal,
  force: force.signal,
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
