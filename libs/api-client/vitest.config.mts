import { defineConfig } from 'vitest/config';

// Node's own fetch, Request and Response are all these tests need.
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.spec.ts'] },
});
