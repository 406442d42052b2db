// Runtime helpers for test files. The jest global setup/teardown live in their own files
// (src/global-setup.ts, src/global-teardown.ts) and are referenced by path from jest configs.
export { createTestDatabase, type TestDatabase } from './test-database';
export { testServerUrl, TEST_SERVER_URL_ENV, TEST_RUN_DIR_ENV } from './env';
