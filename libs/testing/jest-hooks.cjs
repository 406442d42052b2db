// Spread into a jest config to get a PostgreSQL server for the run:
//   module.exports = { ...require('../../jest.preset.cjs'), ...require('../../libs/testing/jest-hooks.cjs') };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads CommonJS config files
const path = require('node:path');

module.exports = {
  globalSetup: path.join(__dirname, 'src/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'src/global-teardown.ts'),
};
