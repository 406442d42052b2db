// Unit tests of the applicant wizard's pure helpers (routes, catalogue cascade, actions, entries).
import preset from '../../jest.preset.cjs';

export default {
  ...preset,
  displayName: 'applicant-wizard',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
};
