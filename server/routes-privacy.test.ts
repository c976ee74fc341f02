import { describe, expect, it } from 'vitest';
import type { Person, Roster, Seat, Term } from '../src/domain/schemas';
import {
  expectConflict,
  expectProblem,
  fakeMembership,
  fakePerson,
  fakeSeat,
  fakeTerm,
  ifMatch,
  must,
  useSeededBackend,
  TEST_PRINCIPAL,
} from './test-helpers';

const ctx = useSeededBackend();

interface PersonExport {
  format: string;
  person: Person;
  memberships: { membership: { id: string }; seat: { label: string } | null; body: { name: string } | null; term: { label: string } | null }[];
  audit: { entity: string; entityId: string; action: string }[];
}

describe('export of everything held about a person', () => {
  it('gives the person, their memberships with seat, body and term, and the audit events that concern them', async () => {
    const { api, seed } = ctx();
    const { person, membership, seat } = seed.holding('Peter Sørensen');
    const res = await api.get<PersonExport>(`/api/people/${person.id}/export`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="persondata-/);
    expect(res.body.format).toBe('alliance-roster-person-export');
    expect(res.body.person).toEqual(person);
    expect(res.body.memberships).toEqual([
      expect.objectContaining({ membership: expect.objectContaining({ id: membership.id }) as unknown, seat: { id: seat.id, label: seat.label } }),
    ]);
    expect(res.body.memberships[0]).toMatchObject({ body: { name: 'Horsens Alliancen' }, term: { label: seed.term.label } });
    expect(res.body.audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: 'people', entityId: person.id, action: 'create' }),
        expect.objectContaining({ entity: 'memberships', entityId: membership.id, action: 'create' }),
      ]),
    );
    expect(res.body.audit.every((e) => [person.id, membership.id].includes(e.entityId))).toBe(true);
    expectProblem(await api.get('/api/people/no-such-person/export'), 404);
  });
});

describe('erasure', () => {
  it('anonymises the person everywhere, audit and backup included, and keeps the seat held in past rosters', async () => {
    const { api, seed, store } = ctx();
    const { person, seat } = seed.holding('Peter Sørensen');
    // Give the person contact data first, so the audit trail holds it.
    const withContact = await api.patch<Person>(
      `/api/people/${person.id}`,
      { email: 'peter.testdata@example.org', phone: '+45 11 22 33 44', notes: 'Ring efter kl. 10' },
      ifMatch(person),
    );
    expect(withContact.status, withContact.text).toBe(200);
    const eventsBefore = (await store.audit.list({ entity: 'people', entityId: person.id })).events;

    expectProblem(await api.post(`/api/people/${person.id}/erase`, {}), 428);
    expectConflict(await api.send('POST', `/api/people/${person.id}/erase`, { headers: ifMatch(person) }), { rule: 'stale-version' });
    const res = await api.send<{ person: Person; scrubbedAuditEvents: number }>('POST', `/api/people/${person.id}/erase`, {
      headers: ifMatch(withContact.body),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.person).toMatchObject({ name: 'Anonymiseret person 1', email: null, phone: null, notes: '' });

    const dump = JSON.stringify(await store.exportAll());
    for (const secret of ['Peter Sørensen', 'peter.testdata@example.org', '+45 11 22 33 44', 'Ring efter kl. 10']) {
      expect(dump).not.toContain(secret);
    }
    // The trail keeps its shape: every event still there, plus the erasure's own.
    const eventsAfter = (await store.audit.list({ entity: 'people', entityId: person.id })).events;
    expect(eventsAfter.map((e) => [e.seq, e.action, e.actor])).toEqual([
      [must(eventsAfter[0]).seq, 'update', TEST_PRINCIPAL.user.email],
      ...eventsBefore.map((e) => [e.seq, e.action, e.actor]),
    ]);
    expect(res.body.scrubbedAuditEvents).toBe(eventsAfter.length);

    const roster = await api.get<Roster>('/api/roster?asOf=2019-06-01');
    expect(roster.body.entries.find((e) => e.seat.id === seat.id)).toMatchObject({
      vacant: false,
      person: expect.objectContaining({ name: 'Anonymiseret person 1' }) as unknown,
    });
  });

  it('numbers the anonymised people, and erasing again changes nothing more', async () => {
    const { api, seed } = ctx();
    const first = seed.person('Peter Sørensen');
    const second = must(seed.people.find((p) => p.name !== 'Peter Sørensen'));
    const erase = async (p: Person) => {
      const current = (await api.get<Person>(`/api/people/${p.id}`)).body;
      const res = await api.send<{ person: Person }>('POST', `/api/people/${p.id}/erase`, { headers: ifMatch(current) });
      expect(res.status, res.text).toBe(200);
      return res.body.person;
    };
    expect((await erase(first)).name).toBe('Anonymiseret person 1');
    expect((await erase(second)).name).toBe('Anonymiseret person 2');
    expect((await erase(first)).name).toBe('Anonymiseret person 1');
    expectProblem(await api.send('POST', '/api/people/no-such-person/erase', { headers: { 'If-Match': '"1"' } }), 404);
  });
});

describe('retention review', () => {
  it('lists people with no membership in the last N years, never the anonymised or the nominated', async () => {
    const { api } = ctx();
    const idle = await api.create<Person>('/api/people', fakePerson({ name: 'Testperson Uden Plads' }));
    const res = await api.get<{ years: number; cutoff: string; people: { person: Person; lastDay: string | null }[] }>('/api/people/retention');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ years: 5, cutoff: '2014-06-01' });
    expect(res.body.people).toEqual([{ person: idle, lastDay: null }]);
    expectProblem(await api.get('/api/people/retention?years=0'), 400);
  });

  it("dates a person by their last seat: an open end lasts until its term's end, the latest membership counts", async () => {
    const { api, seed } = ctx();
    const term = await api.create<Term>('/api/terms', fakeTerm({ label: 'Testperiode 2010-2013', startDate: '2010-01-01', endDate: '2013-12-31' }));
    const seat = await api.create<Seat>('/api/seats', fakeSeat(seed, { termId: term.id }));
    const other = await api.create<Seat>('/api/seats', fakeSeat(seed, { termId: term.id, label: 'Testplads 2' }));
    const open = await api.create<Person>('/api/people', fakePerson({ name: 'Testperson Åben Slutning' }));
    const ended = await api.create<Person>('/api/people', fakePerson({ name: 'Testperson Fratrådt' }));
    await api.create('/api/memberships', fakeMembership(seat.id, open.id, { startDate: '2010-01-01' }));
    await api.create('/api/memberships', fakeMembership(other.id, ended.id, { startDate: '2010-01-01', endDate: '2010-06-30' }));
    await api.create('/api/memberships', fakeMembership(other.id, ended.id, { startDate: '2011-01-01', endDate: '2011-05-31' }));
    const res = await api.get<{ people: { person: Person; lastDay: string | null }[] }>('/api/people/retention');
    expect(res.body.people.map((p) => [p.person.name, p.lastDay])).toEqual([
      ['Testperson Fratrådt', '2011-05-31'],
      ['Testperson Åben Slutning', '2013-12-31'],
    ]);
    // With 7 years (cutoff 2012-06-01) the open end in 2013 is recent enough; May 2011 is not.
    const recent = await api.get<{ people: { person: Person }[] }>('/api/people/retention?years=7');
    expect(recent.body.people.map((p) => p.person.name)).toEqual(['Testperson Fratrådt']);
  });
});
