/** /roster/print: which term (default the one covering the date) and which date (default today). */
import { z } from 'zod';
import { IsoDateSchema } from '../../domain/dates';
import { IdSchema } from '../../domain/schemas';

export const RosterPrintSearchSchema = z.object({
  termId: IdSchema.optional().catch(undefined),
  asOf: IsoDateSchema.optional().catch(undefined),
});
export type RosterPrintSearch = z.infer<typeof RosterPrintSearchSchema>;
