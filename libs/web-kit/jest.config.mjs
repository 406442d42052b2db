// Unit tests of the web kit's pure helpers (no DOM needed).
import preset from '../../jest.preset.cjs';

export default {
  ...preset,
  displayName: 'web-kit',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
};
