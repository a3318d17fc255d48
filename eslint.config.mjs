import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

const sourceFiles = [
  '**/*.ts',
  '**/*.tsx',
  '**/*.mts',
  '**/*.cts',
  '**/*.js',
  '**/*.jsx',
  '**/*.mjs',
  '**/*.cjs',
];

export default [
  { ignores: ['**/dist', '**/coverage', '**/tmp', '**/.data', '**/.nx', '**/vite.config.*.timestamp*'] },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    files: sourceFiles,
    rules: {
      // Unused parameters are often required by a signature (Nest filters, Fastify hooks): mark them with `_`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app', 'type:e2e'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util'] },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'],
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
  {
    // LiveKit webhooks depend on `live` and `attendance`, never the reverse: news goes upstream as events.
    files: ['apps/api/src/modules/live/**/*.ts', 'apps/api/src/modules/attendance/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/livekit-webhooks', '**/livekit-webhooks/**'],
              message: 'The livekit-webhooks module depends on this one, not the reverse; publish an event.',
            },
          ],
        },
      ],
    },
  },
  // Last, so that it switches off the stylistic rules that Prettier owns.
  prettier,
];
