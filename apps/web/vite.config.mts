import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // Brotli and gzip copies of every text file over 1 KB, made once here; the API (and nginx)
    // send the one the browser takes: the vendor chunk goes out as 116 KB instead of 425 KB.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
  ],
  resolve: {
    alias: {
      '@/': fileURLToPath(new URL('./src/', import.meta.url)),
      '@mre/contracts': fromRoot('libs/contracts/src/index.ts'),
      '@mre/api-client': fromRoot('libs/api-client/src/index.ts'),
    },
  },
  server: {
    port: 4200,
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    port: 4300,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: fromRoot('dist/apps/web'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        // Only what every page runs is forced together; Mantine's components and the rest of
        // node_modules go where the pages that use them are, so the sign-in page does not download
        // the tables, modals and menus of the pages behind it.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|html-parse-stringify|void-elements|@tanstack[\\/][a-z-]+|openapi-fetch|clsx)[\\/]/,
            },
            // Only the classroom needs LiveKit: its own chunk keeps it off every other page.
            { name: 'livekit', test: /node_modules[\\/](livekit-client|@livekit)/ },
            // Only the admins' dashboard draws charts: recharts and what it is built on stay off other pages.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|immer|reselect|redux|redux-thunk|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 30_000,
  },
});
