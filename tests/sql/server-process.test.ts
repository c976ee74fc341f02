/**
 * The real server process on a real database (PGlite in a data folder, or the PostgreSQL
 * server): an empty database gets migrations and the seed once, writes survive a stop and a
 * start, logs carry counts and never names, and db:export / db:import move the whole roster
 * (audit trail included) into an empty database with the same API answers.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app';
import { REPRESENTATIVES, seedHorsensAlliancen } from '../../server/seed/horsens-alliancen';
import { openConfiguredStore } from '../../server/store/open';
import { openPglite } from '../../server/store/pglite-database';
import { TODAY, client, TEST_AUTH } from '../../server/test-helpers';
import { openTestDatabase, STORE_KIND, type TestDatabase } from '../contract/test-stores';
import { call, runDbScript, serverEnv, signIn, startServer, staticDir, tempDir, type RunningServer } from './server-process';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Settings for an empty database of this project's kind: a new data folder, or a new schema.
 * `migrated` starts a PGlite folder from the migrated template (quicker than initdb).
 */
async function emptyDatabase({ migrated = false } = {}): Promise<Record<string, string>> {
  if (STORE_KIND === 'postgres') {
    const db: TestDatabase = await openTestDatabase('postgres');
    cleanups.push(() => db.dispose());
    return { DATABASE_URL: db.url ?? '' };
  }
  const dir = await tempDir('data');
  cleanups.push(dir.remove);
  if (migrated) {
    const db = await openPglite({ dataDir: dir.path, loadDataDir: new Blob([await readFile(inject('pgliteTemplate'))]) });
    await db.close();
  }
  return { DATA_DIR: dir.path };
}

const settingsOf = (s: Record<string, string>) => ({ DATA_DIR: s.DATA_DIR ?? './data', DATABASE_URL: s.DATABASE_URL });

async function start(settings: Record<string, string>): Promise<RunningServer> {
  const site = await staticDir();
  cleanups.push(site.remove);
  const server = await startServer(serverEnv({ STATIC_DIR: site.path, ...settings }));
  cleanups.push(() => server.stop());
  return server;
}

const FAKE = { name: 'Testperson Eksempelsen', email: 'testperson@example.org', phone: '+45 00 00 00 00', notes: 'Opdigtet.' };

function expectNoPersonalData(log: string) {
  for (const [name] of REPRESENTATIVES) expect(log).not.toContain(name);
  for (const value of Object.values(FAKE)) expect(log).not.toContain(value);
}

describe(`the server on ${STORE_KIND}`, () => {
  it('migrates and seeds an empty database once, keeps writes across a restart, and logs no names', { timeout: 120_000 }, async () => {
    const settings = await emptyDatabase();
    const first = await start(settings);
    expect(first.output()).toMatch(/Database: .*\(schema version 6, applied 001-roster, 002-end-decision, 003-renewal, 004-erasure, 005-users, 006-search\)\./);
    expect(first.output()).toMatch(/^Empty database: loaded the seed roster .*22 people, 22 memberships\)\.$/m);
    expect(first.output()).toMatch(/^No users yet: created the first admin \(user [\w-]+\) from ROSTER_ADMIN_EMAIL\.$/m);
    expect((await call(first.base, 'GET', '/api/people')).status).toBe(401);
    const auth = await signIn(first.base);

    const created = await call<{ id: string; version: number }>(first.base, 'POST', '/api/people', FAKE, auth);
    expect(created.status).toBe(201);
    const edited = await call(first.base, 'PATCH', `/api/people/${created.body.id}`, { notes: 'Rettet.' }, { 'If-Match': '"1"', ...auth });
    expect(edited.status).toBe(200);
    const rejected = await call(first.base, 'POST', '/api/people', { ...FAKE, email: 'ikke-en-adresse' }, auth);
    expect(rejected.status).toBe(400);
    await first.stop();
    expect(first.child.exitCode).toBe(0);

    const second = await start(settings);
    expect(second.output()).not.toMatch(/seed|first admin/i);
    // Sessions are kept in the database: the one from before the restart still works.
    expect((await call(second.base, 'GET', '/api/session', undefined, auth)).status).toBe(200);
    expect(second.output()).toMatch(/schema version 6\)\./);
    const back = await call<{ notes: string; version: number }>(second.base, 'GET', `/api/people/${created.body.id}`, undefined, auth);
    // Weak once gzipped (the API's answers are compressed): the version is the same.
    expect(back).toMatchObject({ status: 200, etag: expect.stringMatching(/^(?:W\/)?"2"$/) as unknown, body: { ...FAKE, notes: 'Rettet.', version: 2 } });
    const people = await call<unknown[]>(second.base, 'GET', '/api/people', undefined, auth);
    expect(people.body).toHaveLength(23);
    const audit = await call<{ action: string; actor: string }[]>(second.base, 'GET', `/api/audit?entityId=${created.body.id}`, undefined, auth);
    expect(audit.body.map((e) => [e.action, e.actor])).toEqual([
      ['update', 'drift@roster.example'],
      ['create', 'drift@roster.example'],
    ]);
    expectNoPersonalData(first.output() + second.output());
    expect(first.output() + second.output()).not.toContain('drift@roster.example');
  });

  it('prints a one-time setup link without ROSTER_ADMIN_*, which creates the first admin once', { timeout: 120_000 }, async () => {
    const server = await start({ ...(await emptyDatabase({ migrated: true })), ROSTER_ADMIN_EMAIL: '', ROSTER_ADMIN_PASSWORD: '' });
    const link = /\/setup#token=([\w-]{43})$/m;
    // Printed right after the server starts listening.
    for (let i = 0; i < 50 && !link.test(server.output()); i++) await new Promise((r) => setTimeout(r, 100));
    const token = link.exec(server.output())?.[1];
    expect(token, server.output()).toBeDefined();
    expect((await call(server.base, 'GET', '/api/people')).status).toBe(401);
    const admin = { token, email: 'forste@roster.example', name: 'Første Admin', password: 'lilla elefant cykler hjem' };
    expect((await call(server.base, 'POST', '/api/setup', admin)).status).toBe(201);
    expect((await call(server.base, 'POST', '/api/setup', { ...admin, email: 'anden@roster.example' })).status).toBe(409);
  });

  it('db:export then db:import into an empty database gives the same API answers; import refuses a database with data', { timeout: 120_000 }, async () => {
    const source = await emptyDatabase({ migrated: true });
    const opened = await openConfiguredStore(settingsOf(source));
    await seedHorsensAlliancen(opened.store);
    const created = await opened.store.transaction((tx) => tx.people.insert(FAKE), { actor: 'sekretariat@example.org' });
    await opened.store.close();

    const files = await tempDir('backup');
    cleanups.push(files.remove);
    const file = `${files.path}/backup.json`;
    const exported = await runDbScript(['export', file], serverEnv(source));
    expect(exported.code, exported.output).toBe(0);
    expect(exported.output).toMatch(/23 people, .*22 memberships, 0 renewals, 0 nominations; 87 audit events/);

    const target = await emptyDatabase({ migrated: true });
    const imported = await runDbScript(['import', file], serverEnv(target));
    expect(imported.code, imported.output).toBe(0);
    const again = await runDbScript(['import', file], serverEnv(target));
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already holds data/);
    expectNoPersonalData(exported.output + imported.output + again.output);

    const a = await openConfiguredStore(settingsOf(source));
    const b = await openConfiguredStore(settingsOf(target));
    try {
      const apiA = client(createApp({ store: a.store, today: () => TODAY, auth: TEST_AUTH }));
      const apiB = client(createApp({ store: b.store, today: () => TODAY, auth: TEST_AUTH }));
      const paths = ['/api/people', '/api/memberships', '/api/seats', '/api/bodies', '/api/organizations', '/api/terms'];
      paths.push('/api/roster?asOf=2019-06-01', '/api/audit?limit=1000', `/api/people/${created.id}`);
      for (const path of paths) {
        const [x, y] = [await apiA.get(path), await apiB.get(path)];
        expect({ status: y.status, body: y.body, etag: y.headers.get('etag') }, path).toEqual({
          status: x.status,
          body: x.body,
          etag: x.headers.get('etag'),
        });
      }
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });
});
