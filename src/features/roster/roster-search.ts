/** The roster's view state lives in the URL: body and as-of date, so every view is a link. */
import { z } from 'zod';
import { IdSchema } from '../../domain/schemas';
import { IsoDateSchema } from '../../domain/dates';

export const RosterSearchSchema = z.object({
  bodyId: IdSchema.optional().catch(undefined),
  asOf: IsoDateSchema.optional().catch(undefined),
});
export type RosterSearch = z.infer<typeof RosterSearchSchema>;
