/**
 * list / get / create / update (PATCH) / delete for one entity, the same for all six.
 * Lists take the entity's filters plus q (search), sort (field or -field), limit and offset;
 * the total before paging is in X-Total-Count. Records carry their version as ETag, and a
 * PATCH or DELETE with If-Match that is stale gets 409 with the current record.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { matchesSearch, compareDanish } from '../../src/domain/text';
import type { EntitySpec } from '../entities';
import type { Data, EntityMap, EntityName, Repos, Store } from '../store/store';
import { conflictProblem, notFoundProblem, validationProblem, zodProblem } from './problem';
import { actorOf } from './actor';

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

export function etag(record: { version: number }): string {
  return `"${record.version}"`;
}

/** The version named by If-Match, or undefined when the header is absent or "*". */
export function ifMatchVersion(c: Context): number | undefined {
  const header = c.req.header('If-Match');
  if (!header || header.trim() === '*') return undefined;
  const m = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!m) {
    throw validationProblem([{ field: 'If-Match', code: 'invalid_etag', message: 'If-Match must be an ETag such as "3".' }]);
  }
  return Number(m[1]);
}

export function staleProblem(entity: string, current: { id: string; version: number }) {
  return conflictProblem(
    `The ${entity} was changed by someone else (now version ${current.version}). Reload it and try again.`,
    [{ rule: 'stale-version', entity, id: current.id, summary: `version ${current.version}` }],
  );
}

export function crudRoutes<K extends EntityName>(store: Store, spec: EntitySpec<K>) {
  type T = EntityMap[K];
  const app = new Hono();
  const repoOf = (tx: Repos) => tx[spec.name];

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
    const filter = parseWith(spec.filter, filterParams);
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
    const data = parseWith(spec.input, await readJson(c));
    const created = await store.transaction(async (tx) => {
      await spec.check(tx, data);
      return repoOf(tx).insert(data);
    }, { actor: actorOf(c) });
    c.header('ETag', etag(created));
    c.header('Location', `/api/${spec.name}/${created.id}`);
    return c.json(created, 201);
  });

  app.patch('/:id', async (c) => {
    const id = c.req.param('id');
    const expected = ifMatchVersion(c);
    const patch = await readJson(c);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw validationProblem([{ field: '(body)', code: 'invalid_type', message: 'The body must be a JSON object.' }]);
    }
    const updated = await store.transaction(async (tx) => {
      const existing = await repoOf(tx).get(id);
      if (!existing) throw notFoundProblem(spec.singular, id);
      if (expected !== undefined && existing.version !== expected) throw staleProblem(spec.singular, existing);
      const { id: _id, version: _v, ...current } = existing;
      const { id: _pid, version: _pv, ...changes } = patch as Record<string, unknown>;
      const data = parseWith(spec.input, { ...current, ...changes }) as Data<T>;
      await spec.check(tx, data, id);
      return repoOf(tx).update(id, data, existing.version);
    }, { actor: actorOf(c) });
    c.header('ETag', etag(updated));
    return c.json(updated);
  });

  app.delete('/:id', async (c) => {
    const id = c.req.param('id');
    const expected = ifMatchVersion(c);
    await store.transaction(async (tx) => {
      const existing = await repoOf(tx).get(id);
      if (!existing) throw notFoundProblem(spec.singular, id);
      if (expected !== undefined && existing.version !== expected) throw staleProblem(spec.singular, existing);
      const blocker = await spec.usedBy(tx, id);
      if (blocker) {
        throw conflictProblem(`The ${spec.singular} is still in use by a ${blocker.entity} and cannot be deleted.`, [
          blocker,
        ]);
      }
      await repoOf(tx).remove(id, existing.version);
    }, { actor: actorOf(c) });
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
