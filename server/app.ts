/**
 * The one HTTP API of Alliance Roster. Every HTTP semantic lives here (validation with the
 * domain schemas, status codes, problem+json, ETags); only the Store behind it varies. The
 * production server (server/main.ts) and the mocked backend (mocks/) both call app.fetch.
 */
import { Hono } from 'hono';
import { todayIso, type IsoDate } from '../src/domain/dates';
import type { Settings } from '../src/domain/renewal';
import { RosterQuerySchema, type Problem } from '../src/domain/schemas';
import { ENTITY_SPECS, type EntitySpec } from './entities';
import { crudRoutes, parseWith, staleProblem } from './http/crud';
import { auditRoutes } from './http/audit';
import { accessControl } from './auth/policy';
import { authentication, resolveAuthOptions, sessionRoutes, userRoutes, type AuthOptions } from './auth/routes';
import { ProblemError, SINGULAR, constraintProblem, notFoundProblem } from './http/problem';
import { noStore, sameOriginWrites, securityHeaders } from './http/security';
import { exportRoutes } from './export/routes';
import { importRoutes } from './import/routes';
import { membershipActionRoutes } from './membership-actions';
import { privacyRoutes } from './privacy/routes';
import { nominationSpec } from './renewal/nominations';
import { nominationBulkRoutes, renewalRoutes } from './renewal/routes';
import { buildRoster } from './roster';
import { ConstraintViolationError, NotFoundError, StaleVersionError, type EntityName, type Store } from './store/store';

export interface AppOptions {
  store: Store;
  /** Today's date; injectable so tests can pin the calendar. */
  today?: () => IsoDate;
  /** Days before a term ends that the dashboard starts showing the renewal reminder (default 180). */
  renewalReminderDays?: number;
  /** People without a membership in this many years are listed for review (default 5). */
  retentionYears?: number;
  /** Sign-in and access (server/auth/): required, so no app can be made without them. */
  auth: AuthOptions;
}

const PROBLEM_TYPE = 'application/problem+json';

function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_TYPE },
  });
}

export const DEFAULT_RENEWAL_REMINDER_DAYS = 180;

export const DEFAULT_RETENTION_YEARS = 5;

export function createApp({
  store,
  today = () => todayIso(),
  renewalReminderDays = DEFAULT_RENEWAL_REMINDER_DAYS,
  retentionYears = DEFAULT_RETENTION_YEARS,
  auth: authOptions,
}: AppOptions) {
  const app = new Hono().basePath('/api');
  const auth = resolveAuthOptions(authOptions);
  // Cross-site checks first, then who is asking, then whether the route allows them (deny by default).
  app.use('*', securityHeaders(), noStore(), sameOriginWrites(), authentication(store, auth), accessControl(auth.log));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/', sessionRoutes(store, auth));
  app.route('/users', userRoutes(store, auth));
  app.get('/settings', (c) => c.json({ renewalReminderDays } satisfies Settings));

  // Before the people's CRUD routes, so /people/retention is not read as a person's id.
  app.route('/people', privacyRoutes(store, today, retentionYears));
  for (const spec of ENTITY_SPECS) {
    app.route(`/${spec.name}`, crudRoutes(store, spec as unknown as EntitySpec<EntityName>));
  }
  app.route('/memberships', membershipActionRoutes(store));
  app.route('/terms', renewalRoutes(store, today));
  app.route('/nominations', nominationBulkRoutes(store, today));
  app.route('/nominations', crudRoutes(store, nominationSpec(today) as unknown as EntitySpec<EntityName>));
  app.route('/import', importRoutes(store));
  app.route('/export', exportRoutes(store, today));
  app.route('/audit', auditRoutes(store));

  app.get('/roster', async (c) => {
    const query = parseWith(RosterQuerySchema.strict(), c.req.query());
    return c.json(await buildRoster(store, query, today));
  });

  app.notFound((c) =>
    problemResponse({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `There is no ${c.req.method} ${c.req.path} in this API.`,
    }),
  );

  app.onError((err) => {
    if (err instanceof ProblemError) return problemResponse(err.problem);
    // A store can detect a vanished record or a lost race itself (e.g. between two requests).
    if (err instanceof NotFoundError) return problemResponse(notFoundProblem(SINGULAR[err.entity], err.id).problem);
    if (err instanceof StaleVersionError) return problemResponse(staleProblem(SINGULAR[err.entity], err.current).problem);
    // The database's constraints refused a write the checks let through (see crud.ts).
    if (err instanceof ConstraintViolationError) return problemResponse(constraintProblem(err).problem);
    // Never echo internals to the client, and keep messages (which may quote stored values,
    // so personal data) out of the log: the error class and the code location are enough.
    const sqlState = (err as { code?: unknown }).code;
    const code = typeof sqlState === 'string' ? ` (code ${sqlState})` : '';
    console.error(`Unhandled ${err.name}${code}`, err.stack?.split('\n').slice(1, 4).join('\n'));
    return problemResponse({
      type: '/problems/internal',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on the server. Try again; if it keeps failing, tell the administrator.',
    });
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
