/**
 * Indexes for the API's queries (issue 8, migration 006), on PGlite and on the PostgreSQL
 * server: the database's fold of people's names agrees with foldForSearch, people search
 * filters in SQL, and EXPLAIN shows that each main query the store runs for the API is
 * answered through an index on the filtered column.
 *
 * The statements are the store's own: a recording wrapper around the database catches what
 * the store sends for a call, and the test EXPLAINs exactly that text with the same
 * parameters. The world is a synthetic one of 300 people (about 3,000 memberships), on which
 * the planner may rightly prefer a sequential scan for some queries; so the EXPLAIN runs with
 * `SET LOCAL enable_seqscan = off`, which proves that an index CAN answer the query (without
 * a usable index the plan still shows a Seq Scan, only at a prohibitive cost).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from '../../src/domain/text';
import { generateWorld, loadWorldBulk, type SyntheticWorld } from '../../server/seed/synthetic';
import { migrate } from '../../server/store/migrate';
import type { SqlDatabase } from '../../server/store/sql';
import { createSqlStore } from '../../server/store/sql-store';
import type { Store } from '../../server/store/store';
import { openTestDatabase, type TestDatabase } from '../contract/test-stores';

interface Statement {
  text: string;
  params: readonly unknown[];
}

/** The database with every statement sent outside a transaction written down (the store's reads). */
function recording(db: SqlDatabase): { db: SqlDatabase; take: () => Statement[] } {
  const seen: Statement[] = [];
  return {
    db: {
      kind: db.kind,
      query: (text, params = []) => {
        seen.push({ text, params });
        return db.query(text, params);
      },
      exec: (text) => db.exec(text),
      transaction: (fn) => db.transaction(fn),
      close: () => db.close(),
    },
    take: () => seen.splice(0),
  };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

let database: TestDatabase;
let recorder: ReturnType<typeof recording>;
let store: Store;
let world: SyntheticWorld;
const FILLER_PEOPLE = 20_000;
const fillerNames = () => Array.from({ length: FILLER_PEOPLE }, (_, i) => ({ id: `filler-${i + 1}`, name: `Testperson Fyld ${i + 1}` }));

beforeAll(async () => {
  database = await openTestDatabase();
  await migrate(database.db);
  recorder = recording(database.db);
  store = createSqlStore(recorder.db);
  world = generateWorld({ people: 300, seed: 8 });
  await loadWorldBulk(store, world);
  // A register of 20,000 people (the bench's largest world), so the planner sees people search
  // as it is at scale; clearly fake names.
  await database.db.query(
    `INSERT INTO people (id, version, name, notes)
     SELECT 'filler-' || n, 1, 'Testperson Fyld ' || n, '' FROM generate_series(1, $1::integer) AS n`,
    [FILLER_PEOPLE],
  );
  await database.db.exec('ANALYZE');
});
afterAll(async () => {
  await database.dispose();
});

/** The plan of the one statement `call` makes the store send (with sequential scans disabled unless `natural`). */
async function planOf(call: () => Promise<unknown>, { natural = false } = {}): Promise<PlanNode[]> {
  recorder.take();
  await call();
  const statements = recorder.take();
  expect(statements).toHaveLength(1);
  const [{ text, params }] = statements as [Statement];
  return database.db.transaction(async (sql) => {
    if (!natural) await sql.query('SET LOCAL enable_seqscan = off');
    const [row] = await sql.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
    const raw = row?.['QUERY PLAN'];
    const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
    return nodesOf(parsed[0].Plan);
  });
}

/**
 * The plan never scans `table` sequentially and looks `column` up in an index (`index` when
 * given; otherwise any: e.g. person_id is also the second column of an exclusion constraint's
 * GiST index, which the planner may take instead of memberships_person_idx).
 */
function expectIndexed(nodes: PlanNode[], table: string, column: string, index?: string) {
  const described = nodes.map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''} ${n['Index Name'] ?? ''} ${n['Index Cond'] ?? ''}`).join('\n');
  expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table), described).toEqual([]);
  const lookups = nodes.filter((n) => n['Index Name'] !== undefined && (n['Index Cond'] ?? '').includes(column));
  expect(lookups, described).not.toEqual([]);
  if (index) expect(lookups.map((n) => n['Index Name']), described).toContain(index);
}

const some = <T>(items: T[]): T => {
  const item = items[Math.floor(items.length / 2)];
  if (item === undefined) throw new Error('the synthetic world is missing records');
  return item;
};

describe('folding names for search in the database', () => {
  const fold = async (texts: string[]) =>
    (
      await database.db.query<{ folded: string }>(
        'SELECT alliance_fold(t) AS folded FROM jsonb_array_elements_text($1::text::jsonb) WITH ORDINALITY AS x(t, n) ORDER BY n',
        [JSON.stringify(texts)],
      )
    ).map((r) => r.folded);

  it('agrees with foldForSearch on tricky names', async () => {
    const names = [
      'Ærø Østergård-Åberg',
      'æøå ÆØÅ',
      'Jens-Åge Sørensen',
      'Aase Haahr Kjærsgaard',
      'René Müller',
      'Straße ẞ',
      'Zoë Ångström',
      'Đorđe Łukasz',
      '  Mette   Frederiksen  ',
      'Anne–Marie — Bøgh',
      'François Ñúñez',
      'Ĳsbrand Œdipus',
    ];
    const expected = names.map(foldForSearch);
    expect(await fold(names)).toEqual(expected);
    expect(expected.slice(0, 6)).toEqual(['aero ostergard aberg', 'aeoa aeoa', 'jens age sorensen', 'ase hahr kjaersgard', 'rene muller', 'strasse ss']);
  });

  it('agrees with foldForSearch on any text of letters, accents, spaces and dashes', async () => {
    const alphabet = [...'aAeEoOsSzZ æøåÆØÅéÉüÜöÖäÄßẞđĐłŁñçÇ-‐–—\t\u00a0\u0301\u0308\u030a^`´¨~'];
    const texts = fc.sample(fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }).map((cs) => cs.join('')), { numRuns: 500, seed: 8 });
    expect(await fold(texts)).toEqual(texts.map(foldForSearch));
  });

  it('is stored with every person and follows a rename', async () => {
    const person = await store.people.insert({ name: 'Testperson Ærø-Sørensen', email: null, phone: null, notes: '' });
    const folded = async () =>
      (await database.db.query<{ f: string }>('SELECT name_folded AS f FROM people WHERE id = $1::text', [person.id]))[0]?.f;
    expect(await folded()).toBe('testperson aero sorensen');
    await store.people.update(person.id, { name: 'Testperson Åse Bøgh', email: null, phone: null, notes: '' });
    expect(await folded()).toBe('testperson ase bogh');
    await store.people.remove(person.id);
  });
});

describe('people search in SQL', () => {
  it('finds exactly the people matchesSearch finds, for words in any order and case', async () => {
    const everyone = [...world.people, ...fillerNames()];
    for (const q of ['sorensen', 'SØRENSEN', 'bro', 'jen sen', 'ae', 'a_%', 'xyzzy', 'fyld 1999']) {
      const found = (await store.people.list({ search: q })).map((p) => p.id).sort();
      const expected = everyone.filter((p) => matchesSearch(p.name, q)).map((p) => p.id).sort();
      expect(found, q).toEqual(expected);
    }
  });
});

describe('EXPLAIN: the main API queries use an index', () => {
  it("people search (GET /api/people?q=) uses the trigram index on the folded name, also by the planner's own choice", async () => {
    const search = () => store.people.list({ search: 'brø' });
    expectIndexed(await planOf(search), 'people', 'name_folded', 'people_name_folded_trgm_idx');
    expectIndexed(await planOf(search, { natural: true }), 'people', 'name_folded', 'people_name_folded_trgm_idx');
  });

  it('the roster of a body on a date (GET /api/roster) reads its seats and memberships by body', async () => {
    const seat = some(world.seats);
    expectIndexed(
      await planOf(() => store.memberships.list({ bodyId: seat.bodyId, asOf: '2020-06-01' })),
      'memberships',
      'body_id',
      'memberships_body_idx',
    );
    const seatsPlan = await planOf(() => store.seats.list({ termId: seat.termId, bodyId: seat.bodyId }));
    expect(seatsPlan.some((n) => n['Index Name'] === 'seats_term_idx' || n['Index Name'] === 'seats_body_idx')).toBe(true);
    expect(seatsPlan.some((n) => n['Node Type'] === 'Seq Scan')).toBe(false);
  });

  it('memberships by person, seat, body and organisation', async () => {
    const m = some(world.memberships.filter((x) => x.organizationId !== null));
    expectIndexed(await planOf(() => store.memberships.list({ personId: m.personId })), 'memberships', 'person_id');
    expectIndexed(await planOf(() => store.memberships.list({ seatId: m.seatId })), 'memberships', 'seat_id');
    const seat = world.seats.find((s) => s.id === m.seatId);
    expectIndexed(await planOf(() => store.memberships.list({ bodyId: seat?.bodyId })), 'memberships', 'body_id');
    expectIndexed(await planOf(() => store.memberships.list({ organizationId: m.organizationId ?? undefined })), 'memberships', 'organization_id');
  });

  it("seats by term, body and nominating organisation; people by id (the roster's holders)", async () => {
    const seat = some(world.seats.filter((s) => s.nominatingOrganizationId !== null));
    expectIndexed(await planOf(() => store.seats.list({ termId: seat.termId })), 'seats', 'term_id');
    expectIndexed(await planOf(() => store.seats.list({ bodyId: seat.bodyId })), 'seats', 'body_id');
    expectIndexed(
      await planOf(() => store.seats.list({ nominatingOrganizationId: seat.nominatingOrganizationId ?? undefined })),
      'seats',
      'nominating_organization_id',
    );
    expectIndexed(await planOf(() => store.people.get(some(world.people).id)), 'people', 'id', 'people_pkey');
    expectIndexed(await planOf(() => store.people.list({ ids: world.people.slice(0, 5).map((p) => p.id) })), 'people', 'id', 'people_pkey');
  });

  it("a person's seats and organisations (the person page's timeline): their memberships by person, then by key", async () => {
    const m = some(world.memberships.filter((x) => x.organizationId !== null));
    const seatsPlan = await planOf(() => store.seats.list({ personId: m.personId }));
    expectIndexed(seatsPlan, 'memberships', 'person_id');
    expectIndexed(seatsPlan, 'seats', 'id', 'seats_pkey');
    const organizationsPlan = await planOf(() => store.organizations.list({ personId: m.personId }));
    expectIndexed(organizationsPlan, 'memberships', 'person_id');
    expectIndexed(organizationsPlan, 'organizations', 'id', 'organizations_pkey');
  });
});
