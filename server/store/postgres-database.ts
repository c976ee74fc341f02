/**
 * A PostgreSQL server behind the Sql interface, through a pg connection pool. Each transaction
 * takes its own client from the pool, so transactions run in parallel and the database's
 * locks and constraints decide between them.
 */
import pg from 'pg';
import type { Row, Sql, SqlDatabase } from './sql';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database (may carry ?options=-c search_path=...). */
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
}

function wrap(client: pg.Pool | pg.PoolClient): Sql {
  return {
    async query<R extends Row = Row>(text: string, params: readonly unknown[] = []) {
      return (await client.query<R>(text, params as unknown[])).rows;
    },
    async exec(text: string) {
      await client.query(text);
    },
  };
}

export function openPostgres(options: PostgresOptions): SqlDatabase {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle client can lose its connection (server restart); pg then emits an error that
  // would otherwise crash the process. The pool replaces the client; log the error's name only.
  pool.on('error', (err) => {
    console.error(`PostgreSQL pool: idle client failed (${err.name})`);
  });
  const outside = wrap(pool);
  return {
    kind: 'postgres',
    query: outside.query,
    exec: outside.exec,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection is unusable: drop it from the pool instead of reusing it.
          broken = rollbackError instanceof Error ? rollbackError : new Error('ROLLBACK failed');
        }
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
