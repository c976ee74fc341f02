/**
 * The audit trail of one record (GET /api/audit?entity=&entityId=), newest first, one page at
 * a time with the total (X-Total-Count). The event's shape follows server/store/store.ts
 * (AuditEvent); the domain has no schema for it yet, so it is parsed here, at the edge.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiList } from '../../../lib/api-client';

export const AuditEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  entity: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const auditQueries = {
  all: () => ['audit'] as const,
  record: (params: { entity: string; entityId: string; limit: number }) =>
    queryOptions({
      queryKey: [...auditQueries.all(), params] as const,
      queryFn: ({ signal }) => apiList(AuditEventSchema, '/api/audit', { query: params, signal }),
      placeholderData: keepPreviousData,
    }),
};
