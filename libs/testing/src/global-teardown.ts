// jest globalTeardown: stops the embedded server the global setup started (when it started one).
import { TEST_RUN_DIR_ENV, TEST_SERVER_URL_ENV } from './env';
import { stopTestServer } from './embedded-test-server';
import { sharedState } from './state';

export default async function globalTeardown(): Promise<void> {
  const state = sharedState();
  if (!state.server) return;
  state.users -= 1;
  // Several jest projects in one process share the server; the last one out stops it.
  if (state.users > 0) return;
  const started = state.server;
  state.server = undefined;
  delete process.env[TEST_SERVER_URL_ENV];
  delete process.env[TEST_RUN_DIR_ENV];
  await stopTestServer(started);
}
