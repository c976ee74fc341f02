/**
 * What a person's membership timeline reads: their memberships, the seats they have held and
 * the organisations they represented, each in one request (`personId=` on /api/seats and
 * /api/organizations: no waiting for the memberships to learn which seats), and the bodies and
 * terms the seats belong to. The person route's loader starts them all at once, so the page
 * does not wait on a chain, and the timeline is drawn once.
 */
import type { QueryClient } from '@tanstack/react-query';
import { bodyQueries, membershipQueries, organizationQueries, seatQueries, termQueries } from '../../../lib/resources';

export const timelineQueries = (personId: string) => ({
  memberships: membershipQueries.list({ personId }),
  seats: seatQueries.list({ personId }),
  organizations: organizationQueries.list({ personId }),
  bodies: bodyQueries.list(),
  terms: termQueries.list(),
});

/**
 * For the route's loader: the timeline's requests, started together. Resolves (never rejects)
 * when the memberships and what they name have arrived.
 */
export function prefetchTimeline(queryClient: QueryClient, personId: string): Promise<unknown> {
  const queries = timelineQueries(personId);
  return Promise.all([
    queryClient.prefetchQuery(queries.memberships),
    queryClient.prefetchQuery(queries.seats),
    queryClient.prefetchQuery(queries.organizations),
    queryClient.prefetchQuery(queries.bodies),
    queryClient.prefetchQuery(queries.terms),
  ]);
}
