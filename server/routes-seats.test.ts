import { describe, expect, it } from 'vitest';
import type { Seat, Term } from '../src/domain/schemas';
import {
  MISSING_ID,
  describeCrudContract,
  expectConflict,
  expectDeleteBlocked,
  expectFieldError,
  expectProblem,
  expectSortedBy,
  fakeMembership,
  fakeSeat,
  fakeTerm,
  ifMatch,
  longText,
  unchanged,
  type SeedFacts,
} from './test-helpers';

describe('/api/seats', () => {
  const ctx = describeCrudContract({
    name: 'seats',
    singular: 'seat',
    seedCount: 22,
    validInput: ({ seed }) => Promise.resolve(fakeSeat(seed)),
    textField: 'label',
    textLimits: { label: 200 },
    required: ['termId', 'bodyId', 'label'],
    badValues: [
      ['termId', 5, 'invalid_type'],
      ['termId', '', 'too_small'],
      ['bodyId', longText(65), 'too_big'],
      ['label', null, 'invalid_type'],
      ['reservedSector', 'church', 'invalid_value'],
      ['nominatingOrganizationId', false, 'invalid_type'],
    ],
    references: ['termId', 'bodyId', 'nominatingOrganizationId'],
    sortFields: ['label'],
  });

  it('lists seats by label in Danish order by default', async () => {
    const seats = await ctx().api.list<Seat>('/api/seats');
    expectSortedBy(seats, 'label');
    expect(seats.map((s) => s.label)).toEqual(expect.arrayContaining(['Horsens Kommune 1', 'Horsens Kommune 5', 'Velux']));
  });

  it.each([
    ['termId of the seeded term', (s: SeedFacts) => `termId=${s.term.id}`, 22],
    ['bodyId of the council', (s: SeedFacts) => `bodyId=${s.council.id}`, 22],
    ['termId and bodyId together', (s: SeedFacts) => `termId=${s.term.id}&bodyId=${s.council.id}`, 22],
    ['bodyId of a forum without seats', (s: SeedFacts) => `bodyId=${s.forum('Jobtaskforce').id}`, 0],
    ['termId of no term', () => `termId=${MISSING_ID}`, 0],
    ['nominating organisation', (s: SeedFacts) => `nominatingOrganizationId=${s.organization('Horsens Kommune').id}`, 5],
  ])('filters by %s', async (_case, query, count) => {
    const { api, seed } = ctx();
    const res = await api.get<Seat[]>(`/api/seats?${query(seed)}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(count);
    expect(res.headers.get('x-total-count')).toBe(String(count));
  });

  it('lists just the seats named by ids (a person page reads its seats in one request), and refuses bad lists', async () => {
    const { api, seed } = ctx();
    const [a, b] = seed.seats;
    const res = await api.get<Seat[]>(`/api/seats?ids=${a!.id},${b!.id},${MISSING_ID}`);
    expect(res.status).toBe(200);
    expect(res.body.map((s) => s.id).sort()).toEqual([a!.id, b!.id].sort());
    expectFieldError(await api.get(`/api/seats?ids=${a!.id},,${b!.id}`), 'ids.1', 'too_small');
    expectFieldError(await api.get(`/api/seats?ids=${Array.from({ length: 1001 }, (_, i) => `s${i}`).join(',')}`), 'ids', 'too_big');
  });

  it('lists the seats a person has held and the organisations they represented (personId), in one request each', async () => {
    const { api, seed } = ctx();
    const { person, seat, membership } = seed.holding('Charlotte Lyrskov');
    // A second seat for her, in a new term, on behalf of another organisation.
    const term = await api.create<Term>('/api/terms', fakeTerm());
    const other = seed.organization('Velux');
    const second = await api.create<Seat>('/api/seats', fakeSeat(seed, { termId: term.id, label: 'Anden plads' }));
    await api.create('/api/memberships', fakeMembership(second.id, person.id, { organizationId: other.id, startDate: term.startDate }));

    const seats = await api.list<Seat>(`/api/seats?personId=${person.id}`);
    expect(seats.map((s) => s.id).sort()).toEqual([seat.id, second.id].sort());
    const organizations = await api.list<{ id: string }>(`/api/organizations?personId=${person.id}`);
    expect(organizations.map((o) => o.id).sort()).toEqual([membership.organizationId, other.id].filter((id) => id !== null).sort());
    // Someone who never held a seat: nothing, not everything.
    const nobody = await api.create<{ id: string }>('/api/people', { name: 'Ingen Plads' });
    expect(await api.list(`/api/seats?personId=${nobody.id}`)).toEqual([]);
    expect(await api.list(`/api/organizations?personId=${nobody.id}`)).toEqual([]);
    expectFieldError(await api.get('/api/seats?personId='), 'personId', 'too_small');
  });

  it('filters a new seat into its own body and term only', async () => {
    const { api, seed } = ctx();
    const term = await api.create<Term>('/api/terms', fakeTerm());
    const forum = seed.forum('Erhvervstaskforce');
    const seat = await api.create<Seat>('/api/seats', fakeSeat(seed, { termId: term.id, bodyId: forum.id }));
    expect(await api.list(`/api/seats?bodyId=${forum.id}`)).toEqual([seat]);
    expect(await api.list(`/api/seats?termId=${term.id}`)).toEqual([seat]);
    expect(await api.list(`/api/seats?termId=${seed.term.id}&bodyId=${forum.id}`)).toEqual([]);
  });

  it('names every unknown reference at once', async () => {
    const { api, seed } = ctx();
    const input = fakeSeat(seed, { termId: MISSING_ID, bodyId: MISSING_ID });
    const res = await unchanged(api, () => api.post('/api/seats', input));
    const problem = expectFieldError(res, 'termId', 'unknown_reference');
    expect(problem.errors?.map((e) => e.field)).toEqual(['termId', 'bodyId']);
  });

  it('answers 400 for a bad filter value', async () => {
    expectFieldError(await ctx().api.get(`/api/seats?termId=`), 'termId', 'too_small');
  });

  it.each(['termId', 'bodyId'] as const)('refuses moving a held seat to another %s, naming its membership', async (field) => {
    const { api, seed } = ctx();
    const { seat, membership } = seed.holding('Daniel Bach');
    const target =
      field === 'termId'
        ? (await api.create<Term>('/api/terms', fakeTerm())).id
        : seed.forum('Jobtaskforce').id;
    const res = await unchanged(api, () => api.patch(`/api/seats/${seat.id}`, { [field]: target }, ifMatch(seat)));
    const problem = expectConflict(res, { rule: 'in-use', entity: 'membership', id: membership.id });
    expect(problem.errors).toContainEqual(expect.objectContaining({ field, code: 'in-use' }));
  });

  it('moves a seat without memberships to another term', async () => {
    const { api, seed } = ctx();
    const term = await api.create<Term>('/api/terms', fakeTerm());
    const seat = await api.create<Seat>('/api/seats', fakeSeat(seed));
    const res = await api.patch<Seat>(`/api/seats/${seat.id}`, { termId: term.id }, ifMatch(seat));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ ...seat, termId: term.id, version: 2 });
  });

  it('refuses to delete a seat that has a membership, naming it, until the membership is gone', async () => {
    const { api, seed } = ctx();
    const { seat, membership } = seed.holding('Per Hansen');
    await expectDeleteBlocked(api, `/api/seats/${seat.id}`, { entity: 'membership', id: membership.id });
    expect((await api.delete(`/api/memberships/${membership.id}`, ifMatch(membership))).status).toBe(204);
    expect((await api.delete(`/api/seats/${seat.id}`, ifMatch(seat))).status).toBe(204);
    expectProblem(await api.get(`/api/seats/${seat.id}`), 404);
  });
});
