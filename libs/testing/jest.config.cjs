/* eslint-disable @typescript-eslint/no-require-imports -- jest reads CommonJS config files */
const path = require('node:path');
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  ...require('./jest-hooks.cjs'),
  // Test against dev-postgres's sources, not a previous build of it.
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@zhicheng/dev-postgres$': path.join(__dirname, '../dev-postgres/src/index.ts'),
  },
};
