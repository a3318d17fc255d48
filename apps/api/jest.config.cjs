/** Unit tests (src/**\/*.spec.ts) and e2e tests (test/**\/*.e2e-spec.ts) on real PostgreSQL and Redis. */
module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // content-disposition (used by @fastify/static) and file-type with its parsers ship ESM only; Jest needs them as CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(content-disposition|file-type|strtok3|token-types|uint8array-extras|@tokenizer/inflate|@borewit/text-codec)/)',
  ],
  moduleNameMapper: {
    '^@mre/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // One database for the run: test files go one after another so that migrations never race.
  maxWorkers: 1,
  // Child processes and client libraries (ioredis reconnect timers) can outlive a suite by a moment;
  // the suites close what they open, and CI must never wait on a straggler.
  forceExit: true,
  testTimeout: 60_000,
};
