/** MSW for Node (Vitest): the same handlers, with a fresh seeded backend per test. */
import { setupServer } from 'msw/node';
import type { UserRole } from '../src/domain/auth';
import { createMockBackend, type MockBackend } from './backend';
import { apiHandlers } from './handlers';

export const server = setupServer();

let current: MockBackend | undefined;

/**
 * Resets the handlers to a freshly seeded backend and returns it, for tests that look inside.
 * Signed in as admin unless `role` says otherwise (null: signed out).
 */
export async function useFreshBackend(options?: Parameters<typeof createMockBackend>[0]) {
  const backend = await createMockBackend(options);
  current = backend;
  server.resetHandlers(...apiHandlers(backend));
  return backend;
}

/** A user who can sign in to the current mock backend with this password (clearly fake data). */
export async function addMockUser(user: { email: string; name: string; role: UserRole; password: string }) {
  if (!current) throw new Error('useFreshBackend() first');
  return current.store.accounts.createUser({
    email: user.email,
    name: user.name,
    role: user.role,
    passwordHash: await current.hasher.hash(user.password),
    createdAt: new Date().toISOString(),
  });
}

