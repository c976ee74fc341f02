/**
 * An in-memory Store: used by the mocked backend (MSW) and by fast tests. Transactions are
 * serialised by a lock and roll back by restoring a snapshot, so a failed request leaves
 * nothing behind here either.
 */
import { effectiveSpan, isActiveOn } from '../../src/domain/rules';
import {
  ENTITY_NAMES,
  NotFoundError,
  StaleVersionError,
  type Data,
  type EntityMap,
  type EntityName,
  type FilterMap,
  type Repo,
  type Repos,
  type Store,
} from './store';

type Tables = { [K in EntityName]: Map<string, EntityMap[K]> };

function emptyTables(): Tables {
  return Object.fromEntries(ENTITY_NAMES.map((n) => [n, new Map()])) as unknown as Tables;
}

export function createMemoryStore(newId: () => string = () => crypto.randomUUID()): Store {
  let tables = emptyTables();
  let lock: Promise<unknown> = Promise.resolve();

  const termEndOfSeat = (seatId: string) => {
    const termId = tables.seats.get(seatId)?.termId;
    return termId === undefined ? undefined : tables.terms.get(termId)?.endDate;
  };

  const matches: { [K in EntityName]: (r: EntityMap[K], f: FilterMap[K]) => boolean } = {
    terms: () => true,
    bodies: (r, f) => f.parentId === undefined || r.parentId === f.parentId,
    organizations: () => true,
    people: () => true,
    seats: (r, f) =>
      (f.termId === undefined || r.termId === f.termId) &&
      (f.bodyId === undefined || r.bodyId === f.bodyId) &&
      (f.nominatingOrganizationId === undefined || r.nominatingOrganizationId === f.nominatingOrganizationId),
    memberships: (r, f) =>
      (f.seatId === undefined || r.seatId === f.seatId) &&
      (f.personId === undefined || r.personId === f.personId) &&
      (f.organizationId === undefined || r.organizationId === f.organizationId) &&
      (f.bodyId === undefined || tables.seats.get(r.seatId)?.bodyId === f.bodyId) &&
      (f.asOf === undefined || isActiveOn(effectiveSpan(r, termEndOfSeat(r.seatId)), f.asOf)),
  };

  function repo<K extends EntityName>(name: K): Repo<EntityMap[K], FilterMap[K]> {
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
        const record = { ...structuredClone(data), id: newId(), version: 1 } as T;
        table().set(record.id, record);
        return Promise.resolve(copy(record));
      },
      update: (id, data, expectedVersion) => {
        try {
          const existing = current(id, expectedVersion);
          const record = { ...structuredClone(data), id, version: existing.version + 1 } as T;
          table().set(id, record);
          return Promise.resolve(copy(record));
        } catch (e) {
          return Promise.reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
      remove: (id, expectedVersion) => {
        try {
          current(id, expectedVersion);
          table().delete(id);
          return Promise.resolve();
        } catch (e) {
          return Promise.reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
    };
  }

  const repos = Object.fromEntries(ENTITY_NAMES.map((n) => [n, repo(n)])) as unknown as Repos;

  return {
    ...repos,
    transaction<R>(fn: (tx: Repos) => Promise<R>): Promise<R> {
      const run = lock.then(async () => {
        const snapshot = structuredClone(tables);
        try {
          return await fn(repos);
        } catch (e) {
          tables = snapshot;
          throw e;
        }
      });
      lock = run.catch(() => undefined);
      return run;
    },
    close: () => Promise.resolve(),
  };
}
