/**
 * Opens the database the settings name, ready to use: a PostgreSQL server when DATABASE_URL
 * is set, else embedded PGlite in DATA_DIR (created on first use); applies pending migrations
 * (refusing a database that is ahead of the code). Used by the server and the db:* scripts.
 */
import { resolve } from 'node:path';
import { migrate, type MigrationResult } from './migrate';
import { openPglite } from './pglite-database';
import { openPostgres } from './postgres-database';
import type { SqlDatabase } from './sql';
import { createSqlStore } from './sql-store';
import type { Store } from './store';

export interface DatabaseSettings {
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
}

export interface OpenedStore {
  store: Store;
  /** Where the data lives, for logs: never the password of DATABASE_URL. */
  description: string;
  migration: MigrationResult;
}

export async function openConfiguredStore(settings: DatabaseSettings): Promise<OpenedStore> {
  let db: SqlDatabase;
  let description: string;
  if (settings.DATABASE_URL) {
    const url = new URL(settings.DATABASE_URL);
    db = openPostgres({ connectionString: settings.DATABASE_URL });
    description = `PostgreSQL server at ${url.host}${url.pathname}`;
  } else {
    const dir = resolve(settings.DATA_DIR);
    db = await openPglite({ dataDir: dir });
    description = `PGlite in ${dir}`;
  }
  try {
    const migration = await migrate(db);
    return { store: createSqlStore(db), description, migration };
  } catch (e) {
    await db.close();
    throw e;
  }
}
