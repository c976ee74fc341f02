/**
 * GET /api/audit?entity=&entityId=&since=&limit=&offset=: the audit trail, newest first.
 * `since` is a date (from 00:00 UTC that day) or a date-time with a zone; the total before
 * paging is in X-Total-Count, and a page holds 100 events unless `limit` says otherwise.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { IsoDateSchema } from '../../src/domain/dates';
import { IdSchema } from '../../src/domain/schemas';
import { ENTITY_NAMES, type Store } from '../store/store';
import { parseWith } from './crud';

const DEFAULT_LIMIT = 100;

const SinceSchema = z
  .string()
  .refine((v) => IsoDateSchema.safeParse(v).success || z.iso.datetime({ offset: true }).safeParse(v).success, {
    message: 'Not a date (YYYY-MM-DD) or a date-time with a time zone (e.g. 2026-01-31T12:00:00Z).',
  })
  .transform((v) => new Date(IsoDateSchema.safeParse(v).success ? `${v}T00:00:00Z` : v).toISOString());

export const AuditQuerySchema = z
  .object({
    entity: z.enum(ENTITY_NAMES).optional(),
    entityId: IdSchema.optional(),
    since: SinceSchema.optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_LIMIT),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export function auditRoutes(store: Store) {
  const app = new Hono();
  app.get('/', async (c) => {
    const query = parseWith(AuditQuerySchema, c.req.query());
    const { events, total } = await store.audit.list(query);
    c.header('X-Total-Count', String(total));
    return c.json(events);
  });
  return app;
}
