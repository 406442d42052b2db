// Lint rules for the whole workspace. Module boundaries are enforced from Nx project tags:
// a front end never imports server code, no subgraph imports another subgraph, all may use libs/.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.nx/**',
      '**/src/gql/**',
      '**/src/migrations/**',
      '**/jest.config.cjs',
      'jest.preset.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:subgraph', onlyDependOnLibsWithTags: ['type:lib-server', 'type:lib-shared'] },
            { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: ['type:lib-server', 'type:lib-shared'] },
            { sourceTag: 'type:frontend', onlyDependOnLibsWithTags: ['type:lib-web', 'type:lib-shared'] },
            { sourceTag: 'type:shell', onlyDependOnLibsWithTags: ['type:lib-web', 'type:lib-shared'] },
            { sourceTag: 'type:lib-web', onlyDependOnLibsWithTags: ['type:lib-web', 'type:lib-shared'] },
            {
              sourceTag: 'type:lib-server',
              onlyDependOnLibsWithTags: ['type:lib-server', 'type:lib-shared'],
            },
            { sourceTag: 'type:lib-shared', onlyDependOnLibsWithTags: ['type:lib-shared'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib-server', 'type:lib-shared'] },
          ],
        },
      ],
    },
  },
);
