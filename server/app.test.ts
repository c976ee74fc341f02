import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { RosterSchema, SECTORS, type Roster, type Seat, type Term } from '../src/domain/schemas';
import { createApp } from './app';
import { REPRESENTATIVES, seedHorsensAlliancen } from './seed/horsens-alliancen';
import { createMemoryStore } from './store/memory-store';
import type { Repos, Store } from './store/store';
import {
  MISSING_ID,
  TODAY,
  client,
  type ApiResponse,
  expectFieldError,
  expectProblem,
  expectSortedBy,
  fakeMembership,
  fakePerson,
  fakeSeat,
  fakeTerm,
  must,
  snapshot,
  useSeededBackend,
  vacate,
  TEST_AUTH,
} from './test-helpers';

const ctx = useSeededBackend();

describe('GET /api/health', () => {
  it('answers 200 {status: "ok"}', async () => {
    const res = await ctx().api.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/nothing-here'],
    ['GET', '/api/people/some-id/extra'],
    ['PUT', '/api/people/some-id'],
    ['POST', '/api/roster'],
    ['DELETE', '/api/health'],
    ['GET', '/not-the-api'],
  ])('%s %s answers 404 problem+json', async (method, path) => {
    const problem = expectProblem(await ctx().api.send(method, path), 404);
    expect(problem.detail).toContain(path);
  });
});

describe('GET /api/roster', () => {
  const roster = async (query: string) => {
    const res = await ctx().api.get<Roster>(`/api/roster${query}`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return RosterSchema.parse(res.body);
  };
  const entryOf = (r: Roster, seat: Seat) => must(r.entries.find((e) => e.seat.id === seat.id), 'roster entry');

  it('shows the seeded council on 2019-06-01: 22 seats, all held, with person, title, organisation and sector', async () => {
    const r = await roster('?asOf=2019-06-01');
    expect(r.asOf).toBe('2019-06-01');
    expect(r.body.name).toBe('Horsens Alliancen');
    expect(r.term?.label).toBe('2018-2021');
    expect(r.entries).toHaveLength(22);
    for (const e of r.entries) {
      expect(e.vacant).toBe(false);
      expect(e.person?.name).toBeTruthy();
      expect(e.membership?.title).toBeTruthy();
      expect(e.organization?.name).toBeTruthy();
      expect(SECTORS).toContain(e.sector);
      expect(e.membership?.seatId).toBe(e.seat.id);
    }
    const seen = r.entries.map((e) => [e.person?.name, e.membership?.title, e.organization?.name]);
    const expected = REPRESENTATIVES.map(([n, t, o]) => [n, t, o === 'LO Horsens Hedensted' ? 'LO Horsens-Hedensted' : o]);
    expect(seen).toEqual(expect.arrayContaining(expected));
    expectSortedBy(r.entries.map((e) => e.seat), 'label');
  });

  it('gives each holder the sector of their organisation', async () => {
    const r = await roster('?asOf=2019-06-01');
    const sectorOf = (name: string) => r.entries.find((e) => e.person?.name === name)?.sector;
    expect(sectorOf('Peter Sørensen')).toBe('municipality');
    expect(sectorOf('Lone Dybdal')).toBe('union');
    expect(sectorOf('Lotte Thøgersen')).toBe('education');
    expect(sectorOf('Daniel Bach')).toBe('business');
  });

  it("defaults to the council and today's date", async () => {
    const r = await roster('');
    expect(r.asOf).toBe(TODAY);
    expect(r.body.id).toBe(ctx().seed.council.id);
    expect(r.entries).toHaveLength(22);
  });

  it.each(['2022-06-01', '2017-12-31'])('has no term and no entries on %s', async (asOf) => {
    const r = await roster(`?asOf=${asOf}`);
    expect(r).toMatchObject({ asOf, term: null, entries: [] });
    expect(r.body.id).toBe(ctx().seed.council.id);
  });

  it('shows a seat vacant from the day after its membership ends, and held on that day', async () => {
    const { api, seed } = ctx();
    const { seat, membership, person } = seed.holding('Charlotte Lyrskov');
    await vacate(api, membership, '2019-05-31');

    const after = await roster('?asOf=2019-06-01');
    expect(after.entries).toHaveLength(22);
    expect(entryOf(after, seat)).toMatchObject({
      vacant: true,
      membership: null,
      person: null,
      organization: { name: 'Horsens Kommune' },
      sector: 'municipality',
    });
    expect(after.entries.filter((e) => e.vacant)).toHaveLength(1);

    const onLastDay = await roster('?asOf=2019-05-31');
    expect(entryOf(onLastDay, seat)).toMatchObject({ vacant: false, person: { id: person.id }, membership: { id: membership.id } });
    expect(onLastDay.entries.every((e) => !e.vacant)).toBe(true);
  });

  it('shows the successor once a replacement is recorded', async () => {
    const { api, seed } = ctx();
    const { seat, membership } = seed.holding('Charlotte Lyrskov');
    await vacate(api, membership, '2019-05-31');
    const person = await api.create<{ id: string }>('/api/people', fakePerson());
    await api.create('/api/memberships', fakeMembership(seat.id, person.id, { startDate: '2019-06-01', title: 'Testdirektør' }));
    const entry = entryOf(await roster('?asOf=2019-06-01'), seat);
    expect(entry).toMatchObject({ vacant: false, person: { id: person.id, name: 'Testperson Eksempelsen' }, membership: { title: 'Testdirektør' } });
  });

  it('lists a forum without seats with its term and no entries', async () => {
    const forum = ctx().seed.forum('Jobtaskforce');
    const r = await roster(`?bodyId=${forum.id}&asOf=2019-06-01`);
    expect(r.body).toEqual(forum);
    expect(r.term?.label).toBe('2018-2021');
    expect(r.entries).toEqual([]);
  });

  it('lists the seats of a new term as vacant, with the nominating organisation and its sector', async () => {
    const { api, seed } = ctx();
    const term = await api.create<Term>('/api/terms', fakeTerm({ label: '2022-2025', startDate: '2022-01-01', endDate: '2025-12-31' }));
    const velux = seed.organization('Velux');
    const seat = await api.create<Seat>(
      '/api/seats',
      fakeSeat(seed, { termId: term.id, label: 'Velux', nominatingOrganizationId: velux.id, reservedSector: 'business' }),
    );
    const r = await roster('?asOf=2022-06-01');
    expect(r.term?.id).toBe(term.id);
    expect(r.entries).toEqual([
      { seat, membership: null, person: null, organization: velux, sector: 'business', vacant: true },
    ]);
  });

  it('answers 404 for an unknown bodyId', async () => {
    const problem = expectProblem(await ctx().api.get(`/api/roster?bodyId=${MISSING_ID}&asOf=2019-06-01`), 404);
    expect(problem.detail).toContain(MISSING_ID);
  });

  it.each(['2019-13-01', '01-06-2019', '2019-6-1', 'i dag', ''])('answers 400 on asOf for %j', async (asOf) => {
    expectFieldError(await ctx().api.get(`/api/roster?asOf=${encodeURIComponent(asOf)}`), 'asOf', 'invalid_format');
  });

  it('answers 400 on bodyId when it is empty', async () => {
    expectFieldError(await ctx().api.get('/api/roster?bodyId='), 'bodyId', 'too_small');
  });

  it.each([
    ['termId', 'x'],
    ['date', '2019-06-01'],
  ])('answers 400 naming the unknown query parameter %s', async (param, value) => {
    expectFieldError(await ctx().api.get(`/api/roster?${param}=${value}`), param, 'unrecognized_keys');
  });
});

describe('internal errors', () => {
  const SECRET = 'Fortroligt: Testperson Eksempelsen';
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The seeded memory store with some repositories replaced, also inside transactions. */
  async function failingApp(patch: (repos: Repos) => Repos) {
    const base = createMemoryStore();
    await seedHorsensAlliancen(base);
    const store: Store = { ...base, ...patch(base), transaction: (fn, options) => base.transaction((tx) => fn({ ...patch(tx), scrubAudit: tx.scrubAudit }), options) };
    return { plain: client(createApp({ store: base, today: () => TODAY, auth: TEST_AUTH })), api: client(createApp({ store, today: () => TODAY, auth: TEST_AUTH })) };
  }

  const expectGeneric500 = (res: ApiResponse, logged: MockInstance) => {
    const problem = expectProblem(res, 500);
    expect(problem).toMatchObject({ type: '/problems/internal', title: 'Internal server error' });
    expect(res.text).not.toContain('Fortroligt');
    expect(logged).toHaveBeenCalled();
    expect(JSON.stringify(logged.mock.calls)).not.toContain('Fortroligt');
  };

  it('answers 500 problem+json without internals when the store fails a read', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { api } = await failingApp((r) => ({ ...r, people: { ...r.people, list: () => Promise.reject(new Error(SECRET)) } }));
    expectGeneric500(await api.get('/api/people'), logged);
  });

  it('answers 500 and keeps nothing of a write that failed after the insert', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { api, plain } = await failingApp((r) => ({
      ...r,
      people: {
        ...r.people,
        insert: async (data) => {
          await r.people.insert(data);
          throw new Error(SECRET);
        },
      },
    }));
    const before = await snapshot(plain);
    expectGeneric500(await api.post('/api/people', fakePerson()), logged);
    expect(await snapshot(plain)).toEqual(before);
  });
});
