import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The files the service worker downloads in advance: what the entry needs, the everyday signed-in
 * pages and the cohort pages (with what they import), and each language's texts. Every other chunk
 * (admin pages, the classroom, charts) is kept once someone uses it, not fetched ahead on prepaid
 * data.
 */
const SHELL_MODULES = /(signed-in-routes|cohort-routes|update-prompt)\.tsx$|[\\/]i18n[\\/](ar|fr|en)\.json$/;
const shellFiles = new Set<string>();

function appShell(): Plugin {
  return {
    name: 'mre-app-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file]] : [])),
      );
      const visit = (fileName: string) => {
        if (shellFiles.has(fileName)) return;
        shellFiles.add(fileName);
        const chunk = chunks.get(fileName);
        chunk?.imports.forEach(visit);
        chunk?.viteMetadata?.importedCss.forEach((css) => shellFiles.add(css));
      };
      for (const chunk of chunks.values())
        if (chunk.isEntry || SHELL_MODULES.test(chunk.facadeModuleId ?? '')) visit(chunk.fileName);
      // Which file holds each language's texts: the API preloads the page's language with the page.
      const locales = Object.fromEntries(
        [...chunks.values()].flatMap((chunk) => {
          const locale = /[\\/]i18n[\\/](ar|fr|en)\.json$/.exec(chunk.facadeModuleId ?? '')?.[1];
          return locale ? [[locale, chunk.fileName]] : [];
        }),
      );
      this.emitFile({ type: 'asset', fileName: 'locale-chunks.json', source: JSON.stringify(locales) });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    appShell(),
    // Brotli and gzip copies of every text file over 1 KB, made once here; the API (and nginx)
    // send the one the browser takes: the vendor chunk goes out as 116 KB instead of 425 KB.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
    // A service worker (Workbox) keeps the app itself on the phone: once visited, the pages open
    // without a connection, and a new release waits for the person to accept it ("update
    // available") instead of swapping the code under a running page. The data comes from the
    // saved query cache (shared/api/query-persistence.ts), never from the worker.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false, // main.tsx registers it once the page shows
      manifest: false, // one manifest per language in public/, chosen by i18n.ts
      workbox: {
        // The app shell (see appShell above); other chunks are kept once used (runtime cache below).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.filter(({ url }) => !url.startsWith('assets/') || shellFiles.has(url)),
            warnings: [],
          }),
        ],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'mre-assets', expiration: { maxEntries: 40 } },
          },
        ],
      },
    }),
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
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|@tanstack[\\/][a-z-]+|openapi-fetch|clsx)[\\/]/,
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
