import { describe, expect, it } from 'vitest';
import {
  NominationSchema,
  RenewalStateSchema,
  SwitchOverResultSchema,
  type Nomination,
  type RenewalState,
} from '../src/domain/renewal';
import { TermSchema, type Membership, type Person, type Roster, type Term } from '../src/domain/schemas';
import {
  expectConflict,
  expectFieldError,
  expectProblem,
  fakePerson,
  fakeTerm,
  ifMatch,
  must,
  snapshot,
  unchanged,
  useSeededBackend,
  type Api,
} from './test-helpers';

const ctx = useSeededBackend();

async function startRenewal(api: Api, termId: string, json: unknown = {}): Promise<Term> {
  const res = await api.post<Term>(`/api/terms/${termId}/renewal`, json);
  expect(res.status, res.text).toBe(201);
  return TermSchema.parse(res.body);
}

async function state(api: Api, termId: string): Promise<RenewalState> {
  const res = await api.get<RenewalState>(`/api/terms/${termId}/renewal`);
  expect(res.status, res.text).toBe(200);
  return RenewalStateSchema.parse(res.body);
}

async function bulk(api: Api, seats: { id: string; version?: number }[], json: Record<string, unknown>) {
  const res = await api.post<{ nominations: Nomination[] }>('/api/nominations/bulk', {
    items: seats.map((s) => ({ seatId: s.id, ...(s.version ? { version: s.version } : {}) })),
    ...json,
  });
  expect(res.status, res.text).toBe(200);
  return res.body.nominations.map((n) => NominationSchema.parse(n));
}

async function rosterOn(api: Api, asOf: string): Promise<Roster> {
  const res = await api.get<Roster>(`/api/roster?asOf=${asOf}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** The journey up to the switch-over: 18 reappointed, 2 nominated and confirmed, 1 dropped, 1 vacant. */
async function prepareJourney(api: Api, termId: string) {
  await startRenewal(api, termId);
  const { seats } = await state(api, termId);
  expect(seats).toHaveLength(22);
  const [dropped, vacant, askA, askB, ...rest] = seats;
  await bulk(api, rest.map((s) => s.seat), { decision: 'reappoint', status: 'confirmed' });
  await bulk(api, [must(dropped).seat], { decision: 'drop' });
  await bulk(api, [must(vacant).seat], { decision: 'vacant' });
  const asked = await bulk(api, [must(askA).seat, must(askB).seat], {
    decision: 'nominate',
    status: 'requested',
    requestedOn: '2019-05-01',
    dueDate: '2019-09-01',
  });
  const newcomers: Person[] = [];
  for (const [i, n] of asked.entries()) {
    const person = await api.create<Person>('/api/people', fakePerson({ name: `Testperson Fornyelse ${i + 1}`, email: null, phone: null }));
    newcomers.push(person);
    const received = await api.patch<Nomination>(`/api/nominations/${n.id}`, { status: 'received', personId: person.id }, ifMatch(n));
    expect(received.status, received.text).toBe(200);
    const confirmed = await api.patch<Nomination>(`/api/nominations/${n.id}`, { status: 'confirmed', title: 'Testtitel' }, ifMatch(received.body));
    expect(confirmed.status, confirmed.text).toBe(200);
  }
  return { dropped: must(dropped).seat, vacant: must(vacant).seat, newcomers };
}

describe('starting a renewal', () => {
  it('creates the next term with the proposed dates and a copy of every seat', async () => {
    const { api, seed } = ctx();
    const next = await startRenewal(api, seed.term.id);
    expect(next).toMatchObject({ label: '2022-2025', startDate: '2022-01-01', endDate: '2025-12-31' });
    const copies = await api.list<{ previousSeatId: string | null; label: string; nominatingOrganizationId: string | null }>(
      `/api/seats?termId=${next.id}`,
    );
    expect(copies).toHaveLength(seed.seats.length);
    for (const old of seed.seats) {
      expect(copies).toContainEqual(
        expect.objectContaining({ previousSeatId: old.id, label: old.label, nominatingOrganizationId: old.nominatingOrganizationId }),
      );
    }
    // The old term is untouched.
    expect(await api.list(`/api/seats?termId=${seed.term.id}`)).toEqual(
      [...seed.seats].sort((a, b) => a.label.localeCompare(b.label, 'da')),
    );
  });

  it('takes edited dates and label', async () => {
    const { api, seed } = ctx();
    const next = await startRenewal(api, seed.term.id, { label: 'Næste periode', startDate: '2022-02-01', endDate: '2025-06-30' });
    expect(next).toMatchObject({ label: 'Næste periode', startDate: '2022-02-01', endDate: '2025-06-30' });
  });

  it('answers the whole state: every seat undecided, every holder leaving until decided', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const s = await state(api, seed.term.id);
    expect(s.term.id).toBe(seed.term.id);
    expect(s.nextTerm.label).toBe('2022-2025');
    expect(s.progress).toEqual({ settled: 0, total: 22, undecided: 22, overdue: 0 });
    expect(s.checks.filter((c) => c.rule === 'undecided')).toHaveLength(22);
    expect(s.seats.every((seat) => seat.currentHolder !== null)).toBe(true);
    expect(s.comparison).toMatchObject({ seatCount: 22, currentSeatCount: 22 });
    expect(s.comparison.leaving).toHaveLength(22);
    expect(s.comparison.vacantOnDayOne).toHaveLength(22);
    expect(s.balance.current.vacant).toBe(0);
    expect(s.balance.next.vacant).toBe(22);
  });

  it('is refused a second time, naming the renewal, and changes nothing', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const res = await unchanged(api, () => api.post(`/api/terms/${seed.term.id}/renewal`, {}));
    expectConflict(res, { rule: 'duplicate', entity: 'renewal', summary: '2022-2025' });
  });

  it('refuses a next term that overlaps another term, naming it', async () => {
    const { api, seed } = ctx();
    const other = await api.create<Term>('/api/terms', fakeTerm({ label: 'Testperiode 2024', startDate: '2024-01-01', endDate: '2024-12-31' }));
    const res = await unchanged(api, () => api.post(`/api/terms/${seed.term.id}/renewal`, {}));
    expectConflict(res, { rule: 'term-overlap', entity: 'term', id: other.id });
  });

  it('refuses a next term that starts before the current one ends', async () => {
    const { api, seed } = ctx();
    const res = await unchanged(api, () => api.post(`/api/terms/${seed.term.id}/renewal`, { startDate: '2021-06-01' }));
    expectFieldError(res, 'startDate', 'not_after_current');
  });

  it('validates the input and answers 404 for an unknown term or a term without renewal', async () => {
    const { api, seed } = ctx();
    expectFieldError(await api.post(`/api/terms/${seed.term.id}/renewal`, { startDate: '2022-13-01' }), 'startDate', 'invalid_format');
    expectProblem(await api.post(`/api/terms/${seed.term.id}/renewal`, { surprise: 1 }), 400);
    expectProblem(await api.post('/api/terms/no-such-term/renewal', {}), 404);
    expectProblem(await api.get(`/api/terms/${seed.term.id}/renewal`), 404);
  });
});

describe('nominations', () => {
  it('a reappointment without a person takes the holder, with role, title and organisation', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [first] = (await state(api, seed.term.id)).seats;
    const holder = must(first?.currentHolder?.membership);
    const created = await api.create<Nomination>('/api/nominations', { seatId: must(first).seat.id, decision: 'reappoint', status: 'confirmed' });
    expect(created).toMatchObject({
      personId: holder.personId,
      role: holder.role,
      title: holder.title,
      organizationId: holder.organizationId,
    });
    const after = await state(api, seed.term.id);
    expect(after.progress.settled).toBe(1);
    expect(after.seats.find((s) => s.seat.id === first?.seat.id)?.nominee?.id).toBe(holder.personId);
  });

  it('refuses a nomination for a seat of a term that no renewal prepares', async () => {
    const { api, seed } = ctx();
    const res = await unchanged(api, () => api.post('/api/nominations', { seatId: must(seed.seats[0]).id, decision: 'vacant' }));
    expectConflict(res, { rule: 'not-renewal', entity: 'seat' });
  });

  it('refuses a second nomination for the same seat', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [first] = (await state(api, seed.term.id)).seats;
    const n = await api.create<Nomination>('/api/nominations', { seatId: must(first).seat.id, decision: 'vacant' });
    const res = await unchanged(api, () => api.post('/api/nominations', { seatId: must(first).seat.id, decision: 'drop' }));
    expectConflict(res, { rule: 'duplicate', entity: 'nomination', id: n.id });
  });

  it('refuses a nominee already confirmed for another seat in the same body, naming that seat', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [a, b] = (await state(api, seed.term.id)).seats;
    await api.create('/api/nominations', { seatId: must(a).seat.id, decision: 'reappoint', status: 'confirmed' });
    const res = await unchanged(api, () =>
      api.post('/api/nominations', {
        seatId: must(b).seat.id,
        decision: 'nominate',
        status: 'confirmed',
        personId: must(a?.currentHolder ?? undefined).person.id,
      }),
    );
    expectConflict(res, { rule: 'person-body', entity: 'seat', id: must(a).seat.id, field: 'personId' });
  });

  it('refuses a second confirmed chair in a body', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [a, b] = (await state(api, seed.term.id)).seats;
    const person = await api.create<Person>('/api/people', fakePerson({ email: null, phone: null }));
    await api.create('/api/nominations', { seatId: must(a).seat.id, decision: 'nominate', status: 'confirmed', personId: person.id, role: 'chair' });
    const created = await api.create<Nomination>('/api/nominations', { seatId: must(b).seat.id, decision: 'reappoint', status: 'received' });
    const res = await unchanged(api, () => api.patch(`/api/nominations/${created.id}`, { status: 'confirmed', role: 'chair' }, ifMatch(created)));
    expectConflict(res, { rule: 'body-chair', entity: 'seat', id: must(a).seat.id, field: 'role' });
  });

  it('validates cross-field rules next to the field', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [a] = (await state(api, seed.term.id)).seats;
    const seatId = must(a).seat.id;
    expectFieldError(await api.post('/api/nominations', { seatId, decision: 'nominate', status: 'confirmed' }), 'personId', 'nominee_required');
    expectFieldError(
      await api.post('/api/nominations', { seatId, decision: 'nominate', requestedOn: '2019-06-01', dueDate: '2019-05-01' }),
      'dueDate',
      'due_before_request',
    );
    expectFieldError(await api.post('/api/nominations', { seatId, decision: 'shrug' }), 'decision', 'invalid_value');
  });

  it('a request without a date is made today, and one past its due date is overdue', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [a, b] = (await state(api, seed.term.id)).seats;
    const today = await api.create<Nomination>('/api/nominations', { seatId: must(b).seat.id, decision: 'nominate', status: 'requested', dueDate: '2019-06-01' });
    expect(today.requestedOn).toBe('2019-06-01');
    // A request made today cannot have been due yesterday.
    expectFieldError(
      await api.post('/api/nominations', { seatId: must(a).seat.id, decision: 'nominate', status: 'requested', dueDate: '2019-05-31' }),
      'dueDate',
      'due_before_request',
    );
    await api.create('/api/nominations', { seatId: must(a).seat.id, decision: 'nominate', status: 'requested', requestedOn: '2019-05-01', dueDate: '2019-05-31' });
    const s = await state(api, seed.term.id);
    expect(s.progress.overdue).toBe(1);
    expect(s.checks).toContainEqual(expect.objectContaining({ rule: 'overdue', seatId: must(a).seat.id, blocking: false }));
  });

  it('bulk: asks every business seat at once, all or nothing', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const s = await state(api, seed.term.id);
    const business = s.seats.filter((seat) => seat.nominatingOrganization?.sector === 'business');
    expect(business.length).toBeGreaterThan(1);
    const written = await bulk(api, business.map((b) => b.seat), { decision: 'nominate', status: 'requested', dueDate: '2019-09-01' });
    expect(written.map((n) => n.seatId).sort()).toEqual(business.map((b) => b.seat.id).sort());
    expect(written.every((n) => n.status === 'requested' && n.requestedOn === '2019-06-01')).toBe(true);

    // A stale version in the batch changes none of them.
    const [first, second] = written;
    const res = await unchanged(api, () =>
      api.post('/api/nominations/bulk', {
        items: [
          { seatId: must(first).seatId, version: must(first).version },
          { seatId: must(second).seatId, version: must(second).version + 5 },
        ],
        decision: 'vacant',
      }),
    );
    expectConflict(res, { rule: 'stale-version', entity: 'nomination', id: must(second).id });
  });

  it('bulk reappointment of a seat nobody holds is refused on that item', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [a, b] = (await state(api, seed.term.id)).seats;
    // Vacate the first seat before the old term ends.
    const holder = must(a?.currentHolder?.membership);
    const ended = await api.send('POST', `/api/memberships/${holder.id}/end`, {
      json: { endDate: '2019-12-31', endReason: 'Fratrådt (test)' },
      headers: ifMatch(holder),
    });
    expect(ended.status, ended.text).toBe(200);
    const res = await unchanged(api, () =>
      api.post('/api/nominations/bulk', { items: [{ seatId: must(b).seat.id }, { seatId: must(a).seat.id }], decision: 'reappoint', status: 'confirmed' }),
    );
    expectFieldError(res, 'items.1.decision', 'no_holder');
  });
});

describe('switch-over', () => {
  it('is refused while seats are unsettled, listing every one, and changes nothing', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const s = await state(api, seed.term.id);
    const res = await unchanged(api, () => api.post(`/api/terms/${seed.term.id}/switch-over`, {}));
    const problem = expectProblem(res, 409);
    expect(problem.conflicts?.map((c) => c.id).sort()).toEqual(s.seats.map((seat) => seat.seat.id).sort());
    expect(problem.conflicts?.every((c) => c.rule === 'undecided' && c.entity === 'seat')).toBe(true);
  });

  it("the issue's journey: 18 continue, 2 new, 4 leave, 21 seats of which 1 vacant; the rosters before and after", async () => {
    const { api, seed } = ctx();
    const { dropped, vacant, newcomers } = await prepareJourney(api, seed.term.id);
    const before = await state(api, seed.term.id);
    expect(before.progress).toMatchObject({ settled: 22, total: 22 });
    expect(before.checks.filter((c) => c.blocking)).toEqual([]);
    expect(before.comparison.continuing).toHaveLength(18);
    expect(before.comparison.joining.map((p) => p.person.name).sort()).toEqual(newcomers.map((p) => p.name).sort());
    expect(before.comparison.leaving).toHaveLength(4);
    expect(before.comparison.seatCount).toBe(21);
    expect(before.comparison.vacantOnDayOne.map((s) => s.id)).toEqual([vacant.id]);
    expect(before.comparison.droppedSeats.map((s) => s.id)).toEqual([dropped.previousSeatId]);
    expect(before.balance.next.vacant).toBe(1);

    const res = await api.post(`/api/terms/${seed.term.id}/switch-over`, {});
    expect(res.status, res.text).toBe(200);
    const result = SwitchOverResultSchema.parse(res.body);
    expect(result.created).toHaveLength(20);
    expect(result.ended).toHaveLength(22);
    expect(result.ended.every((m) => m.endDate === '2021-12-31' && m.endReason === 'term-ended')).toBe(true);
    expect(result.removedSeatIds).toEqual([dropped.id]);
    expect(result.renewal.switchedOverAt).not.toBeNull();

    const newRoster = await rosterOn(api, '2022-01-01');
    expect(newRoster.term?.label).toBe('2022-2025');
    expect(newRoster.entries).toHaveLength(21);
    expect(newRoster.entries.filter((e) => e.vacant).map((e) => e.seat.id)).toEqual([vacant.id]);
    expect(newRoster.entries.map((e) => e.person?.name)).toEqual(expect.arrayContaining(newcomers.map((p) => p.name)));
    const oldRoster = await rosterOn(api, '2021-12-31');
    expect(oldRoster.entries).toHaveLength(22);
    expect(oldRoster.entries.every((e) => !e.vacant)).toBe(true);
    expect(oldRoster.entries.map((e) => e.person?.id).sort()).toEqual(seed.memberships.map((m) => m.personId).sort());

    // Once only; the nominations are closed.
    expectConflict(await unchanged(api, () => api.post(`/api/terms/${seed.term.id}/switch-over`, {})), { rule: 'switched-over' });
    const [n] = await api.list<Nomination>(`/api/nominations?termId=${result.nextTerm.id}`);
    expectConflict(await unchanged(api, () => api.patch(`/api/nominations/${must(n).id}`, { note: 'Sent' }, ifMatch(must(n)))), {
      rule: 'switched-over',
    });
  });

  it('starts with named vacancies when the coordinator names the unsettled seats, and only those', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [open, ...rest] = (await state(api, seed.term.id)).seats;
    await bulk(api, rest.map((s) => s.seat), { decision: 'reappoint', status: 'confirmed' });
    expectConflict(await unchanged(api, () => api.post(`/api/terms/${seed.term.id}/switch-over`, {})), {
      rule: 'undecided',
      id: must(open).seat.id,
    });
    expectFieldError(
      await api.post(`/api/terms/${seed.term.id}/switch-over`, { vacantSeatIds: ['no-such-seat'] }),
      'vacantSeatIds.0',
      'unknown_reference',
    );
    const res = await api.post<{ created: Membership[] }>(`/api/terms/${seed.term.id}/switch-over`, { vacantSeatIds: [must(open).seat.id] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.created).toHaveLength(21);
    const roster = await rosterOn(api, '2022-01-01');
    expect(roster.entries.filter((e) => e.vacant).map((e) => e.seat.id)).toEqual([must(open).seat.id]);
  });

  it('a failure halfway leaves nothing behind', async () => {
    const { api, seed, store } = ctx();
    await startRenewal(api, seed.term.id);
    const s = await state(api, seed.term.id);
    await bulk(api, s.seats.map((seat) => seat.seat), { decision: 'reappoint', status: 'confirmed' });
    // Someone assigns a membership on the last seat's first day behind the renewal's back.
    const last = must(s.seats.at(-1));
    const person = await api.create<Person>('/api/people', fakePerson({ email: null, phone: null }));
    await store.memberships.insert({
      seatId: last.seat.id,
      personId: person.id,
      organizationId: null,
      role: 'member',
      title: '',
      startDate: '2022-01-01',
      endDate: null,
      endReason: null,
      decidedOn: null,
      source: null,
      endDecidedOn: null,
      endSource: null,
    });
    const res = await unchanged(api, () => api.post(`/api/terms/${seed.term.id}/switch-over`, {}));
    expectConflict(res, { rule: 'seat-holder', id: last.seat.id });
  });
});

describe('cancelling, the request list and settings', () => {
  it('cancelling removes the prepared term, its seats and nominations; stale or after switch-over it is refused', async () => {
    const { api, seed } = ctx();
    const before = await snapshot(api);
    await startRenewal(api, seed.term.id);
    const s = await state(api, seed.term.id);
    await bulk(api, [must(s.seats[0]).seat], { decision: 'vacant' });
    expectConflict(await api.delete(`/api/terms/${seed.term.id}/renewal`, ifMatch({ version: s.renewal.version + 1 })), {
      rule: 'stale-version',
    });
    expectProblem(await api.delete(`/api/terms/${seed.term.id}/renewal`), 428);
    const res = await api.delete(`/api/terms/${seed.term.id}/renewal`, ifMatch(s.renewal));
    expect(res.status, res.text).toBe(204);
    expect(await snapshot(api)).toEqual(before);
    expectProblem(await api.get(`/api/terms/${seed.term.id}/renewal`), 404);
  });

  it('cannot be cancelled after the switch-over', async () => {
    const { api, seed } = ctx();
    await prepareJourney(api, seed.term.id);
    expect((await api.post(`/api/terms/${seed.term.id}/switch-over`, {})).status).toBe(200);
    const s = await state(api, seed.term.id);
    expectConflict(await unchanged(api, () => api.delete(`/api/terms/${seed.term.id}/renewal`, ifMatch(s.renewal))), {
      rule: 'switched-over',
    });
  });

  it('the request list is a CSV for a mail merge, one row per seat to ask', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const s = await state(api, seed.term.id);
    const business = s.seats.filter((seat) => seat.nominatingOrganization?.sector === 'business').slice(0, 2);
    await bulk(api, business.map((b) => b.seat), { decision: 'nominate', status: 'requested', dueDate: '2019-09-01' });
    const res = await api.get(`/api/terms/${seed.term.id}/renewal/requests.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="indstillinger-2022-2025\.csv"/);
    expect(res.text.startsWith('Organisation;Plads;Organ;')).toBe(true);
    // A byte order mark first, so Excel reads æøå as UTF-8.
    const bytes = new Uint8Array(await (await ctx().app.request(`/api/terms/${seed.term.id}/renewal/requests.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    for (const b of business) {
      expect(res.text).toContain(`${b.seat.label};Horsens Alliancen;${b.currentHolder?.person.name}`);
    }
    expect(res.text).toContain('2019-09-01;Anmodet');
  });

  it('settings tell the renewal reminder days', async () => {
    const { api } = ctx();
    expect((await api.get('/api/settings')).body).toEqual({ renewalReminderDays: 180 });
  });

  it('writes to nominations are in the audit trail', async () => {
    const { api, seed } = ctx();
    await startRenewal(api, seed.term.id);
    const [a] = (await state(api, seed.term.id)).seats;
    const n = await api.create<Nomination>('/api/nominations', { seatId: must(a).seat.id, decision: 'vacant' });
    const res = await api.get<{ entity: string; entityId: string; action: string }[]>(`/api/audit?entity=nominations&entityId=${n.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ entity: 'nominations', entityId: n.id, action: 'create' })]);
  });
});
