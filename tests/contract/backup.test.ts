/**
 * Backup through the Store: export a store that has been worked on, import the dump (as JSON,
 * as the backup file holds it) into an empty store of the same kind, and every API answer is
 * the same: lists, records with their ETags, the roster on several dates, the audit trail.
 */
import { describe, expect, it } from 'vitest';
import type { Membership, Person } from '../../src/domain/schemas';
import { createApp } from '../../server/app';
import {
  ENTITY_PATHS,
  TODAY,
  client,
  fakeMembership,
  fakePerson,
  ifMatch,
  // Not a React hook (the lint rules for tests/ would take it for one): a backend per test.
  useSeededBackend as seededBackendPerTest,
  vacate,
  type Api,
  TEST_AUTH,
} from '../../server/test-helpers';
import type { Dump } from '../../server/store/store';
import { freshEmptyStore } from './test-stores';

const ctx = seededBackendPerTest();

/** Everything a client can read, keyed by request. */
async function everyAnswer(api: Api): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const paths = [
    ...ENTITY_PATHS.map((p) => `/api/${p}`),
    '/api/roster?asOf=2018-01-01',
    '/api/roster?asOf=2019-06-01',
    '/api/roster',
    '/api/audit?limit=10000',
    '/api/memberships?asOf=2019-06-01',
  ];
  for (const p of ENTITY_PATHS) {
    for (const r of await api.list<{ id: string }>(`/api/${p}`)) paths.push(`/api/${p}/${r.id}`);
  }
  for (const path of paths) {
    const res = await api.get(path);
    answers[path] = { status: res.status, etag: res.headers.get('etag'), total: res.headers.get('x-total-count'), body: res.body };
  }
  return answers;
}

describe('export, then import into an empty store', () => {
  it('gives the same API answers', async () => {
    const { api, seed, store: source } = ctx();
    const { seat, membership } = seed.holding('Charlotte Lyrskov');
    await vacate(api, membership, '2019-05-31');
    const person = await api.create<Person>('/api/people', fakePerson());
    await api.create<Membership>('/api/memberships', fakeMembership(seat.id, person.id, { startDate: '2019-06-01' }));
    const org = seed.organization('Velux');
    await api.patch(`/api/organizations/${org.id}`, { otherNames: ['VELUX A/S'] }, ifMatch(org));
    const before = await everyAnswer(api);

    const dump = JSON.parse(JSON.stringify(await source.exportAll())) as Dump;
    const store = await freshEmptyStore();
    await store.importAll(dump);
    const restored = client(createApp({ store, today: () => TODAY, auth: TEST_AUTH }));
    expect(await everyAnswer(restored)).toEqual(before);
  });
});
