/**
 * The tiny query interface the SQL store is written against, so the same SQL runs on
 * embedded PGlite (pglite-database.ts) and on a PostgreSQL server through pg
 * (postgres-database.ts). Parameters are $1, $2, ...; cast them in the SQL ($1::date) so both
 * drivers send plain strings and numbers.
 */

export type Row = Record<string, unknown>;

export interface Sql {
  /** One statement with parameters; returns its rows. */
  query: <R extends Row = Row>(text: string, params?: readonly unknown[]) => Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec: (text: string) => Promise<void>;
}

export interface SqlDatabase extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn inside BEGIN ... COMMIT on one connection, or ROLLBACK when it throws. PGlite has
   * one connection, so its transactions (and the statements outside them) run one at a time;
   * on a server every transaction has its own pooled connection.
   */
  transaction<R>(fn: (sql: Sql) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** The fields a PostgreSQL error carries (pg's DatabaseError and PGlite's alike). */
export interface DatabaseError {
  code: string;
  constraint?: string;
  table?: string;
}

export function isDatabaseError(e: unknown): e is Error & DatabaseError {
  const code: unknown = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}
