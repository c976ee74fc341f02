/** The seat page's view state lives in the URL: the as-of date of the holder shown. */
import { z } from 'zod';
import { IsoDateSchema } from '../../domain/dates';

export const SeatSearchSchema = z.object({
  asOf: IsoDateSchema.optional().catch(undefined),
});
export type SeatSearch = z.infer<typeof SeatSearchSchema>;
