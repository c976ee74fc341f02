/**
 * The SQL store's own guarantees, on PGlite and on the PostgreSQL server: versioned
 * migrations, the constraints behind the domain rules (also when the application's checks
 * are bypassed), the append-only audit trail, and all-or-nothing transactions.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Membership } from '../../src/domain/schemas';
import { createApp } from '../../server/app';
import { seedHorsensAlliancen } from '../../server/seed/horsens-alliancen';
import { DatabaseAheadError, loadMigrations, migrate } from '../../server/store/migrate';
import { createSqlStore } from '../../server/store/sql-store';
import { ConstraintViolationError, type Data, type Repos, type Store } from '../../server/store/store';
import { TODAY, client, expectConflict, fakeMembership, fakePerson, ifMatch, seedFacts, unchanged, TEST_AUTH } from '../../server/test-helpers';
import { openTestDatabase, type TestDatabase } from '../contract/test-stores';

let database: TestDatabase;
let store: Store;

beforeAll(async () => {
  database = await openTestDatabase();
  await migrate(database.db);
  store = createSqlStore(database.db);
  await seedHorsensAlliancen(store);
});
afterAll(async () => {
  await database.dispose();
});

const code = (e: unknown) => (e as { code?: string }).code;

async function sqlError(statement: string, params: unknown[] = []): Promise<{ code?: string; constraint?: string }> {
  try {
    await database.db.query(statement, params);
  } catch (e) {
    return e as { code?: string; constraint?: string };
  }
  throw new Error('The statement was expected to fail');
}

async function seeded() {
  const [memberships, seats, terms, people] = await Promise.all([
    store.memberships.list(),
    store.seats.list(),
    store.terms.list(),
    store.people.list(),
  ]);
  const m = memberships[0];
  const seat = seats.find((s) => s.id === m?.seatId);
  const term = terms[0];
  if (!m || !seat || !term) throw new Error('seed missing');
  return { m, seat, term, memberships, seats, people };
}

describe('migrations', () => {
  it('are recorded, and applying them again changes nothing', async () => {
    const all = await loadMigrations();
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
    expect(await migrate(database.db)).toEqual({ from: all.length, to: all.length, applied: [] });
    const rows = await database.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(all.map((m) => ({ version: m.version, name: m.name })));
  });

  it('refuse a database that is ahead of the code, with a clear message, and touch nothing', async () => {
    const fresh = await openTestDatabase();
    try {
      await migrate(fresh.db);
      await fresh.db.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'from-the-future')");
      const error = await migrate(fresh.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseAheadError);
      expect((error as Error).message).toMatch(/schema is at version 99.*knows schema versions up to 6/);
      expect(await fresh.db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }, { version: 5 }, { version: 6 }, { version: 99 }]);
    } finally {
      await fresh.dispose();
    }
  });

  it('apply all pending migrations in one transaction: a failing one leaves none behind', async () => {
    const fresh = await openTestDatabase(undefined, { empty: true });
    try {
      const [first] = await loadMigrations();
      const broken = [first!, { version: 2, name: 'broken', sql: 'CREATE TABLE later (id text); SELECT no_such_function();' }];
      await expect(migrate(fresh.db, broken)).rejects.toThrow();
      const tables = await fresh.db.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('terms', 'later', 'schema_migrations')",
      );
      expect(tables).toEqual([]);
      expect(await migrate(fresh.db, [first!])).toMatchObject({ from: 0, to: 1 });
    } finally {
      await fresh.dispose();
    }
  });
});

describe('constraints behind the domain rules (raw SQL, no application checks)', () => {
  const insertMembership = (id: string, seatId: string, personId: string, start: string, end: string | null, role = 'member') =>
    sqlError(
      `INSERT INTO memberships (id, version, seat_id, person_id, role, start_date, end_date)
       VALUES ($1::text, 1, $2::text, $3::text, $4::text, $5::text::date, $6::text::date)`,
      [id, seatId, personId, role, start, end],
    );

  it('one holder per seat: an open-ended membership counts until the end of its term', async () => {
    const { m, people } = await seeded();
    const other = people.find((p) => p.id !== m.personId);
    const error = await insertMembership('raw-1', m.seatId, other!.id, '2021-12-31', '2021-12-31');
    expect(error).toMatchObject({ code: '23P01', constraint: 'memberships_one_holder_per_seat' });
  });

  it('one seat per person per body, and one chair per body', async () => {
    const { m, memberships } = await seeded();
    // Free a seat from 2019 on, then give it to someone who holds another council seat.
    await database.db.query("UPDATE memberships SET end_date = '2018-12-31' WHERE id = $1::text", [memberships[1]!.id]);
    expect(await insertMembership('raw-3', memberships[1]!.seatId, m.personId, '2019-01-01', null)).toMatchObject({
      code: '23P01',
      constraint: 'memberships_one_seat_per_person_per_body',
    });
    await database.db.query("UPDATE memberships SET role = 'chair' WHERE id = $1::text", [m.id]);
    const error = await sqlError("UPDATE memberships SET role = 'chair' WHERE id = $1::text", [memberships[2]!.id]);
    expect(error).toMatchObject({ code: '23P01', constraint: 'memberships_one_chair_per_body' });
    await database.db.query("UPDATE memberships SET role = 'member' WHERE id = $1::text", [m.id]);
    await database.db.query('UPDATE memberships SET end_date = NULL WHERE id = $1::text', [memberships[1]!.id]);
  });

  it('memberships inside their term, dates in order, and references that exist', async () => {
    const { m, seat } = await seeded();
    expect(await insertMembership('raw-4', m.seatId, m.personId, '2022-01-01', null)).toMatchObject({
      code: '23514',
      constraint: 'memberships_within_term',
    });
    expect(await sqlError("UPDATE memberships SET end_date = '2017-01-01' WHERE id = $1::text", [m.id])).toMatchObject({
      code: '23514',
    });
    expect(await insertMembership('raw-5', 'no-such-seat', m.personId, '2019-01-01', null)).toMatchObject({
      code: '23503',
      constraint: 'memberships_seat_fk',
    });
    expect(await sqlError("UPDATE seats SET term_id = 'no-such-term' WHERE id = $1::text", [seat.id])).toMatchObject({ code: '23503' });
    expect(await sqlError("INSERT INTO terms VALUES ('t2', 1, 'Omvendt', '2030-01-01', '2029-01-01')")).toMatchObject({
      code: '23514',
      constraint: 'terms_dates_in_order',
    });
    expect(await sqlError("INSERT INTO terms VALUES ('t3', 1, 'Overlap', '2021-12-31', '2025-12-31')")).toMatchObject({
      code: '23P01',
      constraint: 'terms_no_overlap',
    });
  });

  it("follow a change of the term's dates into its memberships", async () => {
    const { term } = await seeded();
    await database.db.query("UPDATE terms SET end_date = '2022-03-31' WHERE id = $1::text", [term.id]);
    const ends = await database.db.query<{ term_end: string }>(
      "SELECT DISTINCT to_char(term_end, 'YYYY-MM-DD') AS term_end FROM memberships WHERE term_id = $1::text",
      [term.id],
    );
    expect(ends).toEqual([{ term_end: '2022-03-31' }]);
    expect(await store.memberships.list({ asOf: '2022-03-31' })).toHaveLength(22);
    // Shrinking it past a membership is refused by the membership's check, through the cascade.
    expect(await sqlError("UPDATE terms SET start_date = '2018-06-01' WHERE id = $1::text", [term.id])).toMatchObject({
      code: '23514',
      constraint: 'memberships_within_term',
    });
    await database.db.query("UPDATE terms SET end_date = '2021-12-31' WHERE id = $1::text", [term.id]);
  });
});

describe('the store turns a refused write into a ConstraintViolationError', () => {
  it('naming the rule and, looked up after the rollback, the record it collided with', async () => {
    const { m, people, term, seats } = await seeded();
    const other = people.find((p) => p.id !== m.personId)!;
    const { id: _id, version: _v, ...data } = m;
    const error = await store
      .transaction((tx) => tx.memberships.insert({ ...data, personId: other.id, startDate: '2020-01-01' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConstraintViolationError);
    expect(error).toMatchObject({ rule: 'seat-holder', entity: 'memberships', field: 'seatId', conflict: { entity: 'memberships', id: m.id } });

    // Open-ended memberships just end earlier with a shorter term; a later start leaves them outside.
    const shrink = await store.terms.update(term.id, { ...term, startDate: '2018-06-01' }, term.version).catch((e: unknown) => e);
    expect(shrink).toMatchObject({ rule: 'within-term', entity: 'terms', conflict: { entity: 'memberships' } });
    expect(await store.terms.get(term.id)).toEqual(term);

    const inUse = await store.people.remove(m.personId).catch((e: unknown) => e);
    expect(inUse).toMatchObject({ rule: 'in-use', entity: 'people', conflict: { entity: 'memberships', id: m.id } });

    const seat = seats.find((s) => s.id === m.seatId)!;
    const [forum] = await store.bodies.list({ parentId: seat.bodyId });
    const moved = await store.seats.update(seat.id, { ...seat, bodyId: forum!.id }, seat.version).catch((e: unknown) => e);
    expect(moved).toMatchObject({ rule: 'in-use', entity: 'seats', conflict: { entity: 'memberships', id: m.id } });
  });

  it('and the API answers 409 naming rule and record when its own checks could not see the conflict', async () => {
    // A store whose membership lists come back empty inside transactions: the API's checks see
    // no holder (as in a race with a request not yet committed), so only the database decides.
    const blind = (tx: Repos): Repos => ({ ...tx, memberships: { ...tx.memberships, list: () => Promise.resolve([]) } });
    const racing: Store = { ...store, transaction: (fn, options) => store.transaction((tx) => fn({ ...blind(tx), scrubAudit: tx.scrubAudit }), options) };
    const api = client(createApp({ store: racing, today: () => TODAY, auth: TEST_AUTH }));
    const seed = await seedFacts(api);
    const { seat, membership } = seed.holding('Peter Sørensen');
    const person = await api.create<{ id: string }>('/api/people', fakePerson());
    const input = fakeMembership(seat.id, person.id, { startDate: '2019-06-01' }) as Data<Membership>;
    const res = await unchanged(api, () => api.post('/api/memberships', input));
    const problem = expectConflict(res, { rule: 'seat-holder', entity: 'membership', id: membership.id });
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'seatId', code: 'seat-holder' }));
    expect(res.text).not.toContain('memberships_one_holder_per_seat');

    // The same for a delete whose in-use check is blind: the foreign key refuses it.
    const holder = seed.holding('Bo Ulsøe');
    const refused = await unchanged(api, () => api.delete(`/api/people/${holder.person.id}`, ifMatch(holder.person)));
    expectConflict(refused, { rule: 'in-use', entity: 'membership', id: holder.membership.id });
  });
});

describe('the audit trail', () => {
  const someone = { name: 'Testperson Eksempelsen', email: null, phone: null, notes: '' };
  beforeEach(async () => {
    await store.people.insert(someone);
  });

  it.each([
    ['UPDATE', "UPDATE audit_events SET actor = 'someone else'"],
    ['DELETE', 'DELETE FROM audit_events'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ])('refuses %s (append-only), whoever asks', async (_op, statement) => {
    const before = await database.db.query('SELECT count(*)::int AS n, max(actor) AS actor FROM audit_events');
    expect(code(await sqlError(statement))).toBe('42501');
    expect(await database.db.query('SELECT count(*)::int AS n, max(actor) AS actor FROM audit_events')).toEqual(before);
  });

  it.each([
    ['UPDATE of who did it', "UPDATE audit_events SET actor = 'someone else'"],
    ['UPDATE of what happened', "UPDATE audit_events SET action = 'delete', after = NULL"],
    ['DELETE', 'DELETE FROM audit_events'],
  ])('refuses %s even while erasing a person (only before/after may change then)', async (_op, statement) => {
    const before = await database.db.query('SELECT seq, actor, action, before, after FROM audit_events ORDER BY seq');
    const failed = await database.db
      .transaction(async (sql) => {
        await sql.query(`SELECT set_config('alliance_roster.erasure', 'on', true)`);
        await sql.query(statement);
      })
      .then(
        () => undefined,
        (e: unknown) => e as { code?: string },
      );
    expect(code(failed ?? {})).toBe('42501');
    expect(await database.db.query('SELECT seq, actor, action, before, after FROM audit_events ORDER BY seq')).toEqual(before);
  });

  it('lets an erasure overwrite before and after, and nothing outside one', async () => {
    expect(code(await sqlError(`UPDATE audit_events SET after = after || '{"name":"x"}'::jsonb`))).toBe('42501');
    await database.db.transaction(async (sql) => {
      await sql.query(`SELECT set_config('alliance_roster.erasure', 'on', true)`);
      await sql.query(`UPDATE audit_events SET after = after || '{"name":"Anonymiseret person 1"}'::jsonb WHERE entity = 'people'`);
    });
    const rows = await database.db.query<{ name: string }>(`SELECT after->>'name' AS name FROM audit_events WHERE entity = 'people'`);
    expect(rows.map((r) => r.name)).toEqual(rows.map(() => 'Anonymiseret person 1'));
  });

  it('is written in the same transaction as the change: a failed transaction leaves no event', async () => {
    const before = await store.audit.list();
    const failed = store.transaction(async (tx) => {
      await tx.people.insert({ ...someone, name: 'Testperson Rullet Tilbage' });
      await tx.people.insert({ ...someone, name: null as unknown as string });
    });
    await expect(failed).rejects.toMatchObject({ code: '23502' });
    expect(await store.audit.list()).toEqual(before);
    expect((await store.people.list()).map((p) => p.name)).not.toContain('Testperson Rullet Tilbage');
  });
});
