/**
 * /insights keeps its view in the URL: which body (default the council), which term (default
 * the one covering the date) or all terms (`span=all`), and the date of the sector balance
 * (default today, kept inside the chosen term).
 */
import { z } from 'zod';
import { IsoDateSchema } from '../../domain/dates';
import { IdSchema } from '../../domain/schemas';

export const InsightsSearchSchema = z.object({
  bodyId: IdSchema.optional().catch(undefined),
  termId: IdSchema.optional().catch(undefined),
  span: z.enum(['term', 'all']).optional().catch(undefined),
  asOf: IsoDateSchema.optional().catch(undefined),
});
export type InsightsSearch = z.infer<typeof InsightsSearchSchema>;
