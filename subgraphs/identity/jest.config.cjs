const preset = require('../../jest.preset.cjs');
module.exports = {
  ...preset,
  globalSetup: '<rootDir>/../../libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/global-teardown.ts',
  testTimeout: 30000,
};
