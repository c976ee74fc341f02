/**
 * Helpers for the sign-in tests: an app with real cookie sessions over an empty store of this
 * project's kind, a movable clock, a log that keeps its events, and signed-in clients per role.
 */
import { expect } from 'vitest';
import { freshEmptyStore } from '../../tests/contract/test-stores';
import { USER_ROLES, type UserRole } from '../../src/domain/auth';
import { createApp, type App } from '../app';
import type { Store } from '../store/store';
import { TODAY } from '../test-helpers';
import { scryptHasher } from './passwords';
import type { SecurityEvent } from './security-log';
import { createThrottle } from './throttle';

/** A password none of the rules refuses (clearly fake). */
export const GOOD_PASSWORD = 'lilla elefant cykler hjem';
export const emailOf = (role: UserRole) => `${role}@roster.example`;

export interface AuthBackend {
  app: App;
  store: Store;
  log: SecurityEvent[];
  /** Moves the clock of sessions and throttling forward. */
  advance(ms: number): void;
  /** Sends a request with the given cookie (name=value) and returns the response. */
  send(method: string, path: string, options?: { cookie?: string; json?: unknown; headers?: Record<string, string>; base?: string }): Promise<Response>;
  /** Signs in and returns the cookie pair (name=value) to send back. */
  signIn(email: string, password?: string): Promise<string>;
  /** Creates a user with GOOD_PASSWORD directly in the store. */
  addUser(role: UserRole, email?: string): Promise<string>;
}

export async function authBackend({ setupToken, address }: { setupToken?: string; address?: string } = {}): Promise<AuthBackend> {
  const store = await freshEmptyStore();
  let clock = Date.parse('2019-06-01T08:00:00.000Z');
  const log: SecurityEvent[] = [];
  const app = createApp({
    store,
    today: () => TODAY,
    auth: {
      hasher: scryptHasher,
      now: () => new Date(clock),
      log: (e) => log.push(e),
      setupToken,
      clientAddress: () => address,
      throttle: createThrottle(),
    },
  });
  const send: AuthBackend['send'] = (method, path, { cookie, json, headers, base = 'http://localhost' } = {}) =>
    Promise.resolve(
      app.request(`${base}${path}`, {
        method,
        body: json === undefined ? undefined : JSON.stringify(json),
        headers: {
          ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(cookie ? { Cookie: cookie } : {}),
          ...headers,
        },
      }),
    );
  return {
    app,
    store,
    log,
    advance: (ms) => {
      clock += ms;
    },
    send,
    async signIn(email, password = GOOD_PASSWORD) {
      const res = await send('POST', '/api/session', { json: { email, password } });
      expect(res.status, await res.clone().text()).toBe(200);
      return cookiePair(res);
    },
    async addUser(role, email = emailOf(role)) {
      const user = await store.accounts.createUser({
        email,
        name: `Test ${role}`,
        role,
        passwordHash: await scryptHasher.hash(GOOD_PASSWORD),
        createdAt: new Date(clock).toISOString(),
      });
      return user.id;
    },
  };
}

/** name=value of the response's Set-Cookie. */
export function cookiePair(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  const pair = header.split(';')[0] ?? '';
  expect(pair).toMatch(/^(?:__Host-)?roster_session=[\w-]{43}$/);
  return pair;
}

/** One signed-in cookie per role. */
export async function signedInRoles(backend: AuthBackend): Promise<Record<UserRole, string>> {
  const cookies = {} as Record<UserRole, string>;
  for (const role of USER_ROLES) {
    await backend.addUser(role);
    cookies[role] = await backend.signIn(emailOf(role));
  }
  return cookies;
}
