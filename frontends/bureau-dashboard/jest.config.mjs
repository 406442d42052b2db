// Unit tests of bureau-dashboard's pure modules (统计分析's CSV).
import preset from '../../jest.preset.cjs';

export default {
  ...preset,
  displayName: 'bureau-dashboard',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
};
