// Shared jest settings: swc transpiles TypeScript with decorator metadata (type-graphql and
// MikroORM infer types from it) and workspace libraries resolve to their sources, so tests
// never depend on a previous build.
const path = require('node:path');
const fs = require('node:fs');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper: {
    '^@zhicheng/(server-kit|domain-codes|testing|events|live|files|business-forms|vocabulary)$': path.join(
      __dirname,
      'libs/$1/src/index.ts',
    ),
    '^@zhicheng/(server-kit|domain-codes|testing|events|live|files|business-forms|vocabulary)/(.*)$':
      path.join(__dirname, 'libs/$1/src/$2'),
    '^@zhicheng/(identity|binding|declaration|review|certificate)$': path.join(
      __dirname,
      'subgraphs/$1/src/index.ts',
    ),
    '^@zhicheng/gateway$': path.join(__dirname, 'gateway/src/index.ts'),
  },
  testMatch: ['**/?(*.)+(test).ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
