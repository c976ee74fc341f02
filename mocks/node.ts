/** MSW for Node (Vitest): the same handlers, with a fresh seeded backend per test. */
import { setupServer } from 'msw/node';
import { createMockBackend } from './backend';
import { apiHandlers } from './handlers';

export const server = setupServer();

/** Resets the handlers to a freshly seeded backend and returns it, for tests that look inside. */
export async function useFreshBackend(options?: Parameters<typeof createMockBackend>[0]) {
  const backend = await createMockBackend(options);
  server.resetHandlers(...apiHandlers(backend.app));
  return backend;
}
