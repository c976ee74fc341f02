/**
 * Routes. View state (body, as-of date, filters) is in the URL's search params, validated
 * with zod, so every view is a link. Loaders start the page's queries before it renders, so
 * the first paint does not wait on a waterfall.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { todayIso } from '../domain/dates';
import { rosterQueries } from '../features/roster/api/roster-queries';
import { bodyQueries } from '../lib/resources';
import { RosterPage } from '../features/roster/components/roster-page';
import { RosterSearchSchema } from '../features/roster/roster-search';
import { NotFound, RouteError } from './route-states';
import { Shell } from './shell';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Shell,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/roster' });
  },
});

const rosterRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/roster',
  validateSearch: RosterSearchSchema,
  loaderDeps: ({ search }) => ({ bodyId: search.bodyId, asOf: search.asOf ?? todayIso() }),
  loader: ({ context, deps }) => {
    // Start both requests at once; the page renders its own loading and error states.
    void context.queryClient.prefetchQuery(rosterQueries.detail(deps));
    void context.queryClient.prefetchQuery(bodyQueries.list());
  },
  component: RosterPage,
});

const routeTree = rootRoute.addChildren([indexRoute, rosterRoute]);

export function createAppRouter(queryClient: QueryClient, history?: Parameters<typeof createRouter>[0]['history']) {
  return createRouter({
    routeTree,
    context: { queryClient },
    history,
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
