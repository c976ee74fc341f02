/**
 * The sector balance of a body on a date: how many of its seats are held, and how many are
 * vacant, per sector (the council's own order: municipality, business, unions, education),
 * from the roster read model. A held seat counts for its holder's organisation's sector; a
 * vacant seat for its nominating organisation's or its reserved sector (RosterEntry.sector).
 */
import { SECTORS, type RosterEntry, type Sector } from './schemas';

export type BalanceSector = Sector | 'none';

export interface SectorCount {
  sector: BalanceSector;
  held: number;
  vacant: number;
}

export interface Balance {
  /** One row per sector in SECTORS order; 'none' only when some seat has no sector. */
  rows: SectorCount[];
  held: number;
  vacant: number;
}

export function sectorBalance(entries: readonly Pick<RosterEntry, 'sector' | 'vacant'>[]): Balance {
  const rows = new Map<BalanceSector, SectorCount>(
    [...SECTORS, 'none' as const].map((sector) => [sector, { sector, held: 0, vacant: 0 }]),
  );
  for (const e of entries) {
    const row = rows.get(e.sector ?? 'none');
    if (!row) continue;
    if (e.vacant) row.vacant += 1;
    else row.held += 1;
  }
  const list = [...rows.values()].filter((r) => r.sector !== 'none' || r.held + r.vacant > 0);
  return {
    rows: list,
    held: list.reduce((n, r) => n + r.held, 0),
    vacant: list.reduce((n, r) => n + r.vacant, 0),
  };
}
