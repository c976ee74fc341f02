import { describe, expect, it } from 'vitest';
import type { Body, Membership, Organization, Seat } from '../src/domain/schemas';
import {
  describeCrudContract,
  expectDeleteBlocked,
  expectFieldError,
  fakeBody,
  fakeMembership,
  fakeOrganization,
  fakeSeat,
  ifMatch,
  longText,
  unchanged,
  vacantSeatAndNewPerson,
} from './test-helpers';

describe('/api/bodies', () => {
  const ctx = describeCrudContract({
    name: 'bodies',
    singular: 'body',
    seedCount: 4,
    validInput: ({ seed }) => Promise.resolve(fakeBody(seed.council.id)),
    textField: 'name',
    textLimits: { name: 200, purpose: 4000 },
    required: ['name', 'kind'],
    badValues: [
      ['kind', 'committee', 'invalid_value'],
      ['name', null, 'invalid_type'],
      ['parentId', 7, 'invalid_type'],
      ['purpose', 'Formål\u0000', 'control_characters'],
    ],
    references: ['parentId'],
    sortFields: ['name', 'kind'],
  });

  it('lists the council first, then its fora in Danish order', async () => {
    const bodies = await ctx().api.list<Body>('/api/bodies');
    expect(bodies.map((b) => b.name)).toEqual([
      'Horsens Alliancen',
      'Erhvervstaskforce',
      'Horsens Uddannelsesråd',
      'Jobtaskforce',
    ]);
  });

  it('filters by parentId', async () => {
    const { api, seed } = ctx();
    const res = await api.get<Body[]>(`/api/bodies?parentId=${seed.council.id}`);
    expect(res.headers.get('x-total-count')).toBe('3');
    expect(res.body.every((b) => b.parentId === seed.council.id && b.kind === 'forum')).toBe(true);
    expect(await api.list(`/api/bodies?parentId=${seed.fora[0]?.id}`)).toEqual([]);
  });

  it('finds "Horsens Uddannelsesråd" when typed without å', async () => {
    const bodies = await ctx().api.list<Body>('/api/bodies?q=uddannelsesrad');
    expect(bodies.map((b) => b.name)).toEqual(['Horsens Uddannelsesråd']);
  });

  it('defaults parentId to null and purpose to empty', async () => {
    const body = await ctx().api.create<Body>('/api/bodies', { name: 'Fiktivt Testråd', kind: 'council' });
    expect(body).toMatchObject({ parentId: null, purpose: '' });
  });

  it.each([
    ['the council under its own forum', 'council', 'Jobtaskforce'],
    ['a forum under itself', 'Jobtaskforce', 'Jobtaskforce'],
  ])('refuses to place %s (a cycle)', async (_case, child, parent) => {
    const { api, seed } = ctx();
    const byName = (n: string) => (n === 'council' ? seed.council : seed.forum(n));
    const res = await unchanged(api, () =>
      api.patch(`/api/bodies/${byName(child).id}`, { parentId: byName(parent).id }, ifMatch(byName(child))),
    );
    expectFieldError(res, 'parentId', 'cycle');
  });

  it('refuses to delete the council while fora lie under it, naming one', async () => {
    const { api, seed } = ctx();
    const blocker = await expectDeleteBlocked(api, `/api/bodies/${seed.council.id}`, { entity: 'body' });
    expect(seed.fora.map((f) => f.id)).toContain(blocker.id);
  });

  it('refuses to delete a forum that has a seat, naming the seat, and deletes it once the seat is gone', async () => {
    const { api, seed } = ctx();
    const forum = seed.forum('Jobtaskforce');
    const seat = await api.create<Seat>('/api/seats', fakeSeat(seed, { bodyId: forum.id }));
    await expectDeleteBlocked(api, `/api/bodies/${forum.id}`, { entity: 'seat', id: seat.id });
    expect((await api.delete(`/api/seats/${seat.id}`, ifMatch(seat))).status).toBe(204);
    expect((await api.delete(`/api/bodies/${forum.id}`, ifMatch(forum))).status).toBe(204);
  });
});

describe('/api/organizations', () => {
  const ctx = describeCrudContract({
    name: 'organizations',
    singular: 'organization',
    seedCount: 15,
    validInput: () => Promise.resolve(fakeOrganization()),
    textField: 'name',
    textLimits: { name: 200 },
    required: ['name', 'sector'],
    badValues: [
      ['sector', 'church', 'invalid_value'],
      ['sector', null, 'invalid_value'],
      ['name', ['Fiktiv'], 'invalid_type'],
      ['otherNames', 'Fiktiv', 'invalid_type'],
      ['otherNames', Array.from({ length: 21 }, (_, i) => `Navn ${i}`), 'too_big'],
    ],
    sortFields: ['name', 'sector'],
  });

  it.each([
    ['otherNames.1', ['Fiktiv', '  ']],
    ['otherNames.0', [longText(201)]],
  ])('names the bad entry %s of otherNames', async (field, otherNames) => {
    const { api } = ctx();
    const res = await unchanged(api, () => api.post('/api/organizations', fakeOrganization({ otherNames })));
    expectFieldError(res, field, field.endsWith('1') ? 'too_small' : 'too_big');
  });

  it('lists just the organisations named by ids', async () => {
    const { api } = ctx();
    const all = await api.list<{ id: string; name: string }>('/api/organizations');
    const some = await api.list<{ id: string }>(`/api/organizations?ids=${all[2]!.id},${all[0]!.id}`);
    expect(some.map((o) => o.id).sort()).toEqual([all[0]!.id, all[2]!.id].sort());
  });

  it('defaults otherNames to an empty list', async () => {
    const org = await ctx().api.create<Organization>('/api/organizations', { name: 'Fiktiv A/S', sector: 'union' });
    expect(org.otherNames).toEqual([]);
  });

  it.each([
    ['LO Horsens Hedensted', 'LO Horsens-Hedensted'],
    ['haandvaerker', 'Horsens Haandværker- og Industriforening'],
    ['handværker', 'Horsens Haandværker- og Industriforening'],
  ])('q %j finds %j (other names, aa, æ)', async (q, name) => {
    const orgs = await ctx().api.list<Organization>(`/api/organizations?q=${encodeURIComponent(q)}`);
    expect(orgs.map((o) => o.name)).toEqual([name]);
  });

  it('refuses to delete an organisation that nominates seats, naming a seat, and keeps it', async () => {
    const { api, seed } = ctx();
    const org = seed.organization('Velux');
    const blocker = await expectDeleteBlocked(api, `/api/organizations/${org.id}`, { entity: 'seat' });
    expect(seed.seats.find((s) => s.id === blocker.id)?.nominatingOrganizationId).toBe(org.id);
  });

  it('refuses to delete an organisation a membership sits for, naming the membership', async () => {
    const { api, seed } = ctx();
    const org = await api.create<Organization>('/api/organizations', fakeOrganization());
    const { seat, person } = await vacantSeatAndNewPerson(api, seed);
    const membership = await api.create<Membership>(
      '/api/memberships',
      fakeMembership(seat.id, person.id, { organizationId: org.id }),
    );
    await expectDeleteBlocked(api, `/api/organizations/${org.id}`, { entity: 'membership', id: membership.id });
  });
});
