/**
 * Crash safety of the embedded database: the real server on a PGlite data folder takes a
 * stream of writes and is killed with SIGKILL (kill -9) in the middle of it. After a restart
 * the database opens, every write that was answered 2xx is there (with its audit event), and
 * the roster's rules still hold.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { effectiveSpan, spansOverlap } from '../../src/domain/rules';
import type { Membership, Person, Seat, Term } from '../../src/domain/schemas';
import { openPglite } from '../../server/store/pglite-database';
import { call, serverEnv, signIn, startServer, staticDir, tempDir, type RunningServer } from './server-process';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(dataDir: string): Promise<RunningServer> {
  const site = await staticDir();
  cleanups.push(site.remove);
  const server = await startServer(serverEnv({ STATIC_DIR: site.path, DATA_DIR: dataDir }));
  cleanups.push(() => (server.child.exitCode === null && server.child.signalCode === null ? server.stop() : Promise.resolve()));
  return server;
}

describe('kill -9 in the middle of a stream of writes (PGlite)', () => {
  it('loses no acknowledged write and breaks no rule', { timeout: 120_000 }, async () => {
    const dir = await tempDir('crash');
    cleanups.push(dir.remove);
    // Start from the migrated template (quicker than initdb); the server seeds it.
    const template = await openPglite({ dataDir: dir.path, loadDataDir: new Blob([await readFile(inject('pgliteTemplate'))]) });
    await template.close();

    const server = await start(dir.path);
    // Signed in as the first admin (ROSTER_ADMIN_*); the session is in the database, so it survives the crash too.
    const auth = await signIn(server.base);
    const memberships = (await call<Membership[]>(server.base, 'GET', '/api/memberships', undefined, auth)).body;

    const people: string[] = [];
    const chairs: string[] = [];
    let stop = false;
    let attempts = 0;
    // Four writers: new people, and members made chair of the council (at most one may win).
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        attempts++;
        try {
          if (i % 5 === 4) {
            const m = memberships[(w * 5 + i) % memberships.length]!;
            const res = await call<Membership>(server.base, 'PATCH', `/api/memberships/${m.id}`, { role: 'chair' }, { 'If-Match': '"1"', ...auth });
            if (res.status === 200) chairs.push(res.body.id);
          } else {
            const res = await call<Person>(server.base, 'POST', '/api/people', { name: `Testperson ${w}-${i}`, notes: 'Opdigtet.' }, auth);
            if (res.status === 201) people.push(res.body.id);
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (people.length < 40) await new Promise((r) => setTimeout(r, 5));
    await server.kill9();
    stop = true;
    await Promise.all(writers);
    expect(server.child.signalCode).toBe('SIGKILL');
    expect(attempts).toBeGreaterThan(people.length + chairs.length);

    const again = await start(dir.path);
    expect(again.output()).not.toMatch(/seed/i);
    const stored = (await call<Person[]>(again.base, 'GET', '/api/people', undefined, auth)).body.map((p) => p.id);
    for (const id of people) expect(stored).toContain(id);
    const created = (await call<{ entityId: string }[]>(again.base, 'GET', '/api/audit?entity=people&limit=10000', undefined, auth)).body;
    for (const id of people) expect(created.map((e) => e.entityId)).toContain(id);

    // The rules: at most one chair, no seat with two holders at once.
    const after = (await call<Membership[]>(again.base, 'GET', '/api/memberships', undefined, auth)).body;
    expect(chairs.length).toBeLessThanOrEqual(1);
    expect(after.filter((m) => m.role === 'chair').map((m) => m.id)).toEqual(chairs);
    const [term] = (await call<Term[]>(again.base, 'GET', '/api/terms', undefined, auth)).body;
    const seats = (await call<Seat[]>(again.base, 'GET', '/api/seats', undefined, auth)).body;
    for (const seat of seats) {
      const held = after.filter((m) => m.seatId === seat.id).map((m) => effectiveSpan(m, term?.endDate));
      for (let i = 0; i < held.length; i++) for (let j = i + 1; j < held.length; j++) expect(spansOverlap(held[i]!, held[j]!)).toBe(false);
    }

    // And it takes writes again.
    expect((await call(again.base, 'POST', '/api/people', { name: 'Testperson Efter Nedbrud' }, auth)).status).toBe(201);
  });
});
