/**
 * The audit trail of one record (GET /api/audit?entity=&entityId=&limit=), newest first, one
 * page at a time with the total (X-Total-Count). Every write changes the trail, so the
 * ['audit'] key is refreshed with everything else after a write.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { AuditEventSchema } from '../domain/schemas';
import { apiList } from './api-client';

/** The records that have an audit trail shown in the app (server entity names). */
export type AuditEntity = 'people' | 'seats' | 'organizations' | 'memberships' | 'terms' | 'bodies';

/** How many events a record's history shows at first (RecordHistory; "show more" adds pages). */
export const HISTORY_PAGE = 10;

export const auditQueries = {
  all: () => ['audit'] as const,
  record: (params: { entity: AuditEntity; entityId: string; limit: number }) =>
    queryOptions({
      queryKey: [...auditQueries.all(), params] as const,
      queryFn: ({ signal }) => apiList(AuditEventSchema, '/api/audit', { query: params, signal }),
      placeholderData: keepPreviousData,
    }),
  /** The latest events of every record, newest first (the dashboard's "Seneste ændringer"). */
  recent: (params: { limit: number }) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'recent', params] as const,
      queryFn: ({ signal }) => apiList(AuditEventSchema, '/api/audit', { query: params, signal }),
    }),
};

/** The first page of a record's history, as RecordHistory asks for it (for a route's loader to start). */
export const recordHistoryQuery = (entity: AuditEntity, entityId: string) =>
  auditQueries.record({ entity, entityId, limit: HISTORY_PAGE });
