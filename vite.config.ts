/// <reference types="vitest/config" />
import { createReadStream } from 'node:fs';
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
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        createReadStream(require.resolve('msw/mockServiceWorker.js')).pipe(res);
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), mswWorkerInDev()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    // Each project runs in the environment its code needs: the domain and the server in Node,
    // the SPA in jsdom with MSW routing /api/* into the real Hono app over the memory store.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/domain/**/*.test.ts', 'server/**/*.test.ts', 'mocks/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['tests/setup-ui.ts'],
        },
      },
    ],
  },
});
