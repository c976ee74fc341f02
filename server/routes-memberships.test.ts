import { describe, expect, it } from 'vitest';
import type { Membership, Person, Seat } from '../src/domain/schemas';
import { foldForSearch } from '../src/domain/text';
import {
  describeCrudContract,
  expectConflict,
  expectFieldError,
  fakeMembership,
  fakePerson,
  fakeSeat,
  fakeTerm,
  ifMatch,
  unchanged,
  vacantSeatAndNewPerson,
  vacate,
  type SeedFacts,
} from './test-helpers';

describe('/api/memberships', () => {
  const ctx = describeCrudContract({
    name: 'memberships',
    singular: 'membership',
    seedCount: 22,
    async validInput({ api, seed }) {
      const { seat, person } = await vacantSeatAndNewPerson(api, seed);
      return fakeMembership(seat.id, person.id, {
        organizationId: seed.organization('Insero').id,
        endReason: null,
        decidedOn: '2018-12-01',
        source: 'https://example.org/referat/2018-12',
      });
    },
    textField: 'title',
    textLimits: { title: 300, endReason: 500 },
    required: ['seatId', 'personId', 'startDate'],
    badValues: [
      ['role', 'boss', 'invalid_value'],
      ['startDate', '2019-02-30', 'invalid_format'],
      ['endDate', 'tomorrow', 'invalid_format'],
      ['decidedOn', '2018/12/01', 'invalid_format'],
      ['seatId', 42, 'invalid_type'],
      ['title', { da: 'Titel' }, 'invalid_type'],
      ['source', 'ftp://example.org/referat', 'url_format'],
      ['source', 'ikke en adresse', 'url_format'],
    ],
    references: ['seatId', 'personId', 'organizationId'],
    dateRange: true,
    sortFields: ['startDate', 'endDate', 'role'],
  });

  /** A new person on a new council seat: the candidate for a rule test. */
  const newcomer = async (over: Partial<Membership> = {}, label = 'Testplads') => {
    const { api, seed } = ctx();
    const { seat, person } = await vacantSeatAndNewPerson(api, seed, label);
    return fakeMembership(seat.id, person.id, over);
  };

  describe('filters', () => {
    it.each([
      ['seatId', (s: SeedFacts) => `seatId=${s.holding('Kristian E. Justesen').seat.id}`, 1],
      ['personId', (s: SeedFacts) => `personId=${s.person('Ulla Sparre').id}`, 1],
      ['bodyId of the council', (s: SeedFacts) => `bodyId=${s.council.id}`, 22],
      ['bodyId of a forum', (s: SeedFacts) => `bodyId=${s.forum('Erhvervstaskforce').id}`, 0],
      ['asOf inside the term', () => 'asOf=2019-06-01', 22],
      ['asOf before the term', () => 'asOf=2017-12-31', 0],
      ['organisation', (s: SeedFacts) => `organizationId=${s.organization('Horsens Kommune').id}`, 5],
      ['bodyId and asOf', (s: SeedFacts) => `bodyId=${s.council.id}&asOf=2018-01-01`, 22],
    ])('by %s', async (_case, query, count) => {
      const { api, seed } = ctx();
      const res = await api.get<Membership[]>(`/api/memberships?${query(seed)}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toHaveLength(count);
      expect(res.headers.get('x-total-count')).toBe(String(count));
    });

    it('by asOf drops a membership that ended the day before', async () => {
      const { api, seed } = ctx();
      const { membership } = seed.holding('Mette Frost');
      await vacate(api, membership, '2019-05-31');
      const onEnd = await api.list<Membership>('/api/memberships?asOf=2019-05-31');
      const after = await api.list<Membership>('/api/memberships?asOf=2019-06-01');
      expect(onEnd.map((m) => m.id)).toContain(membership.id);
      expect(after.map((m) => m.id)).not.toContain(membership.id);
      expect(after).toHaveLength(21);
    });

    it('by asOf ends open-ended memberships with their term', async () => {
      const { api } = ctx();
      expect(await api.list<Membership>('/api/memberships?asOf=2021-12-31')).toHaveLength(22);
      expect(await api.list<Membership>('/api/memberships?asOf=2022-01-01')).toHaveLength(0);
    });

    it.each(['2019-6-1', '01-06-2019', 'i dag', '2019-02-30'])('answers 400 on asOf for %j', async (asOf) => {
      expectFieldError(await ctx().api.get(`/api/memberships?asOf=${encodeURIComponent(asOf)}`), 'asOf', 'invalid_format');
    });

    it.each([
      ['direktor', 10],
      ['næstformand', 2],
      ['naestformand', 2],
      ['formand', 7],
    ])('q %j searches titles diacritic-insensitively (%i hits)', async (q, hits) => {
      const res = await ctx().api.get<Membership[]>(`/api/memberships?q=${encodeURIComponent(q)}`);
      expect(res.body).toHaveLength(hits);
      for (const m of res.body) expect(foldForSearch(m.title)).toContain(foldForSearch(q));
    });
  });

  describe('across terms', () => {
    it('lets a seated representative continue on a seat of the next term', async () => {
      const { api, seed } = ctx();
      const { person, membership } = seed.holding('Peter Sørensen');
      expect(membership.endDate).toBeNull();
      const next = await api.create<{ id: string }>('/api/terms', fakeTerm({ label: 'Test 2022-2025', startDate: '2022-01-01', endDate: '2025-12-31' }));
      const seat = await api.create<Seat>('/api/seats', fakeSeat(seed, { termId: next.id }));
      const res = await api.post<Membership>('/api/memberships', fakeMembership(seat.id, person.id, { startDate: '2022-01-01', role: 'chair' }));
      expect(res.status, res.text).toBe(201);
    });
  });

  describe('one holder per seat at a time', () => {
    it.each([
      ['open-ended from mid-term', '2019-06-01', null],
      ['on the first day of the holder', '2018-01-01', '2018-01-01'],
      ['on the last day of the term', '2021-12-31', '2021-12-31'],
    ])('refuses a second holder %s, naming the existing membership', async (_case, startDate, endDate) => {
      const { api, seed } = ctx();
      const { seat, membership } = seed.holding('Peter Sørensen');
      const person = await api.create<Person>('/api/people', fakePerson());
      const res = await unchanged(api, () =>
        api.post('/api/memberships', fakeMembership(seat.id, person.id, { startDate, endDate })),
      );
      const problem = expectConflict(res, { rule: 'seat-holder', entity: 'membership', id: membership.id });
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'seatId', code: 'seat-holder' }));
    });

    it('accepts a successor from the day after the holder leaves, not on the last day', async () => {
      const { api, seed } = ctx();
      const { seat, membership } = seed.holding('Peter Sørensen');
      await vacate(api, membership, '2019-05-31');
      const person = await api.create<Person>('/api/people', fakePerson());
      const early = await unchanged(api, () =>
        api.post('/api/memberships', fakeMembership(seat.id, person.id, { startDate: '2019-05-31' })),
      );
      expectConflict(early, { rule: 'seat-holder', id: membership.id });
      const res = await api.post<Membership>('/api/memberships', fakeMembership(seat.id, person.id, { startDate: '2019-06-01' }));
      expect(res.status, res.text).toBe(201);
    });

    it('refuses a PATCH that moves a membership onto a held seat, and keeps the record', async () => {
      const { api, seed } = ctx();
      const mine = await api.create<Membership>('/api/memberships', await newcomer());
      const { seat, membership } = seed.holding('Niels Yde');
      const res = await unchanged(api, () => api.patch(`/api/memberships/${mine.id}`, { seatId: seat.id }, ifMatch(mine)));
      expectConflict(res, { rule: 'seat-holder', id: membership.id });
      expect((await api.get(`/api/memberships/${mine.id}`)).body).toEqual(mine);
    });

    it('lets a membership be edited without conflicting with itself', async () => {
      const { api, seed } = ctx();
      const { membership } = seed.holding('Niels Yde');
      const res = await api.patch<Membership>(
        `/api/memberships/${membership.id}`,
        { startDate: '2018-02-01', title: 'Direktør (fiktiv ændring)' },
        ifMatch(membership),
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ ...membership, startDate: '2018-02-01', title: 'Direktør (fiktiv ændring)', version: 2 });
    });
  });

  describe('one chair per body at a time', () => {
    const makeChair = async (name: string) => {
      const { api, seed } = ctx();
      const { membership } = seed.holding(name);
      const res = await api.patch<Membership>(`/api/memberships/${membership.id}`, { role: 'chair' }, ifMatch(membership));
      expect(res.status, res.text).toBe(200);
      return res.body;
    };

    it('refuses a second chair created in the same body, naming the chair', async () => {
      const chair = await makeChair('Peter Sørensen');
      const { api } = ctx();
      const input = await newcomer({ role: 'chair' });
      const res = await unchanged(api, () => api.post('/api/memberships', input));
      const problem = expectConflict(res, { rule: 'body-chair', entity: 'membership', id: chair.id });
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'role', code: 'body-chair' }));
    });

    it('refuses making a second member chair, and keeps that member as they were', async () => {
      const chair = await makeChair('Peter Sørensen');
      const { api, seed } = ctx();
      const { membership } = seed.holding('Martin Ravn');
      const res = await unchanged(api, () => api.patch(`/api/memberships/${membership.id}`, { role: 'chair' }, ifMatch(membership)));
      expectConflict(res, { rule: 'body-chair', id: chair.id });
      expect((await api.get<Membership>(`/api/memberships/${membership.id}`)).body.role).toBe('member');
    });

    it('accepts a chair in another body, and a new chair once the old one has ended', async () => {
      const chair = await makeChair('Peter Sørensen');
      const { api, seed } = ctx();
      const forumSeat = await api.create<Seat>('/api/seats', fakeSeat(seed, { bodyId: seed.forum('Jobtaskforce').id }));
      const person = await api.create<Person>('/api/people', fakePerson());
      const inForum = await api.post('/api/memberships', fakeMembership(forumSeat.id, person.id, { role: 'chair' }));
      expect(inForum.status, inForum.text).toBe(201);
      await vacate(api, chair, '2019-05-31');
      const next = await api.post('/api/memberships', await newcomer({ role: 'chair', startDate: '2019-06-01' }, 'Ny formandsplads'));
      expect(next.status, next.text).toBe(201);
    });
  });

  describe('one seat per person per body at a time', () => {
    it('refuses a second council seat for a seated person, naming their membership', async () => {
      const { api, seed } = ctx();
      const { person, membership } = seed.holding('Bo Ulsøe');
      const seat = await api.create<Seat>('/api/seats', fakeSeat(seed));
      const res = await unchanged(api, () => api.post('/api/memberships', fakeMembership(seat.id, person.id)));
      const problem = expectConflict(res, { rule: 'person-body', entity: 'membership', id: membership.id });
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'personId', code: 'person-body' }));
    });

    it('accepts the same person in a forum, and on another council seat after the first ended', async () => {
      const { api, seed } = ctx();
      const { person, membership } = seed.holding('Bo Ulsøe');
      const forumSeat = await api.create<Seat>('/api/seats', fakeSeat(seed, { bodyId: seed.forum('Erhvervstaskforce').id }));
      expect((await api.post('/api/memberships', fakeMembership(forumSeat.id, person.id))).status).toBe(201);
      await vacate(api, membership, '2018-12-31');
      const seat = await api.create<Seat>('/api/seats', fakeSeat(seed));
      expect((await api.post('/api/memberships', fakeMembership(seat.id, person.id))).status).toBe(201);
    });
  });

  describe('memberships lie inside their term', () => {
    it.each([
      ['starts before the term', { startDate: '2017-12-31' }, 'startDate'],
      ['starts after the term', { startDate: '2022-01-01' }, 'startDate'],
      ['ends after the term', { startDate: '2021-01-01', endDate: '2022-01-01' }, 'endDate'],
    ])('refuses one that %s, naming the term', async (_case, dates, field) => {
      const { api, seed } = ctx();
      const input = await newcomer(dates);
      const res = await unchanged(api, () => api.post('/api/memberships', input));
      const problem = expectConflict(res, { rule: 'within-term', entity: 'term', id: seed.term.id, field });
      expect(problem.errors).toContainEqual(expect.objectContaining({ field, code: 'within-term' }));
    });

    it('refuses a PATCH that ends a seeded membership after the term', async () => {
      const { api, seed } = ctx();
      const { membership } = seed.holding('Henrik Burkal');
      const res = await unchanged(api, () =>
        api.patch(`/api/memberships/${membership.id}`, { endDate: '2022-06-30' }, ifMatch(membership)),
      );
      expectConflict(res, { rule: 'within-term', entity: 'term', id: seed.term.id });
    });
  });

  it('lets exactly one of 20 parallel overlapping POSTs on a vacated seat win', async () => {
    const { api, seed } = ctx();
    const { seat, membership } = seed.holding('Daniel Bach');
    await vacate(api, membership, '2019-05-31');
    const people = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.create<Person>('/api/people', fakePerson({ name: `Testkandidat ${i + 1}` }))),
    );
    const results = await Promise.all(
      people.map((p, i) =>
        api.post<Membership>('/api/memberships', fakeMembership(seat.id, p.id, { startDate: `2019-06-${String(i + 1).padStart(2, '0')}` })),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const winner = created[0]?.body;
    for (const r of results.filter((x) => x.status === 409)) {
      expectConflict(r, { rule: 'seat-holder', entity: 'membership', id: winner?.id });
    }
    const onSeat = await api.list<Membership>(`/api/memberships?seatId=${seat.id}`);
    expect(onSeat.map((m) => m.id).sort()).toEqual([membership.id, winner?.id].sort());
    expect(await api.list('/api/memberships')).toHaveLength(23);
  });
});
