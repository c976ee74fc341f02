/**
 * What a person's membership timeline reads: their memberships, the seats they have held and
 * the organisations they represented, each in one request, all three at once (`personId=` on
 * /api/seats and /api/organizations: no waiting for the memberships to learn which seats).
 * The person route's loader starts the same queries, so the page does not wait on a chain.
 */
import type { QueryClient } from '@tanstack/react-query';
import { membershipQueries, organizationQueries, seatQueries } from '../../../lib/resources';

export const timelineQueries = (personId: string) => ({
  memberships: membershipQueries.list({ personId }),
  seats: seatQueries.list({ personId }),
  organizations: organizationQueries.list({ personId }),
});

/** For the route's loader: the timeline's three requests, started together. */
export function prefetchTimeline(queryClient: QueryClient, personId: string): void {
  const queries = timelineQueries(personId);
  void queryClient.prefetchQuery(queries.memberships);
  void queryClient.prefetchQuery(queries.seats);
  void queryClient.prefetchQuery(queries.organizations);
}
