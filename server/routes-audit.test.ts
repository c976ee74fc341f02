import { describe, expect, it } from 'vitest';
import type { Person } from '../src/domain/schemas';
import type { AuditEvent } from './store/store';
import {
  expectFieldError,
  expectProblem,
  fakePerson,
  ifMatch,
  unchanged,
  useSeededBackend,
  TEST_PRINCIPAL,
} from './test-helpers';

describe('/api/audit', () => {
  const ctx = useSeededBackend();
  const audit = async (query = '') => {
    const res = await ctx().api.get<AuditEvent[]>(`/api/audit${query}`);
    expect(res.status, res.text).toBe(200);
    return { events: res.body, total: Number(res.headers.get('x-total-count')) };
  };

  it('lists the seed as 86 creations by system, newest first, 100 to a page by default', async () => {
    const { events, total } = await audit('?limit=1000');
    expect(total).toBe(86);
    expect(events).toHaveLength(86);
    expect(events.every((e) => e.actor === 'system' && e.action === 'create' && e.before === null)).toBe(true);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => b - a));
    const people = events.filter((e) => e.entity === 'people');
    expect(people.map((e) => e.entityId).sort()).toEqual(ctx().seed.people.map((p) => p.id).sort());
    const firstPage = await audit();
    expect(firstPage.events).toEqual(events);
  });

  it('records create, update and delete through the API with actor, before and after', async () => {
    const { api } = ctx();
    const created = await api.create<Person>('/api/people', fakePerson());
    const updated = (await api.patch<Person>(`/api/people/${created.id}`, { notes: 'Ny note' }, ifMatch(created))).body;
    expect((await api.delete(`/api/people/${created.id}`, ifMatch(updated))).status).toBe(204);
    const { events, total } = await audit(`?entityId=${created.id}`);
    expect(total).toBe(3);
    expect(events).toEqual([
      expect.objectContaining({ action: 'delete', actor: TEST_PRINCIPAL.user.email, entity: 'people', entityId: created.id, before: updated, after: null }),
      expect.objectContaining({ action: 'update', actor: TEST_PRINCIPAL.user.email, entity: 'people', entityId: created.id, before: created, after: updated }),
      expect.objectContaining({ action: 'create', actor: TEST_PRINCIPAL.user.email, entity: 'people', entityId: created.id, before: null, after: created }),
    ]);
    for (const e of events) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('writes no event for a refused write', async () => {
    const { api, seed } = ctx();
    const { person } = seed.holding('Lone Dybdal');
    const res = await unchanged(api, () => api.delete(`/api/people/${person.id}`, ifMatch(person)));
    expectProblem(res, 409);
    expect((await audit()).total).toBe(86);
  });

  it('filters by entity, entityId and since (a date or a date-time), and pages with X-Total-Count', async () => {
    const { api } = ctx();
    expect((await audit('?entity=terms')).total).toBe(1);
    expect((await audit('?entity=memberships')).total).toBe(22);
    const page = await audit('?entity=seats&limit=5&offset=20');
    expect(page.total).toBe(22);
    expect(page.events).toHaveLength(2);
    expect((await audit('?since=2999-01-01')).total).toBe(0);
    expect((await audit('?since=2000-01-01')).total).toBe(86);
    await new Promise((r) => setTimeout(r, 5));
    const mark = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const created = await api.create<Person>('/api/people', fakePerson());
    const since = await audit(`?since=${encodeURIComponent(mark)}`);
    expect(since.events.map((e) => e.entityId)).toEqual([created.id]);
    const withOffset = mark.replace('Z', '+00:00');
    expect((await audit(`?since=${encodeURIComponent(withOffset)}`)).total).toBe(1);
  });

  it.each([
    ['entity=persons', 'entity', 'invalid_value'],
    ['since=i%20går', 'since', 'custom'],
    ['since=2019-13-01', 'since', 'custom'],
    ['since=2019-06-01T12:00:00', 'since', 'custom'],
    ['limit=0', 'limit', 'too_small'],
    ['offset=-1', 'offset', 'too_small'],
    ['entityId=', 'entityId', 'too_small'],
    ['actor=system', 'actor', 'unrecognized_keys'],
  ])('answers 400 for %s', async (query, field, code) => {
    expectFieldError(await ctx().api.get(`/api/audit?${query}`), field, code);
  });

  it.each(['POST', 'PATCH', 'DELETE', 'PUT'])('has no %s: the trail cannot be changed through the API', async (method) => {
    expectProblem(await ctx().api.send(method, '/api/audit'), 404);
    expect((await audit()).total).toBe(86);
  });
});
