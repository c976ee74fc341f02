/**
 * Embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) behind the Sql interface:
 * a data folder on disk, or in memory when no folder is given (tests). PGlite has a single
 * connection: its own lock runs one transaction at a time, and a statement outside a
 * transaction waits until the running one has finished.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Row, Sql, SqlDatabase } from './sql';

export interface PgliteOptions {
  /** The data folder; created when missing. Omit for a database in memory. */
  dataDir?: string;
  /** A data folder image (from dumpDataDir) to start from instead of an empty database. */
  loadDataDir?: Blob;
}

function wrap(db: PGlite | Transaction): Sql {
  return {
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = []) {
      return (await db.query<R>(text, params as unknown[])).rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
  };
}

export async function openPglite(options: PgliteOptions = {}): Promise<SqlDatabase & { pglite: PGlite }> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir, {
    extensions: { btree_gist, pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const outside = wrap(db);
  return {
    kind: 'pglite',
    pglite: db,
    query: outside.query,
    exec: outside.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
