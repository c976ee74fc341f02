import { describe, expect, it } from 'vitest';
import type { Membership, Person, Seat, Term } from '../src/domain/schemas';
import {
  describeCrudContract,
  expectConflict,
  expectDeleteBlocked,
  fakeMembership,
  fakePerson,
  fakeSeat,
  fakeTerm,
  ifMatch,
  unchanged,
  vacate,
} from './test-helpers';

describe('/api/terms', () => {
  const ctx = describeCrudContract({
    name: 'terms',
    singular: 'term',
    seedCount: 1,
    validInput: () => Promise.resolve(fakeTerm()),
    textField: 'label',
    textLimits: { label: 100 },
    required: ['label', 'startDate', 'endDate'],
    badValues: [
      ['label', 42, 'invalid_type'],
      ['label', '   ', 'too_small'],
      ['label', 'Periode\u0007', 'control_characters'],
      ['startDate', '2030-13-01', 'invalid_format'],
      ['startDate', '01-01-2030', 'invalid_format'],
      ['endDate', null, 'invalid_type'],
      ['endDate', 20331231, 'invalid_type'],
    ],
    dateRange: true,
    sortFields: ['startDate', 'label'],
  });

  it('lists terms by start date by default', async () => {
    const { api } = ctx();
    await api.create('/api/terms', fakeTerm());
    await api.create('/api/terms', fakeTerm({ label: '2022-2025', startDate: '2022-01-01', endDate: '2025-12-31' }));
    const terms = await api.list<Term>('/api/terms');
    expect(terms.map((t) => t.label)).toEqual(['2018-2021', '2022-2025', 'Testperiode 2030-2033']);
  });

  it.each([
    ['starts on the last day of the seeded term', '2021-12-31', '2025-12-31'],
    ['ends on the first day of the seeded term', '2014-01-01', '2018-01-01'],
    ['lies inside the seeded term', '2019-01-01', '2019-12-31'],
    ['contains the seeded term', '2010-01-01', '2030-12-31'],
  ])('refuses a term that %s with 409 naming that term', async (_case, startDate, endDate) => {
    const { api, seed } = ctx();
    const res = await unchanged(api, () => api.post('/api/terms', fakeTerm({ startDate, endDate })));
    expectConflict(res, { rule: 'term-overlap', entity: 'term', id: seed.term.id });
  });

  it.each([
    ['the next term, from the day after', '2022-01-01', '2025-12-31'],
    ['the previous term, to the day before', '2014-01-01', '2017-12-31'],
  ])('accepts %s', async (_case, startDate, endDate) => {
    const res = await ctx().api.post<Term>('/api/terms', fakeTerm({ startDate, endDate }));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ startDate, endDate });
  });

  it('refuses a PATCH that makes a term overlap another, naming it', async () => {
    const { api, seed } = ctx();
    const next = await api.create<Term>('/api/terms', fakeTerm({ startDate: '2022-01-01', endDate: '2025-12-31' }));
    const res = await unchanged(api, () => api.patch(`/api/terms/${next.id}`, { startDate: '2021-07-01' }, ifMatch(next)));
    expectConflict(res, { rule: 'term-overlap', entity: 'term', id: seed.term.id });
  });

  it.each([
    ['starts after its memberships start', { startDate: '2018-02-01' }, 'startDate'],
    ['ends before a membership that ended later', { endDate: '2018-06-30' }, 'endDate'],
  ])('refuses shrinking the seeded term so it %s, naming a membership', async (_case, patch, field) => {
    const { api, seed } = ctx();
    if (field === 'endDate') {
      // Open-ended memberships end with the term; give one an end after the new end date.
      await vacate(api, seed.holding('Niels Yde').membership, '2019-12-31');
    }
    const res = await unchanged(api, () => api.patch(`/api/terms/${seed.term.id}`, patch, ifMatch(seed.term)));
    const problem = expectConflict(res, { rule: 'within-term', entity: 'membership' });
    const ids = seed.memberships.map((m) => m.id);
    expect(ids).toContain(problem.conflicts?.[0]?.id);
    expect(problem.errors).toContainEqual(expect.objectContaining({ field, code: 'within-term' }));
  });

  it('refuses ending the term before an open-ended membership starts, naming it', async () => {
    const { api, seed } = ctx();
    const seat = await api.create<Seat>('/api/seats', fakeSeat(seed, { label: 'Sen plads' }));
    const person = await api.create<Person>('/api/people', fakePerson());
    const late = await api.create<Membership>(
      '/api/memberships',
      fakeMembership(seat.id, person.id, { startDate: '2021-06-01', endDate: null }),
    );
    const res = await unchanged(api, () => api.patch(`/api/terms/${seed.term.id}`, { endDate: '2021-03-31' }, ifMatch(seed.term)));
    const problem = expectConflict(res, { rule: 'within-term', entity: 'membership', id: late.id });
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'endDate', code: 'within-term' }));
  });

  it('extends the seeded term when nothing falls outside', async () => {
    const { api, seed } = ctx();
    const res = await api.patch<Term>(`/api/terms/${seed.term.id}`, { endDate: '2022-03-31' }, { 'If-Match': '"1"' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ endDate: '2022-03-31', version: 2 });
  });

  it('refuses to delete a term that has seats, naming a seat, and keeps the term', async () => {
    const { api, seed } = ctx();
    const blocker = await expectDeleteBlocked(api, `/api/terms/${seed.term.id}`, { entity: 'seat' });
    expect(seed.seats.find((s) => s.id === blocker.id)?.termId).toBe(seed.term.id);
  });
});
