// Pure library tests: real files in a temporary directory, no database.
module.exports = { ...require('../../jest.preset.cjs'), testTimeout: 20000 };
