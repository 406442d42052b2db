/* eslint-disable @typescript-eslint/no-require-imports -- jest reads CommonJS config files */
// Integration tests run against real PostgreSQL: libs/testing's global setup provides the server
// (TEST_DATABASE_URL or DATABASE_URL when set, else an embedded one) and each test file creates
// its own database on it (test/helpers.ts).
module.exports = {
  ...require('../../jest.preset.cjs'),
  ...require('../../libs/testing/jest-hooks.cjs'),
  testTimeout: 30000,
};
