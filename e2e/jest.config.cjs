const preset = require('../jest.preset.cjs');
module.exports = {
  ...preset,
  rootDir: __dirname,
  globalSetup: '<rootDir>/../libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../libs/testing/src/global-teardown.ts',
  testTimeout: 60000,
};
