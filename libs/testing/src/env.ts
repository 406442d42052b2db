/**
 * Set by the global setup for the workers it spawns (they inherit process.env): the superuser URL
 * of the server on which test files create their databases.
 */
export const TEST_SERVER_URL_ENV = 'ZC_TEST_PG_URL';
/** Set alongside it when the server is the embedded one: that run's private directory. */
export const TEST_RUN_DIR_ENV = 'ZC_TEST_PG_RUN_DIR';

/** The server tests should use: the global setup's choice, else TEST_DATABASE_URL, else DATABASE_URL. */
export function testServerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[TEST_SERVER_URL_ENV] || env.TEST_DATABASE_URL || env.DATABASE_URL || undefined;
}
