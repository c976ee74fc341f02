/**
 * Global setup of the postgres test project: checks that DATABASE_URL answers, installs
 * btree_gist and pg_trgm in its public schema once, before test files migrate their own schemas in
 * parallel (CREATE EXTENSION is database-wide), and at the end drops every schema this run
 * created (workers keep theirs open until they exit).
 */
import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../server/store/postgres-database';

export default async function setup(project: TestProject) {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('The postgres test project needs DATABASE_URL.');
  const prefix = `test_${randomUUID().slice(0, 8)}_`;
  project.provide('postgresSchemaPrefix', prefix);
  const db = openPostgres({ connectionString, max: 1 });
  try {
    await db.exec('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
    await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
  } finally {
    await db.close();
  }
  return async () => {
    const admin = openPostgres({ connectionString, max: 1 });
    try {
      const schemas = await admin.query<{ name: string }>(
        'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1::text)',
        [prefix],
      );
      for (const { name } of schemas) await admin.exec(`DROP SCHEMA "${name}" CASCADE`);
    } finally {
      await admin.close();
    }
  };
}
