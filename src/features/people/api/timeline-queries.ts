/**
 * What a person's membership timeline reads: their memberships, then only the seats and
 * organisations those name, each in one request (`ids=`), not one request per seat. The
 * person route's loader starts the same queries, so the page does not wait on a chain.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Membership } from '../../../domain/schemas';
import { membershipQueries, organizationQueries, seatQueries } from '../../../lib/resources';

const idList = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))].sort().join(',');

/** The seats of these memberships, in one request ('' when there are none). */
export const timelineSeatIds = (memberships: readonly Membership[]) => idList(memberships.map((m) => m.seatId));

/** The organisations these memberships name. */
export const timelineOrganizationIds = (memberships: readonly Membership[]) => idList(memberships.map((m) => m.organizationId));

export const timelineSeatsQuery = (ids: string) => ({ ...seatQueries.list({ ids }), enabled: ids !== '' });
export const timelineOrganizationsQuery = (ids: string) => ({ ...organizationQueries.list({ ids }), enabled: ids !== '' });

/** For the route's loader: the memberships, then (without waiting for the page) their seats and organisations. */
export function prefetchTimeline(queryClient: QueryClient, personId: string): void {
  void queryClient.ensureQueryData(membershipQueries.list({ personId })).then((memberships) => {
    const seats = timelineSeatIds(memberships);
    const organizations = timelineOrganizationIds(memberships);
    if (seats) void queryClient.prefetchQuery(seatQueries.list({ ids: seats }));
    if (organizations) void queryClient.prefetchQuery(organizationQueries.list({ ids: organizations }));
  });
}
