/**
 * The Store contract: what every store (memory, PGlite, PostgreSQL; see test-stores.ts)
 * promises the HTTP layer: ids and versions, stale-version and not-found errors,
 * all-or-nothing transactions, an audit event for every write in the same transaction,
 * and backup (export, then import into an empty store).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/schemas';
import {
  NotFoundError,
  StaleVersionError,
  StoreNotEmptyError,
  type AuditEvent,
  type Data,
  type Store,
} from '../../server/store/store';
import { freshEmptyStore, freshSeededStore } from './test-stores';

const person = (over: Partial<Data<Person>> = {}): Data<Person> => ({
  name: 'Testperson Eksempelsen',
  email: 'testperson@example.org',
  phone: null,
  notes: '',
  ...over,
});

/** The audit events after `seq`, oldest first. */
async function eventsAfter(store: Store, seq: number): Promise<AuditEvent[]> {
  const { events } = await store.audit.list({ limit: 10_000 });
  return events.filter((e) => e.seq > seq).reverse();
}

async function lastSeq(store: Store): Promise<number> {
  const { events } = await store.audit.list({ limit: 1 });
  return events[0]?.seq ?? 0;
}

let store: Store;
beforeEach(async () => {
  store = await freshSeededStore();
});

describe('records', () => {
  it('gives a new record an id and version 1, and bumps the version on every update', async () => {
    const created = await store.people.insert(person());
    expect(created).toEqual({ ...person(), id: expect.any(String) as unknown, version: 1 });
    expect(await store.people.get(created.id)).toEqual(created);
    const updated = await store.people.update(created.id, person({ notes: 'Opdateret' }), 1);
    expect(updated).toEqual({ ...created, notes: 'Opdateret', version: 2 });
    expect(await store.people.get(created.id)).toEqual(updated);
  });

  it('lists only the people and organisations named by an ids filter', async () => {
    const [a, b] = [await store.people.insert(person({ name: 'Anna Idfilter' })), await store.people.insert(person({ name: 'Bo Idfilter' }))];
    const listed = await store.people.list({ ids: [b.id, a.id, 'no-such-id', "quote'and\"comma,"] });
    expect(listed.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(await store.people.list({ ids: [] })).toEqual([]);
    const org = await store.organizations.insert({ name: 'Idfilter A/S', sector: 'business', otherNames: [] });
    expect(await store.organizations.list({ ids: [org.id] })).toEqual([org]);
  });

  it('round-trips nulls, empty lists, Danish letters and emoji', async () => {
    const org = await store.organizations.insert({ name: 'Æblerød Ålborg 🎉', sector: 'union', otherNames: [] });
    expect(await store.organizations.get(org.id)).toEqual(org);
    const withNames = await store.organizations.update(org.id, { ...org, otherNames: ['Øst', 'Vest "citat"'] }, 1);
    expect((await store.organizations.get(org.id))?.otherNames).toEqual(['Øst', 'Vest "citat"']);
    expect(withNames.version).toBe(2);
  });

  it('throws StaleVersionError with the whole current record for an old version, and changes nothing', async () => {
    const created = await store.people.insert(person());
    const current = await store.people.update(created.id, person({ notes: 'Anden udgave' }), 1);
    const stale = store.people.update(created.id, person({ notes: 'Forældet' }), 1);
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    await expect(stale).rejects.toMatchObject({ entity: 'people', current });
    await expect(store.people.remove(created.id, 1)).rejects.toBeInstanceOf(StaleVersionError);
    expect(await store.people.get(created.id)).toEqual(current);
  });

  it('throws NotFoundError when updating or removing a record that does not exist', async () => {
    await expect(store.people.update('no-such-record', person(), 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.people.remove('no-such-record')).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.people.get('no-such-record')).toBeUndefined();
  });

  it('filters memberships by body and by date, an open end lasting until the term ends', async () => {
    expect(await store.memberships.list()).toHaveLength(22);
    const bodies = await store.bodies.list();
    const council = bodies.find((b) => b.kind === 'council');
    const forum = bodies.find((b) => b.kind === 'forum');
    expect(await store.memberships.list({ bodyId: council?.id })).toHaveLength(22);
    expect(await store.memberships.list({ bodyId: forum?.id })).toHaveLength(0);
    expect(await store.memberships.list({ asOf: '2021-12-31' })).toHaveLength(22);
    expect(await store.memberships.list({ asOf: '2022-01-01' })).toHaveLength(0);
    expect(await store.memberships.list({ asOf: '2017-12-31' })).toHaveLength(0);
  });
});

describe('transactions', () => {
  it('leave nothing behind when they fail halfway, audit events included', async () => {
    const before = await store.exportAll();
    const failure = store.transaction(async (tx) => {
      await tx.people.insert(person({ name: 'Testperson Et' }));
      const term = (await tx.terms.list())[0];
      if (term) await tx.terms.update(term.id, { ...term, label: 'Omdøbt' }, term.version);
      await tx.people.insert(person({ name: 'Testperson To' }));
      throw new Error('halfway');
    });
    await expect(failure).rejects.toThrow('halfway');
    const after = await store.exportAll();
    expect(after.records).toEqual(before.records);
    expect(after.audit).toEqual(before.audit);
  });

  it('return what fn returns and keep all its writes', async () => {
    const ids = await store.transaction(async (tx) => {
      const a = await tx.people.insert(person({ name: 'Testperson Et' }));
      const b = await tx.people.insert(person({ name: 'Testperson To' }));
      return [a.id, b.id];
    });
    for (const id of ids) expect(await store.people.get(id)).toBeDefined();
  });
});

describe('audit trail', () => {
  it('records every insert, update and remove of a transaction with its actor, before and after', async () => {
    const seq = await lastSeq(store);
    const created = await store.transaction((tx) => tx.people.insert(person()), { actor: 'sekretariat@example.org' });
    const updated = await store.transaction((tx) => tx.people.update(created.id, person({ notes: 'Ny note' }), 1), {
      actor: 'sekretariat@example.org',
    });
    await store.transaction((tx) => tx.people.remove(created.id, 2), { actor: 'koordinator@example.org' });
    const events = await eventsAfter(store, seq);
    expect(events).toEqual([
      expect.objectContaining({ actor: 'sekretariat@example.org', action: 'create', entity: 'people', entityId: created.id, before: null, after: created }),
      expect.objectContaining({ actor: 'sekretariat@example.org', action: 'update', entity: 'people', entityId: created.id, before: created, after: updated }),
      expect.objectContaining({ actor: 'koordinator@example.org', action: 'delete', entity: 'people', entityId: created.id, before: updated, after: null }),
    ]);
    const seqs = events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    for (const e of events) {
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Math.abs(Date.parse(e.at) - Date.now())).toBeLessThan(60_000);
    }
  });

  it("records writes outside a transaction, and transactions without an actor, as 'system'", async () => {
    const seq = await lastSeq(store);
    const created = await store.people.insert(person());
    await store.transaction((tx) => tx.people.update(created.id, person({ notes: 'x' }), 1));
    await store.people.remove(created.id);
    const events = await eventsAfter(store, seq);
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['create', 'system'],
      ['update', 'system'],
      ['delete', 'system'],
    ]);
  });

  it('holds the seed as events by system, and lists newest first with filters, paging and a total', async () => {
    const all = await store.audit.list({ limit: 10_000 });
    expect(all.total).toBe(86);
    expect(all.events).toHaveLength(86);
    expect(all.events.every((e) => e.actor === 'system' && e.action === 'create')).toBe(true);
    expect(all.events.map((e) => e.seq)).toEqual([...all.events.map((e) => e.seq)].sort((a, b) => b - a));

    const people = await store.audit.list({ entity: 'people', limit: 5, offset: 2 });
    expect(people.total).toBe(22);
    expect(people.events).toHaveLength(5);
    expect(people.events).toEqual(all.events.filter((e) => e.entity === 'people').slice(2, 7));

    const one = all.events[10];
    const byId = await store.audit.list({ entityId: one?.entityId });
    expect(byId).toEqual({ events: [one], total: 1 });
  });

  it('filters by time: since an instant includes events at it and after', async () => {
    const seeded = await store.audit.list({ limit: 10_000 });
    const firstAt = seeded.events.at(-1)?.at ?? '';
    expect((await store.audit.list({ since: firstAt, limit: 10_000 })).total).toBe(86);
    expect((await store.audit.list({ since: '2999-01-01T00:00:00.000Z' })).total).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    const mark = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const created = await store.people.insert(person());
    const since = await store.audit.list({ since: mark });
    expect(since.events.map((e) => e.entityId)).toEqual([created.id]);
  });
});

describe('backup', () => {
  it('exports everything, and an import into an empty store gives back the same records and audit trail', async () => {
    const created = await store.transaction((tx) => tx.people.insert(person()), { actor: 'sekretariat@example.org' });
    await store.people.update(created.id, person({ notes: 'Ændret' }), 1);
    const dump = await store.exportAll();
    expect(dump.records.people).toHaveLength(23);
    expect(dump.audit).toHaveLength(88);

    const target = await freshEmptyStore();
    expect(await target.isEmpty()).toBe(true);
    await target.importAll(JSON.parse(JSON.stringify(dump)) as typeof dump);
    expect(await target.isEmpty()).toBe(false);
    const again = await target.exportAll();
    expect(again.records).toEqual(dump.records);
    expect(again.audit).toEqual(dump.audit);
    expect(await target.audit.list({ limit: 3 })).toEqual(await store.audit.list({ limit: 3 }));

    // The trail goes on from where the imported one ended.
    const next = await target.people.insert(person({ name: 'Testperson Efter' }));
    const [latest] = (await target.audit.list({ limit: 1 })).events;
    expect(latest).toMatchObject({ entityId: next.id, seq: (dump.audit.at(-1)?.seq ?? 0) + 1 });
  });

  it('refuses to import into a store that holds data, and changes nothing', async () => {
    const dump = await store.exportAll();
    await expect(store.importAll(dump)).rejects.toBeInstanceOf(StoreNotEmptyError);
    expect((await store.exportAll()).records).toEqual(dump.records);
    const target = await freshEmptyStore();
    await target.people.insert(person());
    await expect(target.importAll(dump)).rejects.toBeInstanceOf(StoreNotEmptyError);
  });
});
