/**
 * Vitest setup file of the server projects. With one database per worker (the SQL projects,
 * which do not isolate test files) it stays open for the next file and goes with the worker;
 * otherwise each test file closes what it opened.
 */
import { afterAll } from 'vitest';
import { closeTestStores } from './test-stores';

afterAll(async () => {
  if (process.env.TEST_DATABASE_PER_WORKER !== '1') await closeTestStores();
});
