// Unit tests of certificate-center's pure modules (the offline verifier, credential parsing, routes).
import preset from '../../jest.preset.cjs';

export default {
  ...preset,
  displayName: 'certificate-center',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
};
