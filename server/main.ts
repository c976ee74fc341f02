/**
 * `npm start`: one Node process serving the built SPA and the API on PORT (default 3000), over
 * the database the settings name (PGlite in DATA_DIR, or DATABASE_URL): migrated at start-up,
 * and loaded with the seed roster when it is empty. Logs hold counts and ids, never names.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from './app';
import { prepareFirstAdmin, type FirstRun } from './auth/first-run';
import { scryptHasher } from './auth/passwords';
import { readEnv } from './env';
import { securityHeaders } from './http/security';
import { seedHorsensAlliancen } from './seed/horsens-alliancen';
import { DatabaseAheadError } from './store/migrate';
import { openConfiguredStore, type OpenedStore } from './store/open';

const startedAt = performance.now();
const env = readEnv();
const staticDir = resolve(env.STATIC_DIR);
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error(`No built app in ${staticDir}: run "npm run build" first (npm start does it for you).`);
  process.exit(1);
}

let opened: OpenedStore;
try {
  opened = await openConfiguredStore(env);
} catch (e) {
  // A database ahead of the code has a message for the operator; anything else, its name only.
  console.error(e instanceof DatabaseAheadError ? e.message : `Cannot open the database (${e instanceof Error ? e.name : 'error'}).`);
  process.exit(1);
}
const { store, description, migration } = opened;
const applied = migration.applied.length > 0 ? `, applied ${migration.applied.join(', ')}` : '';
console.log(`Database: ${description} (schema version ${migration.to}${applied}).`);
if (env.ROSTER_SEED === 'none') {
  if (await store.isEmpty()) console.log('Empty database: ROSTER_SEED=none, so it stays empty.');
} else if (await store.isEmpty()) {
  await seedHorsensAlliancen(store);
  const [people, memberships] = await Promise.all([store.people.list(), store.memberships.list()]);
  console.log(`Empty database: loaded the seed roster (Horsens Alliancen 2018-2021: ${people.length} people, ${memberships.length} memberships).`);
}

// Sign-in: the first admin from ROSTER_ADMIN_*, or a one-time setup link (printed below).
let firstRun: FirstRun;
try {
  firstRun = await prepareFirstAdmin(store, scryptHasher, { email: env.ROSTER_ADMIN_EMAIL, password: env.ROSTER_ADMIN_PASSWORD });
} catch (e) {
  console.error(e instanceof Error ? e.message : 'Cannot create the first admin.');
  await store.close();
  process.exit(1);
}
if (firstRun.kind === 'admin-created') console.log(`No users yet: created the first admin (user ${firstRun.userId}) from ROSTER_ADMIN_EMAIL.`);
const setupToken = firstRun.kind === 'setup-link' ? firstRun.token : undefined;

const indexHtml = await readFile(join(staticDir, 'index.html'), 'utf8');
const server = new Hono();
// Security headers on the SPA's files too (the API adds its own, the same).
server.use('*', securityHeaders());
const api = createApp({
  store,
  renewalReminderDays: env.RENEWAL_REMINDER_DAYS,
  retentionYears: env.RETENTION_YEARS,
  auth: {
    hasher: scryptHasher,
    setupToken,
    // The socket's address (behind a reverse proxy: the proxy's; see decision 017).
    clientAddress: (c) => (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress,
  },
});
// API answers (JSON) gzip-compressed on the fly when larger than 1 KiB; the app's files are
// compressed once at build time (.br/.gz beside each, vite.config.ts) and sent as such.
server.use('/api/*', compress());
server.all('/api/*', (c) => api.fetch(c.req.raw, c.env));
server.use(
  '/assets/*',
  serveStatic({
    root: env.STATIC_DIR,
    precompressed: true,
    onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
  }),
);
server.use('*', serveStatic({ root: env.STATIC_DIR, precompressed: true }));
// Every other path is a route of the SPA.
server.get('*', (c) => c.html(indexHtml));

const httpServer = serve({ fetch: server.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const ms = Math.round(performance.now() - startedAt);
  console.log(`Alliance Roster is running at http://localhost:${info.port}/ (started in ${ms} ms)`);
  if (setupToken !== undefined) {
    console.log(
      `No users yet. Create the first admin with this one-time link (valid until it is used or the server restarts):\n` +
        `  http://localhost:${info.port}/setup#token=${setupToken}\n` +
        `(or set ROSTER_ADMIN_EMAIL and ROSTER_ADMIN_PASSWORD before npm start).`,
    );
  }
});

// Stop taking requests, let running ones finish (5 s at most), then close the database cleanly.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    let closed = false;
    const exit = () => {
      if (closed) return;
      closed = true;
      void store.close().finally(() => process.exit(0));
    };
    httpServer.close(exit);
    if ('closeIdleConnections' in httpServer) httpServer.closeIdleConnections();
    setTimeout(exit, 5000).unref();
  });
}
