/**
 * Races through the HTTP API, on every store: parallel requests for the same seat, the same
 * chair, and the same version of a record. Exactly one wins, the others get 409 naming what
 * they collided with, and the data keeps every rule (the SQL stores let the database decide:
 * row locks and exclusion constraints; the memory store serialises).
 */
import { describe, expect, it } from 'vitest';
import type { Membership, Person, Seat } from '../../src/domain/schemas';
import {
  expectConflict,
  fakeMembership,
  fakePerson,
  fakeSeat,
  ifMatch,
  // Not a React hook (the lint rules for tests/ would take it for one): a backend per test.
  useSeededBackend as seededBackendPerTest,
  vacate,
} from '../../server/test-helpers';

const ctx = seededBackendPerTest();

describe('parallel requests', () => {
  it('20 requests for the same seat over overlapping dates: one 201, nineteen 409, one new membership', async () => {
    const { api, seed } = ctx();
    const seat = await api.create<Seat>('/api/seats', fakeSeat(seed, { label: 'Omstridt plads' }));
    const people = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.create<Person>('/api/people', fakePerson({ name: `Testkandidat ${i + 1}` }))),
    );
    const results = await Promise.all(
      people.map((p, i) =>
        api.post<Membership>(
          '/api/memberships',
          fakeMembership(seat.id, p.id, { startDate: `2019-0${(i % 9) + 1}-01`, endDate: i % 2 ? null : '2020-06-30' }),
        ),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const winner = created[0]?.body;
    for (const r of results.filter((x) => x.status !== 201)) {
      expectConflict(r, { rule: 'seat-holder', entity: 'membership', id: winner?.id });
    }
    expect(await api.list<Membership>(`/api/memberships?seatId=${seat.id}`)).toEqual([winner]);
  });

  it('10 requests making different members chair of the council: exactly one chair', async () => {
    const { api, seed } = ctx();
    const memberships = seed.memberships.slice(0, 10);
    const results = await Promise.all(
      memberships.map((m) => api.patch<Membership>(`/api/memberships/${m.id}`, { role: 'chair' }, ifMatch(m))),
    );
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) {
      expectConflict(r, { rule: 'body-chair', entity: 'membership', id: won[0]?.body.id });
    }
    const chairs = (await api.list<Membership>('/api/memberships')).filter((m) => m.role === 'chair');
    expect(chairs.map((m) => m.id)).toEqual([won[0]?.body.id]);
  });

  it('two edits of the same version: one 200, one 409 with the current record', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Ulla Sparre');
    const [a, b] = await Promise.all([
      api.patch<Membership>(`/api/memberships/${membership.id}`, { title: 'Direktør (udgave A)' }, ifMatch(membership)),
      api.patch<Membership>(`/api/memberships/${membership.id}`, { title: 'Direktør (udgave B)' }, ifMatch(membership)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    const problem = expectConflict(loser, { rule: 'stale-version', entity: 'membership', id: membership.id });
    expect(problem.current).toEqual(winner.body);
    expect((await api.get(`/api/memberships/${membership.id}`)).body).toEqual(winner.body);
    expect(winner.body.version).toBe(2);
  });

  it('20 edits of the same version: exactly one applies, the rest are refused', async () => {
    const { api, seed } = ctx();
    const { person } = seed.holding('Niels Yde');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.patch<Person>(`/api/people/${person.id}`, { notes: `Udgave ${i}` }, ifMatch(person))),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const final = (await api.get<Person>(`/api/people/${person.id}`)).body;
    expect(final.version).toBe(2);
    const audit = await api.list<{ action: string }>(`/api/audit?entity=people&entityId=${person.id}`);
    expect(audit.map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('a delete racing an edit of the same version: one succeeds, the other gets 409 or 404', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Per Hansen');
    await vacate(api, membership, '2019-05-31');
    const current = (await api.get<Membership>(`/api/memberships/${membership.id}`)).body;
    const [edit, del] = await Promise.all([
      api.patch(`/api/memberships/${membership.id}`, { title: 'Direktør (rettet)' }, ifMatch(current)),
      api.delete(`/api/memberships/${membership.id}`, ifMatch(current)),
    ]);
    const statuses = [edit.status, del.status];
    expect(statuses.filter((s) => s === 200 || s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409 || s === 404)).toHaveLength(1);
  });
});
