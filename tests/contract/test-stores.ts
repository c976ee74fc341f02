/**
 * The store that the API tests (server/*.test.ts) and the contract tests (tests/contract/)
 * run against, chosen per Vitest project by TEST_STORE (see vite.config.ts):
 *
 *   memory    a new memory store per test (the default)
 *   pglite    PGlite in memory, started from a migrated template (pglite-global-setup.ts)
 *   postgres  the PostgreSQL server at DATABASE_URL, in a schema of its own per test file
 *
 * A SQL database is opened once per test file and put back to the freshly seeded state before
 * each test (emptied, then the seeded snapshot imported), which is as good as a new one.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { seedHorsensAlliancen } from '../../server/seed/horsens-alliancen';
import { createMemoryStore } from '../../server/store/memory-store';
import { migrate } from '../../server/store/migrate';
import { openPglite } from '../../server/store/pglite-database';
import { openPostgres } from '../../server/store/postgres-database';
import type { SqlDatabase } from '../../server/store/sql';
import { createSqlStore } from '../../server/store/sql-store';
import type { Dump, Store } from '../../server/store/store';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data folder image with every migration applied (tar). */
    pgliteTemplate: string;
    /** Test schemas on the PostgreSQL server start with this; the run drops them at its end. */
    postgresSchemaPrefix: string;
  }
}

export type StoreKind = 'memory' | 'pglite' | 'postgres';

export const STORE_KIND: StoreKind = (() => {
  const kind = process.env.TEST_STORE ?? 'memory';
  if (kind !== 'memory' && kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_STORE=${kind}: use memory, pglite or postgres`);
  return kind;
})();

/** A SQL database for tests and a way to throw it away. */
export interface TestDatabase {
  db: SqlDatabase;
  /** PostgreSQL only: a connection string that reaches this database (its schema). */
  url?: string;
  dispose(): Promise<void>;
}

/** The connection string with search_path set to one schema (then public, where btree_gist lives). */
export function withSchema(connectionString: string, schema: string): string {
  const url = new URL(connectionString);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return url.toString();
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_STORE=postgres needs DATABASE_URL (postgres://user:password@host:port/database)');
  return url;
}

/**
 * A new SQL database of this project's kind, ready for migrate(): a new schema on the
 * PostgreSQL server (unmigrated), or PGlite from the migrated template, or with `empty` a
 * PGlite without any table (slower: initdb).
 */
export async function openTestDatabase(
  kind: Exclude<StoreKind, 'memory'> = sqlKind(),
  { empty = false }: { empty?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite' && empty) {
    const db = await openPglite();
    return { db, dispose: () => db.close() };
  }
  if (kind === 'pglite') {
    const image = await readFile(inject('pgliteTemplate'));
    const db = await openPglite({ loadDataDir: new Blob([image]) });
    return { db, dispose: () => db.close() };
  }
  const url = databaseUrl();
  const schema = `${inject('postgresSchemaPrefix')}${process.pid}_${randomUUID().slice(0, 8)}`;
  const admin = openPostgres({ connectionString: url, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = openPostgres({ connectionString: withSchema(url, schema) });
  return {
    db,
    url: withSchema(url, schema),
    async dispose() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

function sqlKind(): Exclude<StoreKind, 'memory'> {
  if (STORE_KIND === 'memory') throw new Error('This test needs a SQL store: run it in the pglite or postgres project.');
  return STORE_KIND;
}

/**
 * Empties every table, the append-only audit trail included: its guard is lifted inside this
 * transaction only (the table's owner may; the app never does). DELETE is faster than TRUNCATE
 * on tables this small.
 */
async function emptyAll(db: SqlDatabase): Promise<void> {
  await db.transaction((sql) =>
    sql.exec(`
      ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
      DELETE FROM audit_events;
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
      DELETE FROM nominations; DELETE FROM renewals;
      DELETE FROM memberships; DELETE FROM seats; DELETE FROM people;
      DELETE FROM organizations; DELETE FROM bodies; DELETE FROM terms;
      DELETE FROM sessions; DELETE FROM users;`),
  );
}

async function unchangedSince(db: SqlDatabase, snapshot: Dump): Promise<boolean> {
  const [row] = await db.query<{ n: number; last: string | null }>('SELECT count(*)::int AS n, max(seq)::text AS last FROM audit_events');
  return row?.n === snapshot.audit.length && Number(row.last) === snapshot.audit.at(-1)?.seq;
}

interface SqlTestStore {
  database: TestDatabase;
  store: Store;
}

async function openSqlTestStore(): Promise<SqlTestStore> {
  const database = await openTestDatabase();
  await migrate(database.db);
  return { database, store: createSqlStore(database.db) };
}

let seeded: (SqlTestStore & { snapshot: Dump }) | undefined;
let spare: SqlTestStore | undefined;

/** A store holding exactly the seed roster (and its audit events), as after a first start. */
export async function freshSeededStore(): Promise<Store> {
  if (STORE_KIND === 'memory') {
    const store = createMemoryStore();
    await seedHorsensAlliancen(store);
    return store;
  }
  if (!seeded) {
    const opened = await openSqlTestStore();
    await seedHorsensAlliancen(opened.store);
    seeded = { ...opened, snapshot: await opened.store.exportAll() };
    return opened.store;
  }
  // Every write through a store adds an audit event; with none since the snapshot, the
  // previous test changed nothing (most only read, or are refused) and the reset can wait.
  if (!(await unchangedSince(seeded.database.db, seeded.snapshot))) {
    await emptyAll(seeded.database.db);
    await seeded.store.importAll(seeded.snapshot);
  }
  return seeded.store;
}

/** A migrated store without any data, separate from the seeded one. */
export async function freshEmptyStore(): Promise<Store> {
  if (STORE_KIND === 'memory') return createMemoryStore();
  spare ??= await openSqlTestStore();
  await emptyAll(spare.database.db);
  return spare.store;
}

/** Closes what this test file opened (tests/contract/setup-store.ts calls it after all tests). */
export async function closeTestStores(): Promise<void> {
  const open = [seeded, spare].filter((s) => s !== undefined);
  seeded = undefined;
  spare = undefined;
  for (const s of open) await s.database.dispose();
}
