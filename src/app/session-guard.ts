/**
 * Sign-in in the router (issue 6): every page but /sign-in and /setup needs a session, checked
 * before the page loads (no flash of a page for a signed-out visitor); and any API answer 401
 * (the session ended: idle, expired, disabled, signed out elsewhere) sends the user to
 * /sign-in, forgetting everything cached for the previous user.
 */
import type { QueryClient } from '@tanstack/react-query';
import { redirect, type AnyRouter, type ParsedLocation } from '@tanstack/react-router';
import { ApiError } from '../lib/api-client';
import { isPublicPath, sessionQueries } from '../lib/session';

/** The root route's loader: redirect to /sign-in?redirect=<here> without a session. */
export async function requireSession({ context, location }: { context: { queryClient: QueryClient }; location: ParsedLocation }) {
  if (isPublicPath(location.pathname)) return;
  const session = await context.queryClient.ensureQueryData(sessionQueries.current());
  if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true });
}

/** Whether an error means "nobody is signed in any more" (not a wrong password: that is the sign-in's own 401). */
function isUnauthenticated(error: unknown) {
  return error instanceof ApiError && error.status === 401 && error.problem?.type !== '/problems/invalid-credentials';
}

/** Watches every query and mutation for a 401 and then signs the SPA out. Returns the unsubscribe. */
export function watchUnauthenticated(queryClient: QueryClient, router: AnyRouter): () => void {
  let leaving = false;
  const leave = () => {
    const here = router.state.location;
    if (leaving || isPublicPath(here.pathname)) return;
    leaving = true;
    // Outside the cache's own notification: clearing the cache while it notifies is unsafe.
    setTimeout(() => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current().queryKey, null);
      void router.navigate({ to: '/sign-in', search: { redirect: here.href }, replace: true }).finally(() => {
        leaving = false;
      });
    }, 0);
  };
  const offQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && isUnauthenticated(event.action.error)) leave();
  });
  const offMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error') return;
    const key = event.mutation.options.mutationKey;
    // Signing in, setting up and signing out handle their own 401s.
    if (Array.isArray(key) && key[0] === 'session') return;
    if (isUnauthenticated(event.action.error)) leave();
  });
  return () => {
    offQueries();
    offMutations();
  };
}
