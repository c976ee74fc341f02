/** The organisations list's view state lives in the URL: search, sector, sort, page and page size. */
import { z } from 'zod';
import { SectorSchema } from '../../domain/schemas';
import { PageParam, PageSizeParam, SearchTextParam } from '../../lib/list-search';

export const ORGANIZATION_SORTS = ['name', '-name', 'sector', '-sector'] as const;
export type OrganizationSort = (typeof ORGANIZATION_SORTS)[number];

export const OrganizationsSearchSchema = z.object({
  q: SearchTextParam,
  sector: SectorSchema.optional().catch(undefined),
  sort: z.enum(ORGANIZATION_SORTS).optional().catch(undefined),
  page: PageParam,
  size: PageSizeParam,
});
export type OrganizationsSearch = z.infer<typeof OrganizationsSearchSchema>;
