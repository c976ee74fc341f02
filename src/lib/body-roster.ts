/**
 * GET /api/roster for pages outside the roster feature (a term's seats per body, a forum's
 * page): every seat of a body in the term covering a date, with its holder on that date. The
 * key is the roster feature's, so both share one cache entry per body and date.
 */
import { queryOptions } from '@tanstack/react-query';
import type { IsoDate } from '../domain/dates';
import { RosterSchema } from '../domain/schemas';
import { apiFetch } from './api-client';

export const bodyRosterQuery = (params: { bodyId: string; asOf: IsoDate }) =>
  queryOptions({
    queryKey: ['roster', params] as const,
    queryFn: ({ signal }) => apiFetch(RosterSchema, '/api/roster', { query: params, signal }),
  });
