/** Browser tests: headless Chromium against the built API and web app, started once for the run. */
module.exports = {
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.mjs',
  // One platform and one database for the run; a second browser would only compete for the CPU.
  maxWorkers: 1,
  testTimeout: 90_000,
  // CI must never wait on a straggling handle once every test has reported.
  forceExit: true,
};
