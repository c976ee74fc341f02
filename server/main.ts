/**
 * `npm start`: one Node process serving the built SPA and the API on PORT (default 3000).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app';
import { readEnv } from './env';
import { seedHorsensAlliancen } from './seed/horsens-alliancen';
import { createMemoryStore } from './store/memory-store';

const env = readEnv();
const staticDir = resolve(env.STATIC_DIR);
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error(`No built app in ${staticDir}: run "npm run build" first (npm start does it for you).`);
  process.exit(1);
}

const store = createMemoryStore();
await seedHorsensAlliancen(store);
console.log('Memory store loaded with the seed roster (Horsens Alliancen 2018-2021).');

const indexHtml = await readFile(join(staticDir, 'index.html'), 'utf8');
const server = new Hono();
const api = createApp({ store });
server.all('/api/*', (c) => api.fetch(c.req.raw));
server.use(
  '/assets/*',
  serveStatic({
    root: env.STATIC_DIR,
    onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
  }),
);
server.use('*', serveStatic({ root: env.STATIC_DIR }));
// Every other path is a route of the SPA.
server.get('*', (c) => c.html(indexHtml));

const httpServer = serve({ fetch: server.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(`Alliance Roster is running at http://localhost:${info.port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    httpServer.close();
    void store.close().then(() => process.exit(0));
  });
}
