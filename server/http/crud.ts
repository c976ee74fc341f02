/**
 * list / get / create / update (PATCH) / delete for one entity, the same for every entity.
 * Lists take the entity's filters plus q (search), sort (field or -field), limit and offset;
 * the total before paging is in X-Total-Count. Records carry their version as ETag; PATCH and
 * DELETE require If-Match (428 without it), and a stale one gets 409 with the current record.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { matchesSearch, compareDanish } from '../../src/domain/text';
import type { EntitySpec } from '../entities';
import { ConstraintViolationError, type Data, type EntityMap, type EntityName, type Repos, type Store } from '../store/store';
import { conflictProblem, notFoundProblem, validationProblem, zodProblem } from './problem';
import { actorOf } from './actor';
import { etag, requireIfMatch, staleWithCurrentProblem } from './preconditions';

// Moved to preconditions.ts; still exported here for existing importers.
export { etag, ifMatchVersion, staleProblem } from './preconditions';

const ListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  sort: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export function parseWith<T>(schema: z.ZodType<T, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw zodProblem(result.error);
  return result.data;
}

export async function readJson(c: Context): Promise<unknown> {
  const raw = await c.req.text();
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw validationProblem([{ field: '(body)', code: 'malformed_json', message: 'The body is not valid JSON.' }], 'Malformed JSON.');
  }
}

export function crudRoutes<K extends EntityName>(store: Store, spec: EntitySpec<K>) {
  type T = EntityMap[K];
  const app = new Hono();
  const repoOf = (tx: Repos) => tx[spec.name];

  /**
   * Runs a write; when the database's constraints refuse it (a concurrent request won the
   * race the checks could not see), runs the checks again after the rollback, so the answer is
   * the same rich 409 that names the conflicting record as when the checks catch it first.
   * Should the checks pass by then, the constraint's own 409 stands (see app.ts).
   */
  const withRecheck = async <R>(write: () => Promise<R>, recheck: (tx: Repos) => Promise<void>): Promise<R> => {
    try {
      return await write();
    } catch (e) {
      if (e instanceof ConstraintViolationError) await store.transaction(recheck);
      throw e;
    }
  };

  const loadOr404 = async (id: string): Promise<T> => {
    const record = await repoOf(store).get(id);
    if (!record) throw notFoundProblem(spec.singular, id);
    return record;
  };

  app.get('/', async (c) => {
    const all = c.req.query();
    const { q, sort, limit, offset } = parseWith(ListQuerySchema, {
      q: all.q,
      sort: all.sort,
      limit: all.limit,
      offset: all.offset,
    });
    const { q: _q, sort: _s, limit: _l, offset: _o, ...filterParams } = all;
    const filter = { ...parseWith(spec.filter, filterParams), ...(q && spec.storeSearch ? spec.storeSearch(q) : {}) };
    let rows = (await repoOf(store).list(filter as never)) as T[];
    if (q) rows = rows.filter((r) => matchesSearch(spec.searchText(r as never), q));
    const desc = sort?.startsWith('-') ?? false;
    const field = sort?.replace(/^-/, '');
    if (field && !spec.sortFields.includes(field)) {
      throw validationProblem([
        { field: 'sort', code: 'invalid_value', message: `Sort by one of: ${spec.sortFields.join(', ')}.` },
      ]);
    }
    const key = (r: T) =>
      field ? sortText((r as Record<string, unknown>)[field]) : spec.sortKey(r as never);
    rows.sort((a, b) => compareDanish(key(a), key(b)) * (desc ? -1 : 1));
    c.header('X-Total-Count', String(rows.length));
    const start = offset ?? 0;
    return c.json(rows.slice(start, limit === undefined ? undefined : start + limit));
  });

  app.get('/:id', async (c) => {
    const record = await loadOr404(c.req.param('id'));
    c.header('ETag', etag(record));
    return c.json(record);
  });

  app.post('/', async (c) => {
    let data = parseWith(spec.input, await readJson(c));
    const created = await withRecheck(
      () =>
        store.transaction(async (tx) => {
          if (spec.prepare) data = await spec.prepare(tx, data);
          await spec.check(tx, data);
          return repoOf(tx).insert(data);
        }, { actor: actorOf(c) }),
      (tx) => spec.check(tx, data),
    );
    c.header('ETag', etag(created));
    c.header('Location', `/api/${spec.name}/${created.id}`);
    return c.json(created, 201);
  });

  app.patch('/:id', async (c) => {
    const id = c.req.param('id');
    const expected = requireIfMatch(c, spec.singular);
    const patch = await readJson(c);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw validationProblem([{ field: '(body)', code: 'invalid_type', message: 'The body must be a JSON object.' }]);
    }
    let data: Data<T> | undefined;
    const updated = await withRecheck(
      () =>
        store.transaction(async (tx) => {
          const existing = await repoOf(tx).get(id);
          if (!existing) throw notFoundProblem(spec.singular, id);
          if (existing.version !== expected) throw staleWithCurrentProblem(spec.singular, existing);
          const { id: _id, version: _v, ...current } = existing;
          const { id: _pid, version: _pv, ...changes } = patch as Record<string, unknown>;
          data = parseWith(spec.input, { ...current, ...changes });
          if (spec.prepare) data = await spec.prepare(tx, data, id);
          await spec.check(tx, data, id);
          return repoOf(tx).update(id, data, existing.version);
        }, { actor: actorOf(c) }),
      (tx) => (data ? spec.check(tx, data, id) : Promise.resolve()),
    );
    c.header('ETag', etag(updated));
    return c.json(updated);
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    const expected = requireIfMatch(c, spec.singular);
    const refuseIfUsed = async (tx: Repos) => {
      const blocker = await spec.usedBy(tx, id);
      if (blocker) {
        throw conflictProblem(`The ${spec.singular} is still in use by a ${blocker.entity} and cannot be deleted.`, [
          blocker,
        ]);
      }
    };
    await withRecheck(
      () =>
        store.transaction(async (tx) => {
          const existing = await repoOf(tx).get(id);
          if (!existing) throw notFoundProblem(spec.singular, id);
          if (existing.version !== expected) throw staleWithCurrentProblem(spec.singular, existing);
          await refuseIfUsed(tx);
          await repoOf(tx).remove(id, existing.version);
        }, { actor: actorOf(c) }),
      refuseIfUsed,
    );
    return c.body(null, 204);
  });

  return app;
}

/** Text used to sort by a field: strings as they are, numbers and booleans as text, nothing else sorts first. */
function sortText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
