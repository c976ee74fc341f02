/**
 * Setup for the SPA's integration tests: jest-dom matchers, MSW at the network with a fresh
 * seeded backend per test (the real Hono app over a memory store), and console.error failing
 * the test unless the test expects it.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server, useFreshBackend } from '../mocks/node';

// Whole-app renders in jsdom are slow on a busy 2-core CI machine: give findBy* room (a
// genuinely missing element still fails, only later).
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout; the router's scroll restoration calls scrollTo after each navigation.
window.scrollTo = () => undefined;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  await useFreshBackend();
  localStorage.clear();
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error during a test: ${args.map(String).join(' ').slice(0, 500)}`);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
afterAll(() => server.close());
