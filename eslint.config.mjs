import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier/flat';
import { readdirSync } from 'node:fs';
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

/** Modules that depend on the keyed one, which may therefore not import them (events carry news back). */
const DEPENDENTS = { live: ['livekit-webhooks'], attendance: ['livekit-webhooks'] };

/**
 * One API module reaches another only through what it exports (its services, DTOs, errors): never
 * through its entities (its tables, at run time; a type is fine) or its queue processors. Entity
 * files themselves may name other entities, for TypeORM's relations.
 */
function moduleBoundaries() {
  const modules = readdirSync(new URL('apps/api/src/modules', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return modules.map((name) => ({
    files: [`apps/api/src/modules/${name}/**/*.ts`],
    ignores: ['**/*.entity.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/modules/*/*.entity', `!@/modules/${name}/*.entity`],
              allowTypeImports: true,
              message: "Another module's table is its own: call its exported service.",
            },
            {
              group: ['@/modules/*/jobs/*', `!@/modules/${name}/jobs/*`],
              message: "Another module's queue processors are its own: call its exported service.",
            },
            ...(DEPENDENTS[name] ?? []).map((dependent) => ({
              group: [`@/modules/${dependent}`, `@/modules/${dependent}/**`],
              message: `The ${dependent} module depends on this one, not the reverse; publish an event.`,
            })),
          ],
        },
      ],
    },
  }));
}

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
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
  ...moduleBoundaries(),
  // Last, so that it switches off the stylistic rules that Prettier owns.
  prettier,
];
