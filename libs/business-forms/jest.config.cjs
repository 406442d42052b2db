// Renders real PDFs with the embedded font and reads their text back; no database.
module.exports = { ...require('../../jest.preset.cjs'), testTimeout: 30000 };
