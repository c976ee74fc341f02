/// <reference types="vitest/config" />
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Serves MSW's service worker in `npm run dev` only, straight from the msw package, so no mock
 * file is ever copied into public/ or the production build.
 */
function mswWorkerInDev(): Plugin {
  return {
    name: 'msw-worker-in-dev',
    apply: 'serve',
    // The mock backend runs the server's code in the browser: the CSV libraries' Node builds
    // need Buffer, so the dev server gives it their browser builds (bundled Buffer shim).
    config: () =>
      process.env.VITEST
        ? {}
        : {
            resolve: {
              alias: [
                { find: /^csv-stringify\/sync$/, replacement: 'csv-stringify/browser/esm/sync' },
                { find: /^csv-parse\/sync$/, replacement: 'csv-parse/browser/esm/sync' },
              ],
            },
          },
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        createReadStream(require.resolve('msw/mockServiceWorker.js')).pipe(res);
      });
    },
  };
}

/** API and contract tests: they run once per store (tests/contract/test-stores.ts picks it by TEST_STORE). */
const STORE_TESTS = ['server/**/*.test.ts', 'tests/contract/**/*.test.ts'];
/** Tests of the SQL store itself, and of the server process on a database. */
const SQL_TESTS = ['tests/sql/**/*.test.ts'];

/** The same server tests on a SQL store: in-memory PGlite, or the PostgreSQL server at DATABASE_URL. */
function sqlStoreProject(kind: 'pglite' | 'postgres') {
  return {
    extends: true as const,
    test: {
      name: kind,
      environment: 'node' as const,
      include: [...STORE_TESTS, ...SQL_TESTS],
      exclude: kind === 'postgres' ? ['tests/sql/**/*-pglite.test.ts'] : [],
      env: { TEST_STORE: kind, TEST_DATABASE_PER_WORKER: '1' },
      // Test files share their worker's modules, so a worker opens its database once (not
      // once per file: PGlite takes about a second to start); each test still starts from a
      // freshly seeded state (tests/contract/test-stores.ts).
      isolate: false,
      globalSetup: [`tests/contract/${kind}-global-setup.ts`],
      setupFiles: ['tests/contract/setup-store.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  };
}

/**
 * The PostgreSQL run needs a server (DATABASE_URL). Without one it is skipped with a notice on
 * a developer's machine, and refused in CI, where .ci/run starts PostgreSQL and sets it.
 */
function postgresProjects() {
  if (process.env.DATABASE_URL) return [sqlStoreProject('postgres')];
  if (!process.env.VITEST) return []; // vite build or dev: no tests, nothing to say
  const ci = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
  if (ci) throw new Error('CI: DATABASE_URL is not set, so the contract suite cannot run against PostgreSQL.');
  // Vitest reads this file more than once; say it once.
  if (!process.env.SKIPPED_POSTGRES_NOTICE) {
    process.env.SKIPPED_POSTGRES_NOTICE = '1';
    console.warn('Notice: DATABASE_URL is not set: skipping the PostgreSQL test project (memory and PGlite still run).');
  }
  return [];
}

/**
 * Writes a .br and a .gz beside every text file of the build, once, so the server sends them
 * compressed (serveStatic's `precompressed`) without compressing on every request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
      for (const file of walk(outDir).filter((f) => /\.(?:js|css|html|svg|json)$/.test(f))) {
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), mswWorkerInDev(), precompress()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // zod and src/lib/zod-csp.ts (zod's `jitless` setting) in one chunk, so the setting
        // runs right after zod and before any schema of another chunk is made; apart, the
        // shared chunk with the schemas would run before the entry chunk that sets it.
        codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]lib[\\/]zod-csp\.ts$/ }] },
      },
    },
  },
  test: {
    // Vitest's default on 2 cores is one worker; the database tests spend much of their time
    // waiting for PostgreSQL, so two make the whole run about half as long.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Each project runs in the environment its code needs: the domain and the server in Node,
    // the SPA in jsdom with MSW routing /api/* into the real Hono app over the memory store.
    // The server tests run three times: on the memory store (node), PGlite and PostgreSQL.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/domain/**/*.test.ts', ...STORE_TESTS, 'mocks/**/*.test.ts'],
          setupFiles: ['tests/contract/setup-store.ts'],
        },
      },
      sqlStoreProject('pglite'),
      ...postgresProjects(),
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['tests/setup-ui.ts'],
          // Whole-app renders in jsdom take seconds on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
