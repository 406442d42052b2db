/* eslint-disable @typescript-eslint/no-require-imports -- jest reads CommonJS config files */
// The live tests use real PostgreSQL (libs/testing's global setup; each file its own database).
module.exports = {
  ...require('../jest.preset.cjs'),
  ...require('../libs/testing/jest-hooks.cjs'),
  testTimeout: 30000,
};
