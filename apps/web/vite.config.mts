import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { splitTexts, type TextTree } from './src/i18n/first-texts';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The files the service worker downloads in advance: what the entry needs, the frame and the
 * everyday pages behind the sign-in and the cohort pages (with what they import), and both parts
 * of each language's texts. Every other chunk
 * (admin pages, the classroom, charts) is kept once someone uses it, not fetched ahead on prepaid
 * data.
 */
const SHELL_MODULES =
  /[\\/](signed-in-routes|cohort-routes|update-prompt|trainee-home-page|schedule-page|my-courses-page|catalog-page|course-page|profile-page|attendance-page)\.tsx$|[\\/]i18n[\\/](ar|fr|en)\.json\?(first|rest)$/;
/** The sign-in page, a lazy chunk of its own: a signed-in start does not download the form. */
const SIGN_IN_MODULE = /[\\/]features[\\/]auth[\\/]components[\\/]login-page\.tsx$/;
/** Modules (by path) the sign-in form shares with the frame and a trainee's home: the `shared` chunk. */
const SHARED_WITH_SIGN_IN = [
  '@mantine/core/esm/components/ActionIcon/',
  '@mantine/core/esm/components/Title/',
  '@mantine/core/esm/components/Stack/',
  '@mantine/core/esm/components/Paper/',
  '@mantine/core/esm/core/styles-api/use-resolved-styles-api/',
  '@mantine/hooks/esm/use-uncontrolled/',
  '/src/shared/hooks/use-rest-of-texts.ts',
];
/** The entry's module: its code may sit in a named chunk (`first-page`) rather than an entry chunk. */
const ENTRY_MODULE = /[\\/]src[\\/]main\.tsx$/;
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
        if (chunk.isEntry || chunk.moduleIds.some((id) => ENTRY_MODULE.test(id))) visit(chunk.fileName);
      // The sign-in form's files beyond the entry's: the API preloads them with the page for
      // whoever is not signed in, so the form does not wait for the entry to ask for them.
      const entryFiles = new Set(shellFiles);
      // (The lazy import's own small file, which imports the `sign-in` chunk, included.)
      for (const chunk of chunks.values())
        if (SIGN_IN_MODULE.test(chunk.facadeModuleId ?? '')) visit(chunk.fileName);
      this.emitFile({
        type: 'asset',
        fileName: 'sign-in-files.json',
        source: JSON.stringify([...shellFiles].filter((file) => !entryFiles.has(file))),
      });
      for (const chunk of chunks.values())
        if (SHELL_MODULES.test(chunk.facadeModuleId ?? '')) visit(chunk.fileName);
      // Which file holds the first part of each language's texts: the API preloads the page's
      // language with the page.
      const locales = Object.fromEntries(
        [...chunks.values()].flatMap((chunk) => {
          const [, locale, part] = TEXT_PART.exec(chunk.facadeModuleId ?? '') ?? [];
          return part === 'first' ? [[locale, chunk.fileName]] : [];
        }),
      );
      this.emitFile({ type: 'asset', fileName: 'locale-chunks.json', source: JSON.stringify(locales) });
    },
  };
}

const TEXT_PART = /[\\/]i18n[\\/](ar|fr|en)\.json\?(first|rest)$/;

/**
 * `./fr.json?first` and `./fr.json?rest`: the two parts of a language's texts (the split is
 * src/i18n/first-texts.ts), each a chunk of its own. The translators keep one file per language.
 */
function textParts(): Plugin {
  return {
    name: 'mre-text-parts',
    enforce: 'pre',
    load: {
      filter: { id: TEXT_PART },
      handler(id) {
        const [file, which] = id.split('?') as [string, 'first' | 'rest'];
        this.addWatchFile(file);
        const texts = splitTexts(JSON.parse(readFileSync(file, 'utf8')) as TextTree)[which];
        return { code: JSON.stringify(texts), moduleType: 'json' };
      },
    },
  };
}

/**
 * Each Mantine component brings its own stylesheet (`@mantine/core/styles/<Name>.layer.css`) into the
 * chunk that uses it, instead of Mantine's whole stylesheet (253 KB, 29 KB compressed) on every
 * page: the module of a component's class names (`<Name>.module.mjs`, imported by whatever renders
 * it) imports its CSS, so the build puts the CSS where it puts the component, and a page never lacks
 * the styles of a component it renders (pages added or changed later included). A dependency's
 * module runs before its dependant's, so its styles come first, the order Mantine asks for. The base
 * styles (baseline, global) are imported by main.tsx.
 */
function mantineStylesPerComponent(): Plugin {
  const classNames = /[\\/]@mantine[\\/]core[\\/]esm[\\/].+[\\/]([A-Za-z]+)\.module\.mjs$/;
  return {
    name: 'mre-mantine-styles-per-component',
    transform: {
      filter: { id: classNames },
      handler(code, id) {
        const name = classNames.exec(id.split('?')[0])?.[1];
        if (!name) return null;
        return { code: `import '@mantine/core/styles/${name}.layer.css';\n${code}`, map: null };
      },
    },
  };
}

/**
 * The chunks behind the sign-in, by what a page needs rather than by which pages share a module:
 * `signed-in` is the frame every signed-in page shows (layout, navigation, notifications, the
 * guards: signed-in-routes.tsx and what it imports), `home` a trainee's home (where a signed-in
 * start lands: only what it runs), `everyday` the rest of the other pages a trainee opens daily
 * (schedule, my courses: the home shows their cards, not their lists, pagination or the teachers'
 * dialogs), `sign-in` the sign-in form and its fields (a signed-in start does not run them). Left
 * to itself the bundler makes one small chunk per set of pages sharing a module:
 * 40 files for the home, each a round trip and its headers on a slow link.
 */
const PAGE_GROUPS = {
  'signed-in': /[\\/]src[\\/]app[\\/]signed-in-routes\.tsx$/,
  home: /[\\/]features[\\/]home[\\/]components[\\/]trainee-home-page\.tsx$/,
  'sign-in': SIGN_IN_MODULE,
  everyday:
    /[\\/]features[\\/](schedule[\\/]components[\\/]schedule-page|cohorts[\\/]components[\\/]my-courses-page)\.tsx$/,
} as const;
const pageGroupOf = new Map<string, keyof typeof PAGE_GROUPS>();

function pageGroups(): Plugin {
  return {
    name: 'mre-page-groups',
    apply: 'build',
    buildEnd() {
      pageGroupOf.clear();
      const ids = [...this.getModuleIds()];
      const staticClosure = (roots: string[]) => {
        const seen = new Set<string>();
        const stack = [...roots];
        while (stack.length > 0) {
          const id = stack.pop() as string;
          if (seen.has(id)) continue;
          seen.add(id);
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const entry = staticClosure(ids.filter((id) => this.getModuleInfo(id)?.isEntry));
      // In order: a module of the frame is not repeated in a page's chunk, nor one of the home in `everyday`.
      for (const [group, root] of Object.entries(PAGE_GROUPS) as [keyof typeof PAGE_GROUPS, RegExp][])
        for (const id of staticClosure(ids.filter((id) => root.test(id))))
          if (!entry.has(id) && !pageGroupOf.has(id)) pageGroupOf.set(id, group);
    },
  };
}

/**
 * With `BUNDLE_REPORT=<file>`, the build writes what each chunk is made of: its size as built and
 * brotli-compressed, what it imports, its stylesheets and its modules, largest first (each
 * module's rendered size, and compressed on its own: an upper bound of what it adds). What the
 * weak-link work (bench/README.md, issue 13) looks at to see which modules a page downloads
 * without running them. Off by default: nothing changes in the build.
 */
function bundleReport(): Plugin {
  const file = process.env.BUNDLE_REPORT;
  return {
    name: 'mre-bundle-report',
    apply: () => Boolean(file),
    generateBundle(_options, bundle) {
      const shorten = (id: string) =>
        id.replace(/^.*node_modules[\\/]/, '~/').replace(/^.*[\\/]apps[\\/]web[\\/]src[\\/]/, 'src/');
      const chunks = Object.values(bundle).flatMap((chunk) =>
        chunk.type === 'chunk'
          ? [
              {
                file: chunk.fileName,
                facade: chunk.facadeModuleId,
                bytes: chunk.code.length,
                brotli: brotliCompressSync(chunk.code).length,
                imports: chunk.imports,
                css: [...(chunk.viteMetadata?.importedCss ?? [])],
                modules: Object.entries(chunk.modules)
                  .filter(([, module]) => module.renderedLength > 0)
                  .map(([id, module]) => ({
                    id: shorten(id),
                    bytes: module.renderedLength,
                    brotli: brotliCompressSync(module.code ?? '').length,
                  }))
                  .sort((a, b) => b.bytes - a.bytes),
              },
            ]
          : [],
      );
      writeFileSync(file as string, JSON.stringify(chunks, null, 1));
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    mantineStylesPerComponent(),
    textParts(),
    pageGroups(),
    appShell(),
    bundleReport(),
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
      // The shared contracts only declare (constants, types, pure functions): what a page does not
      // use is left out, the country codes or the sector names on the sign-in page for one.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]libs[\\/]contracts[\\/]src[\\/]/.test(id),
      },
      output: {
        // `fr-first`, `fr-rest`: the two parts of a language, told apart in a list of downloads.
        chunkFileNames: (chunk) => {
          const [, locale, part] = TEXT_PART.exec(chunk.facadeModuleId ?? '') ?? [];
          return part ? `assets/${locale}-${part}-[hash].js` : 'assets/[name]-[hash].js';
        },
        // Libraries change less often than our code: separate chunks stay cached across releases.
        // On a slow link every file also costs its round trip and ~1.3 KB of response headers,
        // and the first page waits for the last of them: what the entry needs comes in two files
        // (`framework`, what every page runs, and `first-page`, the rest of the static graph), not
        // in one small shared chunk per Mantine component.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              priority: 2,
              tags: ['$initial'],
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack[\\/](query-core|react-query)|openapi-fetch|clsx)[\\/]/,
            },
            // Only the classroom needs LiveKit: its own chunk keeps it off every other page.
            { name: 'livekit', priority: 2, test: /node_modules[\\/](livekit-client|@livekit)/ },
            // Only the admins' dashboard draws charts: recharts and what it is built on stay off other pages.
            {
              name: 'charts',
              priority: 2,
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|immer|reselect|redux|redux-thunk|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant)[\\/]/,
            },
            // Everything else the entry imports statically (the guards, the layouts' parts,
            // Mantine's provider and the components they show), in one file.
            { name: 'first-page', priority: 1, tags: ['$initial'] },
            // What the sign-in form shares with the frame and a trainee's home: left to the page
            // groups below, it would go with the frame or the home, and a cold sign-in would
            // download them whole. The bundle browser test says when this list misses one.
            {
              name: 'shared',
              priority: 1,
              test: (id: string) =>
                SHARED_WITH_SIGN_IN.some((part) => id.replaceAll('\\', '/').includes(part)),
            },
            ...Object.keys(PAGE_GROUPS).map((group) => ({
              name: group,
              test: (id: string) => pageGroupOf.get(id) === group,
            })),
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
