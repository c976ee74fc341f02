/**
 * Versioned schema migrations: numbered SQL files in ./migrations (001-roster.sql, ...),
 * applied in order at start-up, all pending ones in one transaction, each recorded in
 * schema_migrations. Running it again changes nothing. A database whose schema is newer than
 * this code (a newer version of the app ran on it) is refused rather than touched.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { SqlDatabase } from './sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;
/** Any constant: serialises migrations of processes that share one PostgreSQL database. */
const MIGRATION_LOCK = 7_413_001;

export class DatabaseAheadError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `The database schema is at version ${databaseVersion}, but this version of Alliance Roster ` +
        `knows schema versions up to ${codeVersion}. Refusing to start so as not to damage it: ` +
        `run the newer version of the app, or restore a backup made with this one.`,
    );
    this.name = 'DatabaseAheadError';
  }
}

/** The migrations shipped with the code, in version order. */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const m = FILE_NAME.exec(file);
    if (!m) throw new Error(`Migration file name not understood: ${file} (expected e.g. 002-add-nominations.sql)`);
    const version = Number(m[1]);
    if (version !== migrations.length + 1) throw new Error(`Migrations must be numbered 001, 002, ... without gaps: ${file}`);
    migrations.push({ version, name: m[2] ?? file, sql: await readFile(new URL(file, dir), 'utf8') });
  }
  return migrations;
}

export interface MigrationResult {
  /** Schema version before and after. */
  from: number;
  to: number;
  applied: string[];
}

export async function migrate(db: SqlDatabase, migrations?: Migration[]): Promise<MigrationResult> {
  const all = migrations ?? (await loadMigrations());
  const latest = all.at(-1)?.version ?? 0;
  return db.transaction(async (sql) => {
    await sql.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const [row] = await sql.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const from = row?.version ?? 0;
    if (from > latest) throw new DatabaseAheadError(from, latest);
    const pending = all.filter((m) => m.version > from);
    for (const m of pending) {
      await sql.exec(m.sql);
      await sql.query('INSERT INTO schema_migrations (version, name) VALUES ($1::integer, $2::text)', [m.version, m.name]);
    }
    return { from, to: Math.max(from, latest), applied: pending.map((m) => `${String(m.version).padStart(3, '0')}-${m.name}`) };
  });
}
