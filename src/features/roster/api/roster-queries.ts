/** Query factories of the roster feature: keys and fetchers together. */
import { queryOptions } from '@tanstack/react-query';
import type { IsoDate } from '../../../domain/dates';
import { RosterSchema } from '../../../domain/schemas';
import { apiFetch } from '../../../lib/api-client';

export const rosterQueries = {
  all: () => ['roster'] as const,
  detail: (params: { bodyId?: string; asOf: IsoDate }) =>
    queryOptions({
      queryKey: [...rosterQueries.all(), params] as const,
      queryFn: ({ signal }) => apiFetch(RosterSchema, '/api/roster', { query: params, signal }),
      placeholderData: (previous) => previous,
    }),
};
