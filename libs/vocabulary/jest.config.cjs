// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads CommonJS config files
module.exports = { ...require('../../jest.preset.cjs') };
