/**
 * An in-memory Store: used by the mocked backend (MSW) and by fast tests. Transactions are
 * serialised by a lock and roll back by restoring a snapshot (audit trail included), so a
 * failed request leaves nothing behind here either. Behaves like the SQL store, constraints
 * aside: the HTTP layer's checks are its only guard, which the lock makes race-free.
 */
import { effectiveSpan, isActiveOn } from '../../src/domain/rules';
import { matchesSearch } from '../../src/domain/text';
import { createMemoryAccounts } from '../auth/accounts';
import {
  ENTITY_NAMES,
  NotFoundError,
  StaleVersionError,
  StoreNotEmptyError,
  SYSTEM_ACTOR,
  type AuditAction,
  type AuditEvent,
  type Data,
  type Dump,
  type EntityMap,
  type EntityName,
  type FilterMap,
  type Repo,
  type Repos,
  type Store,
  type TransactionExtras,
} from './store';

type Tables = { [K in EntityName]: Map<string, EntityMap[K]> } & { audit: AuditEvent[] };

function emptyTables(): Tables {
  return { ...Object.fromEntries(ENTITY_NAMES.map((n) => [n, new Map()])), audit: [] } as unknown as Tables;
}

/** Who writes and when: one per transaction. */
interface WriteContext {
  actor: string;
  at: string;
}

export function createMemoryStore(newId: () => string = () => crypto.randomUUID()): Store {
  let tables = emptyTables();
  let lock: Promise<unknown> = Promise.resolve();

  const termEndOfSeat = (seatId: string) => {
    const termId = tables.seats.get(seatId)?.termId;
    return termId === undefined ? undefined : tables.terms.get(termId)?.endDate;
  };

  /** The seats and organisations of a person's memberships (filters by person), once per list call. */
  const heldByOf = new WeakMap<object, { seats: Set<string>; organizations: Set<string> }>();
  const heldBy = (f: { personId?: string }) => {
    let held = heldByOf.get(f);
    if (!held) {
      const mine = [...tables.memberships.values()].filter((m) => m.personId === f.personId);
      held = { seats: new Set(mine.map((m) => m.seatId)), organizations: new Set(mine.flatMap((m) => m.organizationId ?? [])) };
      heldByOf.set(f, held);
    }
    return held;
  };

  const matches: { [K in EntityName]: (r: EntityMap[K], f: FilterMap[K]) => boolean } = {
    terms: () => true,
    bodies: (r, f) => f.parentId === undefined || r.parentId === f.parentId,
    organizations: (r, f) =>
      (f.ids === undefined || f.ids.includes(r.id)) &&
      (f.personId === undefined || heldBy(f).organizations.has(r.id)),
    people: (r, f) => (f.ids === undefined || f.ids.includes(r.id)) && (f.search === undefined || matchesSearch(r.name, f.search)),
    seats: (r, f) =>
      (f.ids === undefined || f.ids.includes(r.id)) &&
      (f.termId === undefined || r.termId === f.termId) &&
      (f.bodyId === undefined || r.bodyId === f.bodyId) &&
      (f.nominatingOrganizationId === undefined || r.nominatingOrganizationId === f.nominatingOrganizationId) &&
      (f.previousSeatId === undefined || r.previousSeatId === f.previousSeatId) &&
      (f.personId === undefined || heldBy(f).seats.has(r.id)),
    memberships: (r, f) =>
      (f.seatId === undefined || r.seatId === f.seatId) &&
      (f.personId === undefined || r.personId === f.personId) &&
      (f.organizationId === undefined || r.organizationId === f.organizationId) &&
      (f.bodyId === undefined || tables.seats.get(r.seatId)?.bodyId === f.bodyId) &&
      (f.asOf === undefined || isActiveOn(effectiveSpan(r, termEndOfSeat(r.seatId)), f.asOf)),
    renewals: (r, f) =>
      (f.fromTermId === undefined || r.fromTermId === f.fromTermId) && (f.toTermId === undefined || r.toTermId === f.toTermId),
    nominations: (r, f) =>
      (f.seatId === undefined || r.seatId === f.seatId) &&
      (f.personId === undefined || r.personId === f.personId) &&
      (f.organizationId === undefined || r.organizationId === f.organizationId) &&
      (f.termId === undefined || tables.seats.get(r.seatId)?.termId === f.termId),
  };

  const record = (ctx: WriteContext, action: AuditAction, entity: EntityName, id: string, before: unknown, after: unknown) => {
    const seq = (tables.audit.at(-1)?.seq ?? 0) + 1;
    tables.audit.push({
      seq,
      at: ctx.at,
      actor: ctx.actor,
      action,
      entity,
      entityId: id,
      before: (before ?? null) as AuditEvent['before'],
      after: (after ?? null) as AuditEvent['after'],
    });
  };

  function repo<K extends EntityName>(name: K, ctx: WriteContext): Repo<EntityMap[K], FilterMap[K]> {
    type T = EntityMap[K];
    const table = () => tables[name] as Map<string, T>;
    const copy = (r: T): T => structuredClone(r);
    const current = (id: string, expectedVersion?: number): T => {
      const existing = table().get(id);
      if (!existing) throw new NotFoundError(name, id);
      if (expectedVersion !== undefined && existing.version !== expectedVersion) {
        throw new StaleVersionError(name, copy(existing));
      }
      return existing;
    };
    return {
      list: (filter) => {
        const f = filter ?? {};
        return Promise.resolve([...table().values()].filter((r) => matches[name](r as never, f as never)).map(copy));
      },
      get: (id) => {
        const r = table().get(id);
        return Promise.resolve(r ? copy(r) : undefined);
      },
      insert: (data: Data<T>) => {
        const created = { ...structuredClone(data), id: newId(), version: 1 } as T;
        table().set(created.id, created);
        record(ctx, 'create', name, created.id, null, copy(created));
        return Promise.resolve(copy(created));
      },
      update: (id, data, expectedVersion) => {
        try {
          const existing = current(id, expectedVersion);
          const updated = { ...structuredClone(data), id, version: existing.version + 1 } as T;
          table().set(id, updated);
          record(ctx, 'update', name, id, copy(existing), copy(updated));
          return Promise.resolve(copy(updated));
        } catch (e) {
          return Promise.reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
      remove: (id, expectedVersion) => {
        try {
          const existing = current(id, expectedVersion);
          table().delete(id);
          record(ctx, 'delete', name, id, copy(existing), null);
          return Promise.resolve();
        } catch (e) {
          return Promise.reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
    };
  }

  const scrubAudit = (entity: EntityName, entityId: string, replacement: Record<string, unknown>) => {
    let changed = 0;
    tables.audit = tables.audit.map((e) => {
      if (e.entity !== entity || e.entityId !== entityId) return e;
      changed += 1;
      return {
        ...e,
        before: e.before && { ...e.before, ...structuredClone(replacement) },
        after: e.after && { ...e.after, ...structuredClone(replacement) },
      };
    });
    return Promise.resolve(changed);
  };

  const reposFor = (ctx: WriteContext) =>
    ({ ...Object.fromEntries(ENTITY_NAMES.map((n) => [n, repo(n, ctx)])), scrubAudit }) as unknown as Repos & TransactionExtras;

  function transaction<R>(fn: (tx: Repos & TransactionExtras) => Promise<R>, options: { actor?: string } = {}): Promise<R> {
    const run = lock.then(async () => {
      const snapshot = structuredClone(tables);
      try {
        return await fn(reposFor({ actor: options.actor ?? SYSTEM_ACTOR, at: new Date().toISOString() }));
      } catch (e) {
        tables = snapshot;
        throw e;
      }
    });
    lock = run.catch(() => undefined);
    return run;
  }

  /** Reads go straight to the tables; a write outside a transaction is its own, by 'system'. */
  function outsideRepo<K extends EntityName>(name: K): Repo<EntityMap[K], FilterMap[K]> {
    const reader = repo(name, { actor: SYSTEM_ACTOR, at: '' });
    const tx = <R>(fn: (r: Repo<EntityMap[K], FilterMap[K]>) => Promise<R>) =>
      transaction((t) => fn(t[name] as unknown as Repo<EntityMap[K], FilterMap[K]>));
    return {
      list: (filter) => reader.list(filter),
      get: (id) => reader.get(id),
      insert: (data) => tx((r) => r.insert(data)),
      update: (id, data, expectedVersion) => tx((r) => r.update(id, data, expectedVersion)),
      remove: (id, expectedVersion) => tx((r) => r.remove(id, expectedVersion)),
    };
  }
  const repos = Object.fromEntries(ENTITY_NAMES.map((n) => [n, outsideRepo(n)])) as unknown as Repos;

  const isEmpty = () => tables.audit.length === 0 && ENTITY_NAMES.every((n) => tables[n].size === 0);

  return {
    ...repos,
    transaction,
    accounts: createMemoryAccounts(newId),
    audit: {
      list(query = {}) {
        const since = query.since === undefined ? undefined : Date.parse(query.since);
        const matching = tables.audit
          .filter(
            (e) =>
              (query.entity === undefined || e.entity === query.entity) &&
              (query.entityId === undefined || e.entityId === query.entityId) &&
              (since === undefined || Date.parse(e.at) >= since),
          )
          .reverse();
        const start = query.offset ?? 0;
        const events = matching.slice(start, query.limit === undefined ? undefined : start + query.limit);
        return Promise.resolve({ events: structuredClone(events), total: matching.length });
      },
    },
    isEmpty: () => Promise.resolve(isEmpty()),
    exportAll: () =>
      transaction(() =>
        Promise.resolve<Dump>({
          format: 'alliance-roster-dump',
          formatVersion: 1,
          exportedAt: new Date().toISOString(),
          records: Object.fromEntries(
            ENTITY_NAMES.map((n) => [n, structuredClone([...tables[n].values()])]),
          ) as unknown as Dump['records'],
          audit: structuredClone(tables.audit),
        }),
      ),
    importAll: (dump) =>
      transaction(() => {
        if (!isEmpty()) throw new StoreNotEmptyError();
        for (const n of ENTITY_NAMES) {
          const table = tables[n] as Map<string, { id: string }>;
          for (const r of dump.records[n] ?? []) table.set(r.id, structuredClone(r));
        }
        tables.audit = structuredClone([...dump.audit].sort((a, b) => a.seq - b.seq));
        return Promise.resolve();
      }),
    close: () => Promise.resolve(),
  };
}
