/**
 * Routes. View state (body, as-of date, filters) is in the URL's search params, validated
 * with zod, so every view is a link. Loaders start the page's queries before it renders, so
 * the first paint does not wait on a waterfall.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { todayIso } from '../domain/dates';
import { rosterQueries } from '../features/roster/api/roster-queries';
import { bodyQueries } from '../lib/resources';
import { RosterSearchSchema } from '../features/roster/roster-search';
import { RosterPrintSearchSchema } from '../features/roster/roster-print-search';
import { InsightsSearchSchema } from '../features/insights/insights-search';
import { SeatSearchSchema } from '../features/memberships/seat-search';
import { membershipQueries, seatQueries, termQueries } from '../lib/resources';
import { NotFound, RouteError } from './route-states';
import { RosterRoute } from './roster-route';
import { RosterPending } from '../features/roster/components/roster-page';
import { Shell } from './shell';
import { TermSearchSchema } from '../features/terms/term-search';
import { BodySearchSchema } from '../features/bodies/body-search';
import { PeopleSearchSchema } from '../features/people/people-search';
import { OrganizationsSearchSchema } from '../features/organizations/organizations-search';
import { pageWindow } from '../lib/list-search';
import { organizationQueries, personQueries } from '../lib/resources';
import { RenewalSearchSchema } from '../features/renewal/renewal-search';
import { SignInSearchSchema } from '../features/session/sign-in-search';
import { requireSession, watchUnauthenticated } from './session-guard';
import { prefetchTimeline } from '../features/people/api/timeline-queries';
import { recordHistoryQuery } from '../lib/audit';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // Every page but /sign-in and /setup needs a session (issue 6): checked in the root's loader,
  // which runs alongside the page's own loaders (no waterfall: the page's requests start at
  // once), and the router renders nothing until it has answered (no flash for a signed-out visitor).
  loader: requireSession,
  component: Shell,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

/** The dashboard ("Overblik"): its own chunk, text and numbers only (no chart library). */
const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(termQueries.list({ sort: '-startDate' }));
    void context.queryClient.prefetchQuery(bodyQueries.list());
  },
  component: lazyRouteComponent(() => import('./dashboard-route'), 'DashboardRoute'),
});

/** Charts and timeline: the chart library loads with this page's chunk only. */
const insightsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/insights',
  validateSearch: InsightsSearchSchema,
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(termQueries.list({ sort: '-startDate' }));
    void context.queryClient.prefetchQuery(bodyQueries.list());
  },
  component: lazyRouteComponent(() => import('../features/insights/components/insights-page'), 'InsightsPage'),
});

/** Every body's roster of a term on a date, one printed page each. */
const rosterPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/roster/print',
  validateSearch: RosterPrintSearchSchema,
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(termQueries.list({ sort: '-startDate' }));
    void context.queryClient.prefetchQuery(bodyQueries.list());
  },
  component: lazyRouteComponent(() => import('./roster-print-route'), 'RosterPrintPage'),
});

const rosterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/roster',
  validateSearch: RosterSearchSchema,
  loaderDeps: ({ search }) => ({ bodyId: search.bodyId, asOf: search.asOf ?? todayIso() }),
  loader: async ({ context, deps, cause }) => {
    // Both requests start at once. Entering the page without a cached roster waits for it (a
    // short while: see pendingMs), so the page is drawn once, with its rows, not as a skeleton
    // first; a new date or council on the page (cause 'stay') keeps the old roster on screen
    // instead. prefetchQuery never throws: a failed request is the page's to show (its error
    // state, with a retry), not the router's.
    const query = rosterQueries.detail(deps);
    const cached = context.queryClient.getQueryData(query.queryKey) !== undefined;
    void context.queryClient.prefetchQuery(bodyQueries.list());
    const roster = context.queryClient.prefetchQuery(query);
    if (cause !== 'stay' && !cached) await roster;
  },
  pendingMs: 300,
  pendingComponent: RosterPending,
  component: RosterRoute,
});

const seatRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/seats/$seatId',
  validateSearch: SeatSearchSchema,
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(seatQueries.detail(params.seatId));
    void context.queryClient.prefetchQuery(membershipQueries.list({ seatId: params.seatId }));
  },
  component: lazyRouteComponent(() => import('../features/memberships/components/seat-page'), 'SeatPage'),
});

/** A membership's own address leads to its seat, on the day it started. */
const membershipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/memberships/$membershipId',
  beforeLoad: async ({ context, params }) => {
    const m = await context.queryClient.ensureQueryData(membershipQueries.detail(params.membershipId));
    throw redirect({ to: '/seats/$seatId', params: { seatId: m.seatId }, search: { asOf: m.startDate }, replace: true });
  },
});

const peopleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people',
  validateSearch: PeopleSearchSchema,
  loaderDeps: ({ search }) => ({ q: search.q ?? '', sort: search.sort ?? 'name', ...pageWindow(search.page, search.size) }),
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(personQueries.page(deps));
  },
  component: lazyRouteComponent(() => import('../features/people/components/people-page'), 'PeoplePage'),
});

const retentionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people/retention',
  component: lazyRouteComponent(() => import('../features/people/components/retention-page'), 'RetentionPage'),
});

const personRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/people/$personId',
  loader: async ({ context, params }) => {
    // As the roster: the page is drawn once, with the person and their timeline, unless that
    // takes longer than pendingMs. Not when the person is cached (back to a page seen before).
    const cached = context.queryClient.getQueryData(personQueries.detail(params.personId).queryKey) !== undefined;
    void context.queryClient.prefetchQuery(recordHistoryQuery('people', params.personId));
    const ready = Promise.all([
      context.queryClient.prefetchQuery(personQueries.detail(params.personId)),
      prefetchTimeline(context.queryClient, params.personId),
    ]);
    if (!cached) await ready;
  },
  pendingMs: 300,
  pendingComponent: lazyRouteComponent(() => import('../features/people/components/person-page'), 'LoadingPerson'),
  component: lazyRouteComponent(() => import('../features/people/components/person-page'), 'PersonPage'),
});

const organizationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizations',
  validateSearch: OrganizationsSearchSchema,
  loaderDeps: ({ search }) => ({ q: search.q || undefined }),
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(organizationQueries.list(deps));
  },
  component: lazyRouteComponent(() => import('../features/organizations/components/organizations-page'), 'OrganizationsPage'),
});

const organizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizations/$organizationId',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(organizationQueries.detail(params.organizationId));
    void context.queryClient.prefetchQuery(seatQueries.list({ nominatingOrganizationId: params.organizationId }));
    void context.queryClient.prefetchQuery(membershipQueries.list({ organizationId: params.organizationId }));
  },
  component: lazyRouteComponent(() => import('../features/organizations/components/organization-page'), 'OrganizationPage'),
});

// Terms and bodies: their pages load on first visit (own chunks), keeping the roster's first load small.
const termsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/terms',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(termQueries.list({ sort: '-startDate' }));
  },
  component: lazyRouteComponent(() => import('../features/terms/components/terms-page'), 'TermsPage'),
});

const termRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/terms/$termId',
  validateSearch: TermSearchSchema,
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(termQueries.detail(params.termId));
    void context.queryClient.prefetchQuery(bodyQueries.list());
  },
  component: lazyRouteComponent(() => import('./term-route'), 'TermRoute'),
});

// Term renewal (termId = the CURRENT term the renewal starts from): workspace, comparison, request list.
/** The renewal's queries (and its schemas) load with its pages, not in the first-load bundle. */
async function prefetchRenewal(queryClient: QueryClient, termId: string) {
  const { renewalQueries } = await import('../features/renewal/api/renewal-api');
  void queryClient.prefetchQuery(renewalQueries.state(termId));
}

const renewalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/terms/$termId/renewal',
  validateSearch: RenewalSearchSchema,
  loader: ({ context, params }) => {
    return prefetchRenewal(context.queryClient, params.termId);
  },
  component: lazyRouteComponent(() => import('../features/renewal/components/renewal-workspace-page'), 'RenewalWorkspacePage'),
});

const renewalCompareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/terms/$termId/renewal/compare',
  loader: ({ context, params }) => {
    return prefetchRenewal(context.queryClient, params.termId);
  },
  component: lazyRouteComponent(() => import('../features/renewal/components/comparison-page'), 'ComparisonPage'),
});

const renewalRequestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/terms/$termId/renewal/requests',
  loader: ({ context, params }) => {
    return prefetchRenewal(context.queryClient, params.termId);
  },
  component: lazyRouteComponent(() => import('../features/renewal/components/requests-page'), 'RequestsPage'),
});

const bodiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bodies',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(bodyQueries.list());
  },
  component: lazyRouteComponent(() => import('../features/bodies/components/bodies-page'), 'BodiesPage'),
});

const bodyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bodies/$bodyId',
  validateSearch: BodySearchSchema,
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(bodyQueries.detail(params.bodyId));
    void context.queryClient.prefetchQuery(termQueries.list({ sort: '-startDate' }));
  },
  component: lazyRouteComponent(() => import('./body-route'), 'BodyRoute'),
});

const importExportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(termQueries.list({ sort: '-startDate' }));
    void context.queryClient.prefetchQuery(bodyQueries.list());
  },
  component: lazyRouteComponent(() => import('../features/import-export/components/import-export-page'), 'ImportExportPage'),
});

// Sign-in, first-run setup and user administration (issue 6). /sign-in and /setup are the
// only pages without a session (src/lib/session.ts PUBLIC_PATHS); the shell shows no menu there.
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: SignInSearchSchema,
  component: lazyRouteComponent(() => import('../features/session/components/sign-in-page'), 'SignInPage'),
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: lazyRouteComponent(() => import('../features/session/components/setup-page'), 'SetupPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('../features/users/components/users-page'), 'UsersPage'),
});

const routeTree = rootRoute.addChildren([indexRoute, insightsRoute, rosterPrintRoute, rosterRoute, seatRoute, membershipRoute, peopleRoute, retentionRoute, personRoute, organizationsRoute, organizationRoute, termsRoute, termRoute, renewalRoute, renewalCompareRoute, renewalRequestsRoute, bodiesRoute, bodyRoute, importExportRoute, signInRoute, setupRoute, usersRoute]);

export function createAppRouter(queryClient: QueryClient, history?: Parameters<typeof createRouter>[0]['history']) {
  const router = createRouter({
    routeTree,
    context: { queryClient },
    history,
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
  watchUnauthenticated(queryClient, router);
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
