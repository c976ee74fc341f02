/**
 * The mocked backend: the real Hono app over a memory store with the seed roster. Only the
 * persistence differs from production, so mocks cannot drift from the real API.
 *
 * Sign-in: the mock has no cookies (MSW in jsdom cannot keep HttpOnly ones), so it keeps the
 * signed-in user the way a browser's cookie jar would: a successful POST /api/session or
 * /api/setup signs the mock in as that user, DELETE /api/session signs it out. Mock mode's
 * role switcher (dev only) and the UI tests set a role directly with setRole.
 */
import type { SessionUser, UserRole } from '../src/domain/auth';
import { SessionSchema } from '../src/domain/auth';
import type { IsoDate } from '../src/domain/dates';
import { createApp } from '../server/app';
import type { Principal } from '../server/auth/sessions';
import { seedHorsensAlliancen } from '../server/seed/horsens-alliancen';
import { createMemoryStore } from '../server/store/memory-store';
import { webCryptoHasher } from './webcrypto-hasher';

/** The user the mock is signed in as for a role (clearly fake). */
export function mockUser(role: UserRole): SessionUser {
  return { id: `mock-${role}`, email: `${role}@mock.example`, name: `Mock ${role}`, role };
}

const principalFor = (user: SessionUser): Principal => ({ user, expiresAt: new Date(Date.now() + 12 * 3600_000).toISOString() });

export interface MockBackendOptions {
  seed?: boolean;
  today?: () => IsoDate;
  /** Who is signed in at the start (default admin); null: nobody. */
  role?: UserRole | null;
}

export async function createMockBackend(options: MockBackendOptions = {}) {
  const store = createMemoryStore();
  if (options.seed ?? true) await seedHorsensAlliancen(store);
  const role = options.role === undefined ? 'admin' : options.role;
  let principal: Principal | null = role === null ? null : principalFor(mockUser(role));
  const app = createApp({
    store,
    today: options.today,
    auth: { hasher: webCryptoHasher, authenticate: () => principal, log: () => undefined },
  });

  /** app.fetch, plus the cookie jar's part: who is signed in after session requests. */
  async function fetch(request: Request): Promise<Response> {
    const response = await app.fetch(request);
    const { pathname } = new URL(request.url);
    if (response.ok && (pathname === '/api/session' || pathname === '/api/setup')) {
      if (request.method === 'DELETE') principal = null;
      else if (request.method === 'POST') principal = principalFor(SessionSchema.parse(await response.clone().json()).user);
    }
    return response;
  }

  const backend = {
    store,
    app,
    fetch,
    hasher: webCryptoHasher,
    /** Signs the mock in with a role (null: signs out). */
    setRole(next: UserRole | null) {
      principal = next === null ? null : principalFor(mockUser(next));
    },
    getRole: (): UserRole | null => principal?.user.role ?? null,
  };
  latest = backend;
  return backend;
}

let latest: { setRole(role: UserRole | null): void; getRole(): UserRole | null } | undefined;

/** Mock mode's role switcher (dev only): signs the latest mock backend in with a role (null: out). */
export function setMockRole(role: UserRole | null): void {
  latest?.setRole(role);
}

export function getMockRole(): UserRole | null {
  return latest?.getRole() ?? null;
}

export type MockBackend = Awaited<ReturnType<typeof createMockBackend>>;
