/** A term page's view state lives in the URL: the date whose holders are shown. */
import { z } from 'zod';
import { IsoDateSchema } from '../../domain/dates';

export const TermSearchSchema = z.object({
  asOf: IsoDateSchema.optional().catch(undefined),
});
export type TermSearch = z.infer<typeof TermSearchSchema>;
