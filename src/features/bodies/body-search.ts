/** A body's page keeps its view state in the URL: the term and the as-of date of the seats shown. */
import { z } from 'zod';
import { IsoDateSchema } from '../../domain/dates';
import { IdSchema } from '../../domain/schemas';

export const BodySearchSchema = z.object({
  termId: IdSchema.optional().catch(undefined),
  asOf: IsoDateSchema.optional().catch(undefined),
});
export type BodySearch = z.infer<typeof BodySearchSchema>;
