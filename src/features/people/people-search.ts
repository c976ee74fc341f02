/** The people list's view state lives in the URL: search, sort, page and page size. */
import { z } from 'zod';
import { PageParam, PageSizeParam, SearchTextParam } from '../../lib/list-search';

/** The API sorts people by name only (server/entities.ts sortFields): A–Å or Å–A. */
export const PEOPLE_SORTS = ['name', '-name'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export const PeopleSearchSchema = z.object({
  q: SearchTextParam,
  sort: z.enum(PEOPLE_SORTS).optional().catch(undefined),
  page: PageParam,
  size: PageSizeParam,
});
export type PeopleSearch = z.infer<typeof PeopleSearchSchema>;
