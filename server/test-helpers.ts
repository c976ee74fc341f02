/**
 * Helpers for the API tests: a small client over `app.request` (no network), problem+json
 * assertions, a "nothing changed" guard for failing writes, the seed's facts, factories for
 * clearly fake records, and one shared CRUD contract that every entity's test file runs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshSeededStore } from '../tests/contract/test-stores';
import type { IsoDate } from '../src/domain/dates';
import {
  ProblemSchema,
  type Body,
  type Conflict,
  type Membership,
  type Organization,
  type Person,
  type Problem,
  type Seat,
  type Term,
} from '../src/domain/schemas';
import { compareDanish } from '../src/domain/text';
import { createApp, type App } from './app';
import { scryptHasher } from './auth/passwords';
import type { AuthOptions } from './auth/routes';
import type { Principal } from './auth/sessions';
import type { Store } from './store/store';

/** Danish letters and an emoji that must round-trip byte for byte. */
export const FAKE_TEXT = 'Søren Ærø Ålborg 🎉';
/** The same text folded the way a user without Danish keys types it. */
export const FAKE_TEXT_TYPED = 'soren aero alborg';
/** The signed-in user of the API tests: an admin (may do everything), as the audit's actor. */
export const TEST_PRINCIPAL: Principal = {
  user: { id: 'test-admin', email: 'testadmin@roster.example', name: 'Testadmin Eksempel', role: 'admin' },
  expiresAt: '2999-01-01T00:00:00.000Z',
};
/** Sign-in for the API tests: every request is TEST_PRINCIPAL's (server/auth/*.test.ts test real sessions). */
export const TEST_AUTH: AuthOptions = { hasher: scryptHasher, authenticate: () => TEST_PRINCIPAL, log: () => undefined };

/** The day the tests pretend it is: inside the seeded 2018-2021 term. */
export const TODAY: IsoDate = '2019-06-01';
export const MISSING_ID = 'no-such-record';

export const ENTITY_PATHS = ['terms', 'bodies', 'organizations', 'people', 'seats', 'memberships', 'nominations'] as const;
export type EntityPath = (typeof ENTITY_PATHS)[number];

// Client ---------------------------------------------------------------------------------

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

interface SendOptions {
  json?: unknown;
  /** A body sent as is (for malformed JSON). */
  raw?: string;
  headers?: Record<string, string>;
}

export function client(app: App) {
  async function send<T>(method: string, path: string, options: SendOptions = {}): Promise<ApiResponse<T>> {
    const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    const res = await app.request(path, {
      method,
      body,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
    });
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '');
    return { status: res.status, headers: res.headers, text, body: (text && json ? JSON.parse(text) : null) as T };
  }
  return {
    send,
    get: <T = unknown>(path: string) => send<T>('GET', path),
    post: <T = unknown>(path: string, json: unknown) => send<T>('POST', path, { json }),
    patch: <T = unknown>(path: string, json: unknown, headers?: Record<string, string>) =>
      send<T>('PATCH', path, { json, headers }),
    delete: (path: string, headers?: Record<string, string>) => send('DELETE', path, { headers }),
    /** POST that must succeed; returns the created record. */
    async create<T>(path: string, json: unknown): Promise<T> {
      const res = await send<T>('POST', path, { json });
      expect(res.status, res.text).toBe(201);
      return res.body;
    },
    /** GET of a list that must succeed. */
    async list<T>(path: string): Promise<T[]> {
      const res = await send<T[]>('GET', path);
      expect(res.status, res.text).toBe(200);
      return res.body;
    },
  };
}
export type Api = ReturnType<typeof client>;

// Assertions -----------------------------------------------------------------------------

/** The response is a problem+json with this status; returns the parsed problem. */
export function expectProblem(res: ApiResponse, status: number): Problem {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = ProblemSchema.parse(res.body);
  expect(problem.status).toBe(status);
  return problem;
}

/** 400 with a field error of this code (and a message) on this field. */
export function expectFieldError(res: ApiResponse, field: string, code: string): Problem {
  const problem = expectProblem(res, 400);
  expect(problem.errors).toContainEqual({ field, code, message: expect.stringMatching(/\S/) as unknown });
  return problem;
}

/** 409 naming the conflicting record. */
export function expectConflict(res: ApiResponse, conflict: Partial<Conflict>): Problem {
  const problem = expectProblem(res, 409);
  expect(problem.conflicts).toContainEqual(expect.objectContaining(conflict));
  return problem;
}

/** Every record of every entity, ordered by id, as the API lists them. */
export async function snapshot(api: Api): Promise<Record<EntityPath, unknown[]>> {
  const lists = await Promise.all(
    ENTITY_PATHS.map(async (p) => (await api.list<{ id: string }>(`/api/${p}`)).sort((a, b) => a.id.localeCompare(b.id))),
  );
  return Object.fromEntries(ENTITY_PATHS.map((p, i) => [p, lists[i]])) as Record<EntityPath, unknown[]>;
}

/** Runs a write that must fail and asserts that no record of any entity changed. */
export async function unchanged<R>(api: Api, write: () => Promise<R>): Promise<R> {
  const before = await snapshot(api);
  const result = await write();
  expect(await snapshot(api)).toEqual(before);
  return result;
}

/** DELETE refused with 409 naming the blocking record; nothing changed, the record still there. */
export async function expectDeleteBlocked(api: Api, path: string, blocker: Partial<Conflict>): Promise<Conflict> {
  const before = await api.get(path);
  expect(before.status).toBe(200);
  const res = await unchanged(api, () => api.delete(path, { 'If-Match': before.headers.get('etag') ?? '' }));
  const problem = expectConflict(res, { rule: 'in-use', ...blocker });
  expect((await api.get(path)).body).toEqual(before.body);
  return must(problem.conflicts?.[0], 'conflict');
}

/** The If-Match header of a write based on this version of a record. */
export function ifMatch(record: { version: number }): Record<string, string> {
  return { 'If-Match': `"${record.version}"` };
}

export function must<T>(value: T | undefined, what = 'value'): T {
  if (value === undefined) throw new Error(`Test setup: no ${what}`);
  return value;
}

// The seed -------------------------------------------------------------------------------

export interface SeedFacts {
  council: Body;
  fora: Body[];
  term: Term;
  organizations: Organization[];
  people: Person[];
  seats: Seat[];
  memberships: Membership[];
  forum(name: string): Body;
  organization(name: string): Organization;
  person(name: string): Person;
  /** The seeded membership of a representative, and its seat. */
  holding(name: string): { person: Person; membership: Membership; seat: Seat };
}

export async function seedFacts(api: Api): Promise<SeedFacts> {
  const [bodies, terms, organizations, people, seats, memberships] = await Promise.all([
    api.list<Body>('/api/bodies'),
    api.list<Term>('/api/terms'),
    api.list<Organization>('/api/organizations'),
    api.list<Person>('/api/people'),
    api.list<Seat>('/api/seats'),
    api.list<Membership>('/api/memberships'),
  ]);
  const person = (name: string) => must(people.find((p) => p.name === name), `person ${name}`);
  return {
    council: must(bodies.find((b) => b.kind === 'council'), 'council'),
    fora: bodies.filter((b) => b.kind === 'forum'),
    term: must(terms[0], 'term'),
    organizations,
    people,
    seats,
    memberships,
    forum: (name) => must(bodies.find((b) => b.name === name), `forum ${name}`),
    organization: (name) => must(organizations.find((o) => o.name === name), `organization ${name}`),
    person,
    holding(name) {
      const p = person(name);
      const membership = must(memberships.find((m) => m.personId === p.id), `membership of ${name}`);
      return { person: p, membership, seat: must(seats.find((s) => s.id === membership.seatId), 'seat') };
    },
  };
}

export interface TestContext {
  app: App;
  api: Api;
  seed: SeedFacts;
  /** The store behind the app (for tests that look inside, e.g. backups). */
  store: Store;
}

/**
 * A fresh seeded backend where today is TODAY, over the store of this Vitest project (memory,
 * PGlite or PostgreSQL: tests/contract/test-stores.ts), so every API test runs on every store.
 */
export async function setup(): Promise<TestContext> {
  const store = await freshSeededStore();
  const app = createApp({ store, today: () => TODAY, auth: TEST_AUTH });
  const api = client(app);
  return { app, api, seed: await seedFacts(api), store };
}

/** Declares a fresh seeded backend before each test; read it inside tests. */
export function useSeededBackend(): () => TestContext {
  let ctx: TestContext | undefined;
  beforeEach(async () => {
    ctx = await setup();
  });
  return () => must(ctx, 'backend');
}

// Fake records (clearly invented, never real people) ---------------------------------------

export const fakeTerm = (over: Partial<Term> = {}) => ({
  label: 'Testperiode 2030-2033',
  startDate: '2030-01-01',
  endDate: '2033-12-31',
  ...over,
});

export const fakeBody = (parentId: string | null, over: Partial<Body> = {}) => ({
  name: 'Fiktivt Testforum',
  kind: 'forum',
  parentId,
  purpose: 'Et opdigtet forum til test.',
  ...over,
});

export const fakeOrganization = (over: Partial<Organization> = {}) => ({
  name: 'Fiktiv Testforening',
  sector: 'business',
  otherNames: ['Testforeningen'],
  ...over,
});

export const fakePerson = (over: Partial<Person> = {}) => ({
  name: 'Testperson Eksempelsen',
  email: 'testperson@example.org',
  phone: '+45 00 00 00 00',
  notes: 'Opdigtet person til test.',
  ...over,
});

export const fakeSeat = (seed: SeedFacts, over: Partial<Seat> = {}) => ({
  termId: seed.term.id,
  bodyId: seed.council.id,
  label: 'Testplads',
  nominatingOrganizationId: null,
  reservedSector: 'business',
  ...over,
});

export const fakeMembership = (seatId: string, personId: string, over: Partial<Membership> = {}) => ({
  seatId,
  personId,
  organizationId: null,
  role: 'member',
  title: 'Testtitel',
  startDate: '2019-01-01',
  endDate: null,
  ...over,
});

/** A new empty seat on the council in the seeded term, and a new person who holds nothing. */
export async function vacantSeatAndNewPerson(api: Api, seed: SeedFacts, label = 'Testplads') {
  const [seat, person] = await Promise.all([
    api.create<Seat>('/api/seats', fakeSeat(seed, { label })),
    api.create<Person>('/api/people', fakePerson({ name: `Testperson til ${label}` })),
  ]);
  return { seat, person };
}

/** Ends a membership on `lastDay` (PATCH endDate); its seat is vacant from the next day. */
export async function vacate(api: Api, membership: Membership, lastDay: IsoDate) {
  const res = await api.patch<Membership>(
    `/api/memberships/${membership.id}`,
    { endDate: lastDay, endReason: 'Fratrådt (test)' },
    ifMatch(membership),
  );
  expect(res.status, res.text).toBe(200);
  return res.body;
}

export const longText = (n: number) => 'x'.repeat(n);

/** Asserts the list is ordered by the field in Danish collation (descending when `desc`). */
export function expectSortedBy(rows: readonly Record<string, unknown>[], field: string, desc = false) {
  // Sort fields hold dates, names or enum values; a null (open end) sorts as empty.
  const keys = rows.map((r) => {
    const v = r[field];
    return typeof v === 'string' ? v : '';
  });
  for (let i = 1; i < keys.length; i++) {
    const cmp = compareDanish(keys[i - 1] ?? '', keys[i] ?? '');
    expect(desc ? cmp >= 0 : cmp <= 0, `${keys[i - 1]} then ${keys[i]}`).toBe(true);
  }
}

// The CRUD contract every entity shares ------------------------------------------------------

type Input = Record<string, unknown>;

export interface CrudCase {
  /** Path segment under /api, e.g. "terms". */
  name: EntityPath;
  /** As the API names it in conflicts, e.g. "term". */
  singular: string;
  /** Records of this entity in the seed. */
  seedCount: number;
  /** A valid input for a new record that nothing uses; may create the records it refers to. */
  validInput: (ctx: TestContext) => Promise<Input>;
  /** A searchable text field (q finds it). */
  textField: string;
  /** Maximum length of each text field. */
  textLimits: Record<string, number>;
  /** Fields a create must have. */
  required: string[];
  /** Bad values: field, value, the field error code. */
  badValues: [field: string, value: unknown, code: string][];
  /** Fields that refer to other records. */
  references?: string[];
  /** Has startDate/endDate with end not before start. */
  dateRange?: boolean;
  sortFields: string[];
}

/**
 * The behaviour every entity route shares: list (X-Total-Count, paging, sort, q, strict
 * filters), get (ETag, 404), create (201, Location, ETag, validation, nothing written on
 * failure), update (PATCH, If-Match) and delete.
 */
export function describeCrudContract(c: CrudCase) {
  const base = `/api/${c.name}`;
  const ctx = useSeededBackend();
  const createOne = async (over: Input = {}) => {
    const input = { ...(await c.validInput(ctx())), ...over };
    return ctx().api.create<{ id: string; version: number } & Input>(base, input);
  };

  describe(`GET ${base}`, () => {
    it('lists every record with X-Total-Count', async () => {
      const res = await ctx().api.get<unknown[]>(base);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toHaveLength(c.seedCount);
      expect(res.headers.get('x-total-count')).toBe(String(c.seedCount));
    });

    it('pages with limit and offset; X-Total-Count is the total before paging', async () => {
      await createOne();
      const all = await ctx().api.list<{ id: string }>(base);
      const res = await ctx().api.get<{ id: string }[]>(`${base}?limit=2&offset=1`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-total-count')).toBe(String(all.length));
      expect(res.body.map((r) => r.id)).toEqual(all.slice(1, 3).map((r) => r.id));
    });

    it.each(c.sortFields.flatMap((f) => [f, `-${f}`]))('sorts by %s', async (sort) => {
      await createOne();
      const res = await ctx().api.get<Record<string, unknown>[]>(`${base}?sort=${sort}`);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(c.seedCount + 1);
      expectSortedBy(res.body, sort.replace(/^-/, ''), sort.startsWith('-'));
    });

    it('finds Danish letters and emoji with a diacritic-insensitive q', async () => {
      const created = await createOne({ [c.textField]: FAKE_TEXT });
      for (const q of [FAKE_TEXT_TYPED, 'SØREN ÆRØ', 'Aalborg']) {
        const res = await ctx().api.get<{ id: string }[]>(`${base}?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        expect(res.body.map((r) => r.id), q).toContain(created.id);
        expect(res.headers.get('x-total-count')).toBe(String(res.body.length));
      }
      const none = await ctx().api.get<unknown[]>(`${base}?q=zzzqqq`);
      expect(none.body).toEqual([]);
      expect(none.headers.get('x-total-count')).toBe('0');
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=10001', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=1.5', 'offset'],
      ['sort=nonsense', 'sort'],
      ['sort=-id', 'sort'],
      [`q=${longText(201)}`, 'q'],
      ['nonsense=1', 'nonsense'],
    ])('rejects the query %s with a field error', async (query, field) => {
      const res = await ctx().api.get(`${base}?${query}`);
      const problem = expectProblem(res, 400);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
    });
  });

  describe(`GET ${base}/:id`, () => {
    it('returns the record with its version as ETag', async () => {
      const created = await createOne();
      const res = await ctx().api.get(`${base}/${created.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(res.body).toEqual(created);
    });

    it('answers 404 problem+json for an unknown id', async () => {
      const problem = expectProblem(await ctx().api.get(`${base}/${MISSING_ID}`), 404);
      expect(problem.detail).toContain(MISSING_ID);
    });
  });

  describe(`POST ${base}`, () => {
    it('creates the record: 201, Location, ETag, version 1, and it is listed', async () => {
      const input = await c.validInput(ctx());
      const before = await ctx().api.list(base);
      const res = await ctx().api.post<{ id: string; version: number }>(base, input);
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject(input);
      expect(res.body.version).toBe(1);
      expect(res.headers.get('location')).toBe(`${base}/${res.body.id}`);
      expect(res.headers.get('etag')).toBe('"1"');
      const fetched = await ctx().api.get(must(res.headers.get('location') ?? undefined));
      expect(fetched.body).toEqual(res.body);
      expect(await ctx().api.list(base)).toHaveLength(before.length + 1);
    });

    it('round-trips Danish letters and emoji exactly', async () => {
      const created = await createOne({ [c.textField]: FAKE_TEXT });
      expect(created[c.textField]).toBe(FAKE_TEXT);
      const fetched = await ctx().api.get<Input>(`${base}/${created.id}`);
      expect(fetched.body[c.textField]).toBe(FAKE_TEXT);
      expect(fetched.text).toContain(FAKE_TEXT);
    });

    it('ignores an id and version sent by the client', async () => {
      const created = await createOne({ id: 'chosen-by-client', version: 99 });
      expect(created.id).not.toBe('chosen-by-client');
      expect(created.version).toBe(1);
      expectProblem(await ctx().api.get(`${base}/chosen-by-client`), 404);
    });

    it.each(['{bad', '', '{"a": 1,}', "{'a': 1}"])('answers 400 malformed_json for the body %j', async (raw) => {
      const res = await unchanged(ctx().api, () => ctx().api.send('POST', base, { raw }));
      expectFieldError(res, '(body)', 'malformed_json');
    });

    it.each(['null', '[]', '"text"', '42'])('answers 400 for the non-object body %s', async (raw) => {
      const res = await unchanged(ctx().api, () => ctx().api.send('POST', base, { raw }));
      expectFieldError(res, '(root)', 'invalid_type');
    });

    it('names every missing required field of an empty body', async () => {
      const res = await unchanged(ctx().api, () => ctx().api.post(base, {}));
      const problem = expectProblem(res, 400);
      expect(problem.errors?.map((e) => e.field).sort()).toEqual([...c.required].sort());
    });

    it.each(c.required)('answers 400 when %s is missing', async (field) => {
      const { [field]: _dropped, ...input } = await c.validInput(ctx());
      const res = await unchanged(ctx().api, () => ctx().api.post(base, input));
      // zod says invalid_type for a missing string and invalid_value for a missing enum.
      const problem = expectProblem(res, 400);
      const code: unknown = expect.stringMatching(/^invalid_(type|value)$/);
      expect(problem.errors).toEqual([expect.objectContaining({ field, code })]);
    });

    it.each(c.badValues)('answers 400 when %s is %j', async (field, value, code) => {
      const input = await c.validInput(ctx());
      const res = await unchanged(ctx().api, () => ctx().api.post(base, { ...input, [field]: value }));
      expectFieldError(res, field, code);
    });

    it.each(Object.entries(c.textLimits))('accepts %s of %i characters and refuses one more', async (field, max) => {
      const input = await c.validInput(ctx());
      const res = await unchanged(ctx().api, () => ctx().api.post(base, { ...input, [field]: longText(max + 1) }));
      expectFieldError(res, field, 'too_big');
      const ok = await ctx().api.post<Input>(base, { ...input, [field]: longText(max) });
      expect(ok.status, ok.text).toBe(201);
      expect(ok.body[field]).toBe(longText(max));
    });

    it.each(c.references ?? [])('answers 400 unknown_reference when %s names no record', async (field) => {
      const input = await c.validInput(ctx());
      const res = await unchanged(ctx().api, () => ctx().api.post(base, { ...input, [field]: MISSING_ID }));
      expectFieldError(res, field, 'unknown_reference');
    });

    if (c.dateRange) {
      it('answers 400 end_before_start for reversed dates', async () => {
        const input = await c.validInput(ctx());
        const yearBefore = String(input.startDate).replace(/^\d{4}/, (y) => String(Number(y) - 1));
        const res = await unchanged(ctx().api, () => ctx().api.post(base, { ...input, endDate: yearBefore }));
        expectFieldError(res, 'endDate', 'end_before_start');
      });
    }
  });

  describe(`PATCH ${base}/:id`, () => {
    it('updates the field, keeps the others, bumps version and ETag', async () => {
      const created = await createOne();
      const res = await ctx().api.patch<Input>(`${base}/${created.id}`, { [c.textField]: FAKE_TEXT }, ifMatch(created));
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get('etag')).toBe('"2"');
      expect(res.body).toEqual({ ...created, [c.textField]: FAKE_TEXT, version: 2 });
      expect((await ctx().api.get(`${base}/${created.id}`)).body).toEqual(res.body);
    });

    it('applies a PATCH whose If-Match is current, and ignores a sent id and version', async () => {
      const created = await createOne();
      const res = await ctx().api.patch<Input>(
        `${base}/${created.id}`,
        { id: 'other-id', version: 40, [c.textField]: 'Ny tekst' },
        { 'If-Match': '"1"' },
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ id: created.id, version: 2, [c.textField]: 'Ny tekst' });
    });

    it('refuses a stale If-Match with 409 carrying the current record, and writes nothing', async () => {
      const created = await createOne();
      const second = await ctx().api.patch(`${base}/${created.id}`, { [c.textField]: 'Anden udgave' }, ifMatch(created));
      const res = await unchanged(ctx().api, () =>
        ctx().api.patch(`${base}/${created.id}`, { [c.textField]: 'Forældet' }, { 'If-Match': '"1"' }),
      );
      const problem = expectConflict(res, { rule: 'stale-version', entity: c.singular, id: created.id });
      expect(problem.current).toEqual(second.body);
      expect(problem.current).toMatchObject({ version: 2, [c.textField]: 'Anden udgave' });
    });

    it.each([
      ['without If-Match', {}],
      ['with If-Match *', { 'If-Match': '*' }],
    ])('answers 428 problem+json %s and writes nothing', async (_case, headers) => {
      const created = await createOne();
      const res = await unchanged(ctx().api, () => ctx().api.patch(`${base}/${created.id}`, { [c.textField]: 'x' }, headers));
      const problem = expectProblem(res, 428);
      expect(problem.title).toBe('Precondition Required');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'If-Match', code: 'if_match_required' }));
    });

    it('answers 400 for an If-Match that is not an ETag', async () => {
      const created = await createOne();
      const res = await unchanged(ctx().api, () =>
        ctx().api.patch(`${base}/${created.id}`, { [c.textField]: 'x' }, { 'If-Match': 'version one' }),
      );
      expectFieldError(res, 'If-Match', 'invalid_etag');
    });

    it('answers 404 for an unknown id', async () => {
      const res = await unchanged(ctx().api, () =>
        ctx().api.patch(`${base}/${MISSING_ID}`, { [c.textField]: 'x' }, { 'If-Match': '"1"' }),
      );
      expectProblem(res, 404);
    });

    it.each([
      ['{bad', 'malformed_json'],
      ['[1, 2]', 'invalid_type'],
      ['null', 'invalid_type'],
    ])('answers 400 for the body %s and writes nothing', async (raw, code) => {
      const created = await createOne();
      const res = await unchanged(ctx().api, () =>
        ctx().api.send('PATCH', `${base}/${created.id}`, { raw, headers: ifMatch(created) }),
      );
      expectFieldError(res, '(body)', code);
    });

    it.each(c.badValues)('answers 400 when %s becomes %j and writes nothing', async (field, value, code) => {
      const created = await createOne();
      const res = await unchanged(ctx().api, () => ctx().api.patch(`${base}/${created.id}`, { [field]: value }, ifMatch(created)));
      expectFieldError(res, field, code);
    });

    it.each(Object.keys(c.textLimits))('refuses an overlong %s', async (field) => {
      const created = await createOne();
      const max = must(c.textLimits[field]);
      const res = await unchanged(ctx().api, () =>
        ctx().api.patch(`${base}/${created.id}`, { [field]: longText(max + 1) }, ifMatch(created)),
      );
      expectFieldError(res, field, 'too_big');
    });

    if (c.dateRange) {
      it('answers 400 end_before_start when the end moves before the start', async () => {
        const created = await createOne();
        const yearBefore = String(created.startDate).replace(/^\d{4}/, (y) => String(Number(y) - 1));
        const res = await unchanged(ctx().api, () =>
          ctx().api.patch(`${base}/${created.id}`, { endDate: yearBefore }, ifMatch(created)),
        );
        expectFieldError(res, 'endDate', 'end_before_start');
      });
    }

    it.each(c.references ?? [])('answers 400 unknown_reference when %s names no record', async (field) => {
      const created = await createOne();
      const res = await unchanged(ctx().api, () =>
        ctx().api.patch(`${base}/${created.id}`, { [field]: MISSING_ID }, ifMatch(created)),
      );
      expectFieldError(res, field, 'unknown_reference');
    });
  });

  describe(`DELETE ${base}/:id`, () => {
    it('deletes: 204 with no body, then 404, and the list is one shorter', async () => {
      const created = await createOne();
      const before = await ctx().api.list(base);
      const res = await ctx().api.delete(`${base}/${created.id}`, ifMatch(created));
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectProblem(await ctx().api.get(`${base}/${created.id}`), 404);
      expect(await ctx().api.list(base)).toHaveLength(before.length - 1);
    });

    it('refuses a stale If-Match with 409, keeps the record, and accepts the current one', async () => {
      const created = await createOne();
      await ctx().api.patch(`${base}/${created.id}`, { [c.textField]: 'Anden udgave' }, ifMatch(created));
      const res = await unchanged(ctx().api, () => ctx().api.delete(`${base}/${created.id}`, { 'If-Match': '"1"' }));
      const problem = expectConflict(res, { rule: 'stale-version', entity: c.singular, id: created.id });
      expect(problem.current).toMatchObject({ id: created.id, version: 2, [c.textField]: 'Anden udgave' });
      expect((await ctx().api.get(`${base}/${created.id}`)).status).toBe(200);
      expect((await ctx().api.delete(`${base}/${created.id}`, { 'If-Match': '"2"' })).status).toBe(204);
    });

    it('answers 404 for an unknown id', async () => {
      expectProblem(await unchanged(ctx().api, () => ctx().api.delete(`${base}/${MISSING_ID}`, { 'If-Match': '"1"' })), 404);
    });

    it('answers 428 problem+json without If-Match and keeps the record', async () => {
      const created = await createOne();
      const problem = expectProblem(await unchanged(ctx().api, () => ctx().api.delete(`${base}/${created.id}`)), 428);
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'If-Match', code: 'if_match_required' }));
      expect((await ctx().api.get(`${base}/${created.id}`)).status).toBe(200);
    });
  });

  return ctx;
}
