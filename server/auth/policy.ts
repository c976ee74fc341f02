/**
 * Deny by default (ASVS V4): every API route is listed here with the capability it needs
 * (src/domain/auth.ts says which roles have it), or 'public'. A route missing from this table
 * is refused for everyone (and logged), so a new route cannot ship open by accident; the
 * role x route matrix test (server/auth/access.test.ts) fails until it is listed.
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { can, type Capability } from '../../src/domain/auth';
import { ProblemError } from '../http/problem';
import type { Principal } from './sessions';
import type { SecurityLog } from './security-log';

export type Access = 'public' | Capability;

const entity = (path: string, write: Capability): Record<string, Access> => ({
  [`GET ${path}`]: 'read',
  [`GET ${path}/:id`]: 'read',
  [`POST ${path}`]: write,
  [`PATCH ${path}/:id`]: write,
  [`DELETE ${path}/:id`]: write,
});

export const ROUTE_POLICY: Readonly<Record<string, Access>> = {
  'GET /api/health': 'public',
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'public',
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',

  'GET /api/settings': 'read',
  'GET /api/roster': 'read',
  'GET /api/audit': 'read',
  'GET /api/export/roster.csv': 'read',
  'GET /api/export/popolo': 'read',

  ...entity('/api/terms', 'roster:write'),
  ...entity('/api/bodies', 'roster:write'),
  ...entity('/api/organizations', 'roster:write'),
  ...entity('/api/people', 'roster:write'),
  ...entity('/api/seats', 'roster:write'),
  ...entity('/api/memberships', 'roster:write'),
  'POST /api/memberships/:id/change': 'roster:write',
  'POST /api/memberships/:id/revert': 'roster:write',
  'POST /api/memberships/:id/end': 'roster:write',
  'POST /api/memberships/:id/reopen': 'roster:write',
  'POST /api/import/preview': 'roster:write',
  'POST /api/import/commit': 'roster:write',

  'GET /api/terms/:id/renewal': 'read',
  'GET /api/terms/:id/renewal/requests.csv': 'read',
  'POST /api/terms/:id/renewal': 'renewal:write',
  'DELETE /api/terms/:id/renewal': 'renewal:write',
  'POST /api/terms/:id/switch-over': 'renewal:write',
  ...entity('/api/nominations', 'renewal:write'),
  'POST /api/nominations/bulk': 'renewal:write',

  'GET /api/people/retention': 'privacy:read',
  'GET /api/people/:id/export': 'privacy:read',
  'POST /api/people/:id/erase': 'privacy:erase',

  'GET /api/users': 'users:manage',
  'GET /api/users/:id': 'users:manage',
  'POST /api/users': 'users:manage',
  'PATCH /api/users/:id': 'users:manage',
};

/** The route (method and pattern) whose handler will answer this request, if any. */
export function handlerRoute(c: Parameters<MiddlewareHandler>[0]): string | undefined {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  // The first handler registered for the path answers (a handler never passes on to the next).
  const handler = matchedRoutes(c).find((r) => r.method === method);
  return handler && `${handler.method} ${handler.path}`;
}

export function unauthenticated(
  detail = 'Sign in first (POST /api/session); a session ends after 30 minutes without use and after 12 hours.',
): ProblemError {
  return new ProblemError({ type: '/problems/unauthenticated', title: 'Unauthorized', status: 401, detail });
}

function forbidden(role: string): ProblemError {
  return new ProblemError({ type: '/problems/forbidden', title: 'Forbidden', status: 403, detail: `The role ${role} does not allow this.` });
}

/** Refuses what the principal may not do: 401 without one, 403 without the capability. */
export function accessControl(log: SecurityLog): MiddlewareHandler {
  return async (c, next) => {
    const route = handlerRoute(c);
    const access = route === undefined ? undefined : ROUTE_POLICY[route];
    if (access === 'public') return next();
    const principal = c.get('principal' as never) as Principal | undefined;
    const refuse = (status: 401 | 403, reason: string) => {
      log({ event: 'refused', status, reason, method: c.req.method, route: route ?? 'unknown', userId: principal?.user.id });
      return status === 401 ? unauthenticated() : forbidden(principal?.user.role ?? 'none');
    };
    // Without a session nothing else is answered, not even whether a path exists.
    if (!principal) throw refuse(401, 'no-session');
    if (route === undefined) return next(); // no such route: the API's 404
    if (access === undefined) throw refuse(403, 'route-without-policy');
    if (!can(principal.user.role, access)) throw refuse(403, `needs-${access}`);
    return next();
  };
}
