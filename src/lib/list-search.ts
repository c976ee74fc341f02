/**
 * The URL's view state of a paged list: search text, page (from 1) and page size. Bad values
 * fall back to the defaults rather than failing the page, so an old or edited link still opens.
 */
import { z } from 'zod';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** The router reads `?q=2030` as a number: a search is text either way. */
export const SearchTextParam = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).slice(0, 200))
  .optional()
  .catch(undefined);

export const PageParam = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);

export const PageSizeParam = z.coerce
  .number()
  .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
  .optional()
  .catch(undefined);

/** limit and offset of the API for a page (from 1) of a given size. */
export function pageWindow(page: number | undefined, size: number | undefined) {
  const limit = size ?? DEFAULT_PAGE_SIZE;
  return { limit, offset: ((page ?? 1) - 1) * limit };
}
