/* eslint-disable @typescript-eslint/no-require-imports -- jest reads CommonJS config files */
module.exports = { ...require('../../jest.preset.cjs'), testTimeout: 10000 };
