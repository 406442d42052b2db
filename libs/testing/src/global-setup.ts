// jest globalSetup: provides the PostgreSQL server test files create their databases on.
//   globalSetup: '<rootDir>/../../libs/testing/src/global-setup.ts',
//   globalTeardown: '<rootDir>/../../libs/testing/src/global-teardown.ts',
// Order of preference: a server already chosen by a parent process or an earlier jest project in
// this process (ZC_TEST_PG_URL), TEST_DATABASE_URL, DATABASE_URL, else an embedded server.
import { TEST_RUN_DIR_ENV, TEST_SERVER_URL_ENV } from './env';
import { startTestServer } from './embedded-test-server';
import { sharedState } from './state';

export default async function globalSetup(): Promise<void> {
  const state = sharedState();
  if (state.server) {
    state.users += 1;
    return;
  }
  if (process.env[TEST_SERVER_URL_ENV]) return;
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (external) {
    process.env[TEST_SERVER_URL_ENV] = external;
    return;
  }

  const lines: string[] = [];
  const started = await startTestServer((line) => lines.push(line));
  state.server = started;
  state.users = 1;
  // Workers are spawned after this returns and inherit process.env.
  process.env[TEST_SERVER_URL_ENV] = started.server.url;
  process.env[TEST_RUN_DIR_ENV] = started.runDir;
  process.stderr.write(
    `\n[@zhicheng/testing] embedded PostgreSQL on 127.0.0.1:${started.server.port} (${started.runDir})\n`,
  );
}
