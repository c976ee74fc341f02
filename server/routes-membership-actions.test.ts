import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../src/domain/dates';
import {
  MembershipSchema,
  MembershipSegmentsSchema,
  type Membership,
  type MembershipSegments,
  type Person,
  type Roster,
  type Seat,
} from '../src/domain/schemas';
import { linkSegments } from '../src/domain/segments';
import {
  expectConflict,
  expectFieldError,
  expectProblem,
  FAKE_TEXT,
  fakeMembership,
  fakePerson,
  fakeSeat,
  longText,
  MISSING_ID,
  must,
  snapshot,
  unchanged,
  useSeededBackend,
  type Api,
  type ApiResponse,
} from './test-helpers';

const ctx = useSeededBackend();

type Action = 'change' | 'end' | 'reopen' | 'revert';

/** POST an action on a membership; `ifMatch` is a version number, a raw header value, or absent. */
function act<T = MembershipSegments>(
  api: Api,
  action: Action,
  id: string,
  ifMatch: number | string | undefined,
  json?: unknown,
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> =
    ifMatch === undefined ? {} : { 'If-Match': typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch };
  return api.send<T>('POST', `/api/memberships/${id}/${action}`, { json, headers });
}

/** An action that must succeed; returns its segments, checked against the shared schema. */
async function actOk(api: Api, action: Action, m: Pick<Membership, 'id' | 'version'>, json?: unknown): Promise<Membership[]> {
  const res = await act(api, action, m.id, m.version, json);
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return MembershipSegmentsSchema.parse(res.body).segments;
}

async function rosterEntry(api: Api, asOf: IsoDate, seat: Pick<Seat, 'id'>) {
  const res = await api.get<Roster>(`/api/roster?asOf=${asOf}`);
  expect(res.status, res.text).toBe(200);
  return must(res.body.entries.find((e) => e.seat.id === seat.id), 'roster entry');
}

const getMembership = async (api: Api, id: string) => (await api.get<Membership>(`/api/memberships/${id}`)).body;
const seatMemberships = async (api: Api, seatId: string) =>
  (await api.list<Membership>(`/api/memberships?seatId=${seatId}`)).sort((a, b) => a.startDate.localeCompare(b.startDate));

/** Every answer an undo must restore: all records, and the council's roster on the given days. */
async function answers(api: Api, days: IsoDate[]) {
  return {
    records: await snapshot(api),
    rosters: await Promise.all(days.map(async (d) => (await api.get(`/api/roster?asOf=${d}`)).body)),
  };
}

/**
 * The answers with the version of the given records blanked: an undo restores the data, while
 * a version only ever goes up (else a stale If-Match could match again).
 */
function ignoringVersionOf(value: unknown, ids: readonly string[]): unknown {
  return JSON.parse(JSON.stringify(value), function (this: Record<string, unknown>, key: string, v: unknown) {
    return key === 'version' && typeof this.id === 'string' && ids.includes(this.id) ? 'restored' : v;
  }) as unknown;
}

const CHARLOTTE = 'Charlotte Lyrskov';
const OLD_TITLE = 'Konst. direktør, Teknik og Miljø';
const NEW_TITLE = 'Direktør, Teknik og Miljø';

describe('POST /api/memberships/:id/change', () => {
  it("changes Charlotte Lyrskov's title from 2019-03-01: two segments, and the roster shows each title on its day", async () => {
    const { api, seed } = ctx();
    const { membership, seat, person } = seed.holding(CHARLOTTE);
    expect(membership.title).toBe(OLD_TITLE);
    const decision = { decidedOn: '2019-02-14', source: 'https://example.org/referat/2019-02' };

    const [ended, started] = await actOk(api, 'change', membership, { effectiveDate: '2019-03-01', title: NEW_TITLE, ...decision });

    expect(ended).toEqual({
      ...membership,
      endDate: '2019-02-28',
      endReason: 'changed',
      endDecidedOn: decision.decidedOn,
      endSource: decision.source,
      version: 2,
    });
    expect(started).toEqual({
      id: expect.any(String) as unknown,
      version: 1,
      seatId: seat.id,
      personId: person.id,
      organizationId: membership.organizationId,
      role: 'member',
      title: NEW_TITLE,
      startDate: '2019-03-01',
      endDate: null,
      endReason: null,
      endDecidedOn: null,
      endSource: null,
      ...decision,
    });
    expect(Object.keys(must(started)).sort()).toEqual(Object.keys(MembershipSchema.shape).sort());
    expect(await getMembership(api, membership.id)).toEqual(ended);
    expect(await getMembership(api, must(started).id)).toEqual(started);
    expect(await seatMemberships(api, seat.id)).toEqual([ended, started]);

    const before = await rosterEntry(api, '2019-02-28', seat);
    const after = await rosterEntry(api, '2019-03-01', seat);
    expect(before.membership?.title).toBe(OLD_TITLE);
    expect(after.membership?.title).toBe(NEW_TITLE);
    expect([before.person?.id, after.person?.id]).toEqual([person.id, person.id]);
    expect([before.vacant, after.vacant]).toEqual([false, false]);
  });

  it('keeps role, title and organisation not given, and links the segments as "continues"', async () => {
    const { api, seed } = ctx();
    const { membership, seat } = seed.holding('Peter Sørensen');
    const [, started] = await actOk(api, 'change', membership, { effectiveDate: '2019-01-01', role: 'chair' });
    expect(started).toMatchObject({ role: 'chair', title: 'Borgmester', organizationId: membership.organizationId, personId: membership.personId });
    expect((await rosterEntry(api, '2018-12-31', seat)).membership?.role).toBe('member');
    expect((await rosterEntry(api, '2019-01-01', seat)).membership?.role).toBe('chair');
    const links = linkSegments(await seatMemberships(api, seat.id));
    expect(links.map((l) => [l.previousLink, l.nextLink])).toEqual([
      [null, 'continues'],
      ['continues', null],
    ]);
  });

  it('replaces the holder with another person: no title or organisation unless given, and "replaced" on the old segment', async () => {
    const { api, seed } = ctx();
    const { membership, seat, person: niels } = seed.holding('Niels Yde');
    const successor = await api.create<Person>('/api/people', fakePerson({ name: 'Testperson Efterfølger' }));

    const [ended, started] = await actOk(api, 'change', membership, { effectiveDate: '2019-06-01', personId: successor.id });

    expect(ended).toEqual({ ...membership, endDate: '2019-05-31', endReason: 'replaced', version: 2 });
    expect(started).toMatchObject({ seatId: seat.id, personId: successor.id, role: 'member', title: '', organizationId: null, startDate: '2019-06-01', endDate: null });
    expect((await rosterEntry(api, '2019-05-31', seat)).person?.id).toBe(niels.id);
    const entry = await rosterEntry(api, '2019-06-01', seat);
    expect(entry.person?.id).toBe(successor.id);
    // No organisation of their own: the roster counts the seat's nominator.
    expect(entry.organization?.id).toBe(seat.nominatingOrganizationId);
    const [first, second] = linkSegments(await seatMemberships(api, seat.id));
    expect([first?.nextLink, second?.previousLink, second?.previous?.id]).toEqual(['replaces', 'replaces', membership.id]);
  });

  it('takes a title and organisation given for the successor', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Niels Yde');
    const successor = await api.create<Person>('/api/people', fakePerson());
    const via = seed.organization('VIA UC');
    const [, started] = await actOk(api, 'change', membership, {
      effectiveDate: '2019-06-01',
      personId: successor.id,
      title: 'Konst. direktør',
      organizationId: via.id,
      role: 'vice-chair',
    });
    expect(started).toMatchObject({ title: 'Konst. direktør', organizationId: via.id, role: 'vice-chair' });
  });

  it("ends the old segment with the change's decision, which also starts the new one", async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const decision = { decidedOn: '2019-02-15', source: 'https://example.org/referat/2019-02-15' };
    const [ended, started] = await actOk(api, 'change', membership, { effectiveDate: '2019-03-01', title: NEW_TITLE, ...decision });
    expect(ended).toMatchObject({ endDate: '2019-02-28', endDecidedOn: decision.decidedOn, endSource: decision.source });
    expect(started).toMatchObject({ decidedOn: decision.decidedOn, source: decision.source, endDecidedOn: null, endSource: null });
  });

  it('passes a planned end and its reason on to the new segment', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const [withEnd] = await actOk(api, 'end', membership, { endDate: '2020-12-31', endReason: 'Går på pension' });
    const [ended, started] = await actOk(api, 'change', must(withEnd), { effectiveDate: '2019-03-01', title: NEW_TITLE });
    expect(ended).toMatchObject({ endDate: '2019-02-28', endReason: 'changed' });
    expect(started).toMatchObject({ startDate: '2019-03-01', endDate: '2020-12-31', endReason: 'Går på pension' });
  });

  it('accepts a change that takes effect on the last day of the membership', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const [ended, started] = await actOk(api, 'change', membership, { effectiveDate: '2021-12-31', title: NEW_TITLE });
    expect(ended).toMatchObject({ startDate: '2018-01-01', endDate: '2021-12-30' });
    expect(started).toMatchObject({ startDate: '2021-12-31', endDate: null });
  });

  it('round-trips Danish letters and emoji in the title', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const [, started] = await actOk(api, 'change', membership, { effectiveDate: '2019-03-01', title: FAKE_TEXT });
    expect(started?.title).toBe(FAKE_TEXT);
    const fetched = await api.get<Membership>(`/api/memberships/${must(started).id}`);
    expect(fetched.body.title).toBe(FAKE_TEXT);
    expect(fetched.text).toContain(FAKE_TEXT);
  });

  it('refuses a second chair in the body with 409 naming the chair, and leaves the other member as they were', async () => {
    const { api, seed } = ctx();
    const [, chair] = await actOk(api, 'change', seed.holding('Peter Sørensen').membership, { effectiveDate: '2019-01-01', role: 'chair' });
    const { membership } = seed.holding('Martin Ravn');
    const res = await unchanged(api, () => act(api, 'change', membership.id, 1, { effectiveDate: '2019-06-01', role: 'chair' }));
    const problem = expectConflict(res, { rule: 'body-chair', entity: 'membership', id: must(chair).id });
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'role', code: 'body-chair' }));
    expect(await getMembership(api, membership.id)).toEqual(membership);
  });

  it('refuses a successor who already sits in the body, naming their membership; the old segment is untouched', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Niels Yde');
    const bo = seed.holding('Bo Ulsøe');
    const res = await unchanged(api, () =>
      act(api, 'change', membership.id, 1, { effectiveDate: '2019-06-01', personId: bo.person.id }),
    );
    expectConflict(res, { rule: 'person-body', entity: 'membership', id: bo.membership.id });
    expect(await getMembership(api, membership.id)).toEqual(membership);
  });

  it.each([
    ['on the start date', '2018-01-01', 'not_after_start'],
    ['before the start date', '2017-06-01', 'not_after_start'],
    ['after the term that closes an open end', '2022-01-01', 'after_end'],
  ])('refuses an effectiveDate %s with 400', async (_case, effectiveDate, code) => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const res = await unchanged(api, () => act(api, 'change', membership.id, 1, { effectiveDate, title: NEW_TITLE }));
    expectFieldError(res, 'effectiveDate', code);
  });

  it('refuses an effectiveDate after the end of an ended membership', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    await actOk(api, 'end', membership, { endDate: '2019-05-31', endReason: 'Fratrådt' });
    const res = await unchanged(api, () => act(api, 'change', membership.id, 2, { effectiveDate: '2019-06-01', title: NEW_TITLE }));
    expectFieldError(res, 'effectiveDate', 'after_end');
  });

  it.each([
    ['only a date', {}],
    ['the same title', { title: OLD_TITLE }],
    ['the same title with spaces around it', { title: ` ${OLD_TITLE} ` }],
    ['the same person', { personId: 'SAME' }],
    ['only a decision date and source', { decidedOn: '2019-02-14', source: 'https://example.org/referat' }],
  ])('refuses a change that changes nothing (%s)', async (_case, over) => {
    const { api, seed } = ctx();
    const { membership, person } = seed.holding(CHARLOTTE);
    const body = { effectiveDate: '2019-03-01', ...over, ...('personId' in over ? { personId: person.id } : {}) };
    const res = await unchanged(api, () => act(api, 'change', membership.id, 1, body));
    expectFieldError(res, '(body)', 'no_change');
  });

  it.each([
    ['effectiveDate', { title: NEW_TITLE }, 'invalid_type'],
    ['effectiveDate', { effectiveDate: '2019-02-30', title: NEW_TITLE }, 'invalid_format'],
    ['role', { effectiveDate: '2019-03-01', role: 'boss' }, 'invalid_value'],
    ['title', { effectiveDate: '2019-03-01', title: longText(301) }, 'too_big'],
    ['source', { effectiveDate: '2019-03-01', title: NEW_TITLE, source: 'ftp://example.org' }, 'url_format'],
    ['endDate', { effectiveDate: '2019-03-01', title: NEW_TITLE, endDate: '2019-12-31' }, 'unrecognized_keys'],
    ['seatId', { effectiveDate: '2019-03-01', title: NEW_TITLE, seatId: 'other' }, 'unrecognized_keys'],
  ])('answers 400 on %s for %j', async (field, body, code) => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const res = await unchanged(api, () => act(api, 'change', membership.id, 1, body));
    expectFieldError(res, field, code);
  });

  it.each(['personId', 'organizationId'])('answers 400 unknown_reference for an unknown %s and leaves the old segment', async (field) => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const res = await unchanged(api, () => act(api, 'change', membership.id, 1, { effectiveDate: '2019-03-01', [field]: MISSING_ID }));
    expectFieldError(res, field, 'unknown_reference');
    expect(await getMembership(api, membership.id)).toEqual(membership);
  });

  it('lets exactly one of ten parallel changes based on the same version win', async () => {
    const { api, seed } = ctx();
    const { membership, seat } = seed.holding(CHARLOTTE);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        act(api, 'change', membership.id, 1, { effectiveDate: `2019-03-${String(i + 1).padStart(2, '0')}`, title: `${NEW_TITLE} ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expectConflict(r, { rule: 'stale-version', id: membership.id });
    expect(await seatMemberships(api, seat.id)).toHaveLength(2);
  });
});

describe('POST /api/memberships/:id/revert (the inverse of change)', () => {
  it('restores every answer after a title change, except the version that went up', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const days = ['2019-02-28', '2019-03-01', '2021-12-31'];
    const before = await answers(api, days);
    const [, started] = await actOk(api, 'change', membership, { effectiveDate: '2019-03-01', title: NEW_TITLE });

    const [restored] = await actOk(api, 'revert', must(started));

    expect(restored).toEqual({ ...membership, version: 3 });
    expect(ignoringVersionOf(await answers(api, days), [membership.id])).toEqual(ignoringVersionOf(before, [membership.id]));
    expectProblem(await api.get(`/api/memberships/${must(started).id}`), 404);
  });

  it('restores the replaced holder, with the end and reason the removed segment had', async () => {
    const { api, seed } = ctx();
    const { membership, seat } = seed.holding('Niels Yde');
    const successor = await api.create<Person>('/api/people', fakePerson());
    const [withEnd] = await actOk(api, 'end', membership, { endDate: '2020-12-31', endReason: 'Fratrådt' });
    const days = ['2019-05-31', '2019-06-01', '2021-01-01'];
    const before = await answers(api, days);
    const [, started] = await actOk(api, 'change', must(withEnd), { effectiveDate: '2019-06-01', personId: successor.id });
    expect((await rosterEntry(api, '2019-06-01', seat)).person?.id).toBe(successor.id);

    const [restored] = await actOk(api, 'revert', must(started), {});

    expect(restored).toMatchObject({ id: membership.id, endDate: '2020-12-31', endReason: 'Fratrådt' });
    expect(ignoringVersionOf(await answers(api, days), [membership.id])).toEqual(ignoringVersionOf(before, [membership.id]));
  });

  it('merges the middle of three segments into the first: the chain stays whole', async () => {
    const { api, seed } = ctx();
    const { membership, seat } = seed.holding(CHARLOTTE);
    const [, second] = await actOk(api, 'change', membership, { effectiveDate: '2019-03-01', title: NEW_TITLE });
    const [secondEnded, third] = await actOk(api, 'change', must(second), { effectiveDate: '2020-01-01', role: 'vice-chair' });
    const [first] = await actOk(api, 'revert', must(secondEnded));
    expect(first).toMatchObject({ id: membership.id, title: OLD_TITLE, endDate: '2019-12-31', endReason: 'changed' });
    expect((await seatMemberships(api, seat.id)).map((m) => m.id)).toEqual([membership.id, must(third).id]);
  });

  it('refuses, with 409 naming the segment, a membership that follows no other', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const res = await unchanged(api, () => act(api, 'revert', membership.id, 1));
    expectConflict(res, { rule: 'no-predecessor', entity: 'membership', id: membership.id });
  });

  it('refuses when the former holder has taken another seat in the body since, naming it', async () => {
    const { api, seed } = ctx();
    const { membership, person: niels } = seed.holding('Niels Yde');
    const successor = await api.create<Person>('/api/people', fakePerson());
    const [, started] = await actOk(api, 'change', membership, { effectiveDate: '2019-06-01', personId: successor.id });
    const seat = await api.create<Seat>('/api/seats', fakeSeat(seed));
    const other = await api.create<Membership>('/api/memberships', fakeMembership(seat.id, niels.id, { startDate: '2019-07-01' }));
    const res = await unchanged(api, () => act(api, 'revert', must(started).id, 1));
    expectConflict(res, { rule: 'person-body', entity: 'membership', id: other.id });
  });
});

describe('POST /api/memberships/:id/end', () => {
  it('vacates the seat from the day after the end date', async () => {
    const { api, seed } = ctx();
    const { membership, seat, person } = seed.holding('Mette Frost');
    const [ended] = await actOk(api, 'end', membership, { endDate: '2019-05-31', endReason: 'Fratrådt' });
    expect(ended).toEqual({ ...membership, endDate: '2019-05-31', endReason: 'Fratrådt', version: 2 });
    expect(await getMembership(api, membership.id)).toEqual(ended);
    const lastDay = await rosterEntry(api, '2019-05-31', seat);
    const nextDay = await rosterEntry(api, '2019-06-01', seat);
    expect([lastDay.vacant, lastDay.person?.id]).toEqual([false, person.id]);
    expect([nextDay.vacant, nextDay.membership, nextDay.person]).toEqual([true, null, null]);
  });

  it('records the decision to end and its link, and reopen clears them', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Mette Frost');
    const decision = { decidedOn: '2019-05-20', source: 'https://example.org/referat/2019-05-20' };
    const [ended] = await actOk(api, 'end', membership, { endDate: '2019-05-31', endReason: 'Fratrådt', ...decision });
    expect(ended).toMatchObject({ endDecidedOn: decision.decidedOn, endSource: decision.source });
    // The decision that started the membership is kept as it was.
    expect(ended).toMatchObject({ decidedOn: membership.decidedOn, source: membership.source });
    const [reopened] = await actOk(api, 'reopen', must(ended));
    expect(reopened).toMatchObject({ endDate: null, endReason: null, endDecidedOn: null, endSource: null });
  });

  it('refuses a decision link that is not a web address, writing nothing', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Mette Frost');
    const res = await unchanged(api, () =>
      act(api, 'end', membership.id, membership.version, { endDate: '2019-05-31', endReason: 'Fratrådt', source: 'ftp://x' }),
    );
    expectFieldError(res, 'source', 'url_format');
  });

  it('accepts an end on the first day, and a reason of 500 characters', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Mette Frost');
    const [ended] = await actOk(api, 'end', membership, { endDate: '2018-01-01', endReason: longText(500) });
    expect(ended).toMatchObject({ startDate: '2018-01-01', endDate: '2018-01-01' });
  });

  it('round-trips Danish letters and emoji in the reason', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Mette Frost');
    const [ended] = await actOk(api, 'end', membership, { endDate: '2019-05-31', endReason: FAKE_TEXT });
    expect(ended?.endReason).toBe(FAKE_TEXT);
    const fetched = await api.get<Membership>(`/api/memberships/${membership.id}`);
    expect(fetched.body.endReason).toBe(FAKE_TEXT);
    expect(fetched.text).toContain(FAKE_TEXT);
  });

  it.each([
    ['endDate', { endDate: '2017-12-31', endReason: 'Fratrådt' }, 'end_before_start'],
    ['endDate', { endDate: '2019-02-30', endReason: 'Fratrådt' }, 'invalid_format'],
    ['endDate', { endDate: null, endReason: 'Fratrådt' }, 'invalid_type'],
    ['endDate', { endReason: 'Fratrådt' }, 'invalid_type'],
    ['endReason', { endDate: '2019-05-31' }, 'invalid_type'],
    ['endReason', { endDate: '2019-05-31', endReason: '' }, 'too_small'],
    ['endReason', { endDate: '2019-05-31', endReason: '   ' }, 'too_small'],
    ['endReason', { endDate: '2019-05-31', endReason: longText(501) }, 'too_big'],
    ['endReason', { endDate: '2019-05-31', endReason: 'Fratrådt\u0007' }, 'control_characters'],
    ['startDate', { endDate: '2019-05-31', endReason: 'Fratrådt', startDate: '2018-02-01' }, 'unrecognized_keys'],
  ])('answers 400 on %s for %j and writes nothing', async (field, body, code) => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Mette Frost');
    const res = await unchanged(api, () => act(api, 'end', membership.id, 1, body));
    expectFieldError(res, field, code);
  });

  it('refuses an end after the term with 409 naming the term', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Mette Frost');
    const res = await unchanged(api, () => act(api, 'end', membership.id, 1, { endDate: '2022-01-31', endReason: 'Fratrådt' }));
    expectConflict(res, { rule: 'within-term', entity: 'term', id: seed.term.id, field: 'endDate' });
  });

  it('refuses moving an end past the start of the next holder, naming their membership', async () => {
    const { api, seed } = ctx();
    const { membership, seat } = seed.holding('Mette Frost');
    const [ended] = await actOk(api, 'end', membership, { endDate: '2019-05-31', endReason: 'Fratrådt' });
    const person = await api.create<Person>('/api/people', fakePerson());
    const next = await api.create<Membership>('/api/memberships', fakeMembership(seat.id, person.id, { startDate: '2019-06-01' }));
    const res = await unchanged(api, () => act(api, 'end', membership.id, must(ended).version, { endDate: '2019-08-31', endReason: 'Fratrådt' }));
    expectConflict(res, { rule: 'seat-holder', entity: 'membership', id: next.id });
  });
});

describe('POST /api/memberships/:id/reopen (the inverse of end)', () => {
  it('restores every answer after an end, except the version that went up', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Mette Frost');
    const days = ['2019-05-31', '2019-06-01'];
    const before = await answers(api, days);
    const [ended] = await actOk(api, 'end', membership, { endDate: '2019-05-31', endReason: 'Fratrådt' });
    const [reopened] = await actOk(api, 'reopen', must(ended));
    expect(reopened).toEqual({ ...membership, version: 3 });
    expect(ignoringVersionOf(await answers(api, days), [membership.id])).toEqual(ignoringVersionOf(before, [membership.id]));
  });

  it('refuses when someone took the seat since, naming their membership', async () => {
    const { api, seed } = ctx();
    const { membership, seat } = seed.holding('Mette Frost');
    await actOk(api, 'end', membership, { endDate: '2019-05-31', endReason: 'Fratrådt' });
    const person = await api.create<Person>('/api/people', fakePerson());
    const next = await api.create<Membership>('/api/memberships', fakeMembership(seat.id, person.id, { startDate: '2020-01-01' }));
    const res = await unchanged(api, () => act(api, 'reopen', membership.id, 2));
    expectConflict(res, { rule: 'seat-holder', entity: 'membership', id: next.id });
  });

  it('refuses the old segment of a change, naming the new one (revert is the inverse there)', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding(CHARLOTTE);
    const [ended, started] = await actOk(api, 'change', membership, { effectiveDate: '2019-03-01', title: NEW_TITLE });
    const res = await unchanged(api, () => act(api, 'reopen', membership.id, must(ended).version));
    expectConflict(res, { rule: 'seat-holder', entity: 'membership', id: must(started).id });
  });

  it('refuses a membership that has no end, with 409 naming it', async () => {
    const { api, seed } = ctx();
    const { membership } = seed.holding('Mette Frost');
    const res = await unchanged(api, () => act(api, 'reopen', membership.id, 1));
    expectConflict(res, { rule: 'not-ended', entity: 'membership', id: membership.id });
  });
});

describe('what every membership action shares', () => {
  /** A valid request for each action on a fresh backend: the membership, its version and the body. */
  const valid: Record<Action, (api: Api) => Promise<{ id: string; version: number; body?: unknown }>> = {
    change: () => Promise.resolve({ ...ctx().seed.holding(CHARLOTTE).membership, body: { effectiveDate: '2019-03-01', title: NEW_TITLE } }),
    end: () => Promise.resolve({ ...ctx().seed.holding(CHARLOTTE).membership, body: { endDate: '2019-05-31', endReason: 'Fratrådt' } }),
    async reopen(api) {
      const [ended] = await actOk(api, 'end', ctx().seed.holding(CHARLOTTE).membership, { endDate: '2019-05-31', endReason: 'Fratrådt' });
      return must(ended);
    },
    async revert(api) {
      const [, started] = await actOk(api, 'change', ctx().seed.holding(CHARLOTTE).membership, { effectiveDate: '2019-03-01', title: NEW_TITLE });
      return must(started);
    },
  };
  const ACTIONS = Object.keys(valid) as Action[];

  it.each(ACTIONS)('%s: answers 428 without If-Match or with If-Match *, writes nothing, then succeeds with it', async (action) => {
    const { api } = ctx();
    const { id, version, body } = await valid[action](api);
    for (const ifMatch of [undefined, '*']) {
      const problem = expectProblem(await unchanged(api, () => act(api, action, id, ifMatch, body)), 428);
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'If-Match', code: 'if_match_required' }));
    }
    await actOk(api, action, { id, version }, body);
  });

  it.each(ACTIONS)('%s: answers 409 with the current record for a stale If-Match, and writes nothing', async (action) => {
    const { api } = ctx();
    const { id, version, body } = await valid[action](api);
    const current = await getMembership(api, id);
    const res = await unchanged(api, () => act(api, action, id, version + 1, body));
    expectConflict(res, { rule: 'stale-version', entity: 'membership', id });
    expect((res.body as { current?: unknown }).current).toEqual(current);
  });

  it.each(ACTIONS)('%s: answers 400 for an If-Match that is not an ETag', async (action) => {
    const { api } = ctx();
    const { id, body } = await valid[action](api);
    expectFieldError(await unchanged(api, () => act(api, action, id, 'version one', body)), 'If-Match', 'invalid_etag');
  });

  it.each(ACTIONS)('%s: answers 404 for an unknown id', async (action) => {
    const { api } = ctx();
    const { body } = await valid[action](api);
    const problem = expectProblem(await unchanged(api, () => act(api, action, MISSING_ID, 1, body)), 404);
    expect(problem.detail).toContain(MISSING_ID);
  });

  it.each(ACTIONS.flatMap((a) => ['{bad', '{"a": 1,}', "{'a': 1}"].map((raw) => [a, raw])))(
    '%s: answers 400 malformed_json for the body %j',
    async (action, raw) => {
      const { api } = ctx();
      const { id, version } = await valid[action as Action](api);
      const res = await unchanged(api, () =>
        api.send('POST', `/api/memberships/${id}/${action}`, { raw, headers: { 'If-Match': `"${version}"`, 'Content-Type': 'application/json' } }),
      );
      expectFieldError(res, '(body)', 'malformed_json');
    },
  );

  it.each(ACTIONS.flatMap((a) => ['null', '[]', '"text"'].map((raw) => [a, raw])))(
    '%s: answers 400 for the non-object body %s',
    async (action, raw) => {
      const { api } = ctx();
      const { id, version } = await valid[action as Action](api);
      const res = await unchanged(api, () =>
        api.send('POST', `/api/memberships/${id}/${action}`, { raw, headers: { 'If-Match': `"${version}"`, 'Content-Type': 'application/json' } }),
      );
      expectFieldError(res, '(root)', 'invalid_type');
    },
  );

  it.each(['reopen', 'revert'] as const)('%s: refuses a body with fields, since it takes none', async (action) => {
    const { api } = ctx();
    const { id, version } = await valid[action](api);
    expectFieldError(await unchanged(api, () => act(api, action, id, version, { endDate: null })), 'endDate', 'unrecognized_keys');
  });

  it.each(ACTIONS)('%s: is only a POST', async (action) => {
    const { api } = ctx();
    const { id } = await valid[action](api);
    expectProblem(await api.get(`/api/memberships/${id}/${action}`), 404);
  });
});
