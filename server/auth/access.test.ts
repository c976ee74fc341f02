/**
 * The role x route matrix (issue 6): every API route, for anonymous and each role, answers
 * 401, 403 or gets through to its handler. The expectations are written out here, apart from
 * server/auth/policy.ts, and the list of routes must equal the app's own, so a new route
 * fails this test until someone decides who may use it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES, type UserRole } from '../../src/domain/auth';
import { authBackend, signedInRoles, type AuthBackend } from './auth-test-helpers';

const ALL: UserRole[] = ['admin', 'secretariat', 'coordinator', 'viewer'];
const ROSTER: UserRole[] = ['admin', 'secretariat'];
const RENEWAL: UserRole[] = ['admin', 'secretariat', 'coordinator'];
const PRIVACY: UserRole[] = ['admin', 'secretariat'];
const ADMIN: UserRole[] = ['admin'];

const entity = (path: string, writers: UserRole[]) => ({
  [`GET ${path}`]: ALL,
  [`GET ${path}/:id`]: ALL,
  [`POST ${path}`]: writers,
  [`PATCH ${path}/:id`]: writers,
  [`DELETE ${path}/:id`]: writers,
});

const EXPECTED: Record<string, 'public' | UserRole[]> = {
  'GET /api/health': 'public',
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'public',
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',
  'GET /api/settings': ALL,
  'GET /api/roster': ALL,
  'GET /api/audit': ALL,
  'GET /api/export/roster.csv': ALL,
  'GET /api/export/popolo': ALL,
  ...entity('/api/terms', ROSTER),
  ...entity('/api/bodies', ROSTER),
  ...entity('/api/organizations', ROSTER),
  ...entity('/api/people', ROSTER),
  ...entity('/api/seats', ROSTER),
  ...entity('/api/memberships', ROSTER),
  'POST /api/memberships/:id/change': ROSTER,
  'POST /api/memberships/:id/revert': ROSTER,
  'POST /api/memberships/:id/end': ROSTER,
  'POST /api/memberships/:id/reopen': ROSTER,
  'POST /api/import/preview': ROSTER,
  'POST /api/import/commit': ROSTER,
  'GET /api/terms/:id/renewal': ALL,
  'GET /api/terms/:id/renewal/requests.csv': ALL,
  'POST /api/terms/:id/renewal': RENEWAL,
  'DELETE /api/terms/:id/renewal': RENEWAL,
  'POST /api/terms/:id/switch-over': RENEWAL,
  ...entity('/api/nominations', RENEWAL),
  'POST /api/nominations/bulk': RENEWAL,
  'GET /api/people/retention': PRIVACY,
  'GET /api/people/:id/export': PRIVACY,
  'POST /api/people/:id/erase': ADMIN,
  'GET /api/users': ADMIN,
  'GET /api/users/:id': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:id': ADMIN,
};

function routesOf(backend: AuthBackend): string[] {
  return [...new Set(backend.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

async function request(backend: AuthBackend, route: string, cookie: string | undefined): Promise<Response> {
  const [method = 'GET', pattern = ''] = route.split(' ');
  const path = pattern.replace(/:id/g, 'no-such-record');
  const write = method !== 'GET';
  return backend.send(method, path, {
    cookie,
    json: write && method !== 'DELETE' ? {} : undefined,
    headers: write ? { 'If-Match': '"1"' } : {},
  });
}

describe('who may use which route', () => {
  let backend: AuthBackend;
  let cookies: Record<UserRole, string>;
  beforeAll(async () => {
    backend = await authBackend();
    cookies = await signedInRoles(backend);
  }, 60_000);

  it('lists exactly the routes the app has', () => {
    expect(routesOf(backend).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers anonymous callers 401 even on paths that do not exist, and signed-in ones 404', async () => {
    expect((await backend.send('GET', '/api/no-such-thing')).status).toBe(401);
    expect((await backend.send('GET', '/api/no-such-thing', { cookie: cookies.viewer })).status).toBe(404);
  });

  it('logs refused requests with the route pattern and the user id, never the URL', async () => {
    backend.log.length = 0;
    await backend.send('POST', '/api/people/some-person-id/erase', { cookie: cookies.viewer, json: {}, headers: { 'If-Match': '"1"' } });
    expect(backend.log).toContainEqual(
      expect.objectContaining({ event: 'refused', status: 403, route: 'POST /api/people/:id/erase', reason: 'needs-privacy:erase' }),
    );
    expect(JSON.stringify(backend.log)).not.toContain('some-person-id');
  });

  // Signing out ends the session the matrix uses: that route goes last.
  const ordered = Object.keys(EXPECTED).sort((a, b) => Number(a === 'DELETE /api/session') - Number(b === 'DELETE /api/session'));
  it.each(ordered)('%s', async (route) => {
    const allowed = EXPECTED[route]!;
    for (const who of ['anonymous', ...USER_ROLES] as const) {
      const res = await request(backend, route, who === 'anonymous' ? undefined : cookies[who]);
      const what = `${who}: ${route} got ${res.status}`;
      if (route === 'GET /api/session') {
        // Public, and it answers who is signed in: nobody (401) or the caller.
        expect(res.status, what).toBe(who === 'anonymous' ? 401 : 200);
      } else if (allowed === 'public') {
        expect([401, 403], what).not.toContain(res.status);
      } else if (who === 'anonymous') {
        expect(res.status, what).toBe(401);
      } else if (allowed.includes(who)) {
        expect([401, 403], what).not.toContain(res.status);
        expect(res.status, what).toBeLessThan(500);
      } else {
        expect(res.status, what).toBe(403);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
  });
});
