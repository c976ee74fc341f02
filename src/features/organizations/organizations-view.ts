/**
 * One page of organisations for the list. The API searches name and other names (q) but has
 * no sector filter, so the matches are fetched whole and filtered, sorted and paged here;
 * organisations are tens per council, not thousands. (See docs/decisions/008.)
 */
import { SECTORS, type Organization } from '../../domain/schemas';
import { compareDanish } from '../../domain/text';
import { pageWindow } from '../../lib/list-search';
import type { OrganizationsSearch } from './organizations-search';

const sectorRank = (o: Organization) => SECTORS.indexOf(o.sector);

export function organizationsPage(all: readonly Organization[], search: OrganizationsSearch) {
  const sort = search.sort ?? 'name';
  const descending = sort.startsWith('-');
  const bySector = sort.endsWith('sector');
  const matching = all
    .filter((o) => !search.sector || o.sector === search.sector)
    .sort((a, b) => {
      const sign = descending ? -1 : 1;
      // By sector in the council's own order, names A–Å within each; or by name.
      if (bySector) return sign * (sectorRank(a) - sectorRank(b)) || compareDanish(a.name, b.name);
      return sign * compareDanish(a.name, b.name);
    });
  const { limit, offset } = pageWindow(search.page, search.size);
  return { rows: matching.slice(offset, offset + limit), total: matching.length };
}
