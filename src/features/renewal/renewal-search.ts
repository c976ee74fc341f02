/** The workspace's view state lives in the URL: search text, sector and status filters. */
import { z } from 'zod';
import { SectorSchema } from '../../domain/schemas';

export const RENEWAL_SHOWS = ['all', 'unsettled', 'undecided', 'overdue'] as const;
export type RenewalShow = (typeof RENEWAL_SHOWS)[number];

export const RenewalSearchSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  sector: SectorSchema.optional().catch(undefined),
  show: z.enum(RENEWAL_SHOWS).optional().catch(undefined),
});
export type RenewalSearch = z.infer<typeof RenewalSearchSchema>;
