/**
 * The rows of a body's timeline: one per seat, each a run of membership segments from start to
 * end (an open end reads as the term's last day) and the gaps between them, which are the
 * seat's vacancies. Pure, so the page and its tests agree on what is drawn.
 */
import { addDays, daysBetween, type IsoDate } from '../../domain/dates';
import type { Membership, Seat, Term } from '../../domain/schemas';
import { compareDanish } from '../../domain/text';

export interface TimelineSegment {
  kind: 'segment';
  membership: Membership;
  start: IsoDate;
  /** The last day drawn: the membership's end, or the term's last day when it has none. */
  end: IsoDate;
}

export interface TimelineGap {
  kind: 'gap';
  start: IsoDate;
  end: IsoDate;
}

export type TimelineItem = TimelineSegment | TimelineGap;

export interface TimelineRow {
  seat: Seat;
  term: Term;
  items: TimelineItem[];
}

export interface TimelineRange {
  start: IsoDate;
  end: IsoDate;
}

/** The days from the range's start to its end, both included. */
export const rangeDays = (range: TimelineRange) => daysBetween(range.start, range.end) + 1;

/** Where a span lies in the range, in percent of its width: left edge and width. */
export function place(range: TimelineRange, start: IsoDate, end: IsoDate): { left: number; width: number } {
  const total = rangeDays(range);
  const from = Math.max(0, daysBetween(range.start, start));
  const to = Math.min(total, daysBetween(range.start, end) + 1);
  return { left: (from / total) * 100, width: (Math.max(0, to - from) / total) * 100 };
}

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * One row per seat whose term overlaps the range, ordered by term, then seat label (Danish
 * order). Segments and gaps are clipped to the range and to the seat's term.
 */
export function timelineRows(
  seats: readonly Seat[],
  memberships: readonly Membership[],
  terms: readonly Term[],
  range: TimelineRange,
): TimelineRow[] {
  const termById = new Map(terms.map((t) => [t.id, t]));
  const bySeat = new Map<string, Membership[]>();
  for (const m of memberships) {
    const list = bySeat.get(m.seatId);
    if (list) list.push(m);
    else bySeat.set(m.seatId, [m]);
  }
  const rows: TimelineRow[] = [];
  for (const seat of seats) {
    const term = termById.get(seat.termId);
    if (!term || term.endDate < range.start || term.startDate > range.end) continue;
    const from = later(term.startDate, range.start);
    const to = earlier(term.endDate, range.end);
    const items: TimelineItem[] = [];
    let cursor = from;
    const segments = [...(bySeat.get(seat.id) ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate));
    for (const m of segments) {
      const start = later(m.startDate, from);
      const end = earlier(m.endDate ?? term.endDate, to);
      if (end < start) continue;
      if (start > cursor) items.push({ kind: 'gap', start: cursor, end: addDays(start, -1) });
      items.push({ kind: 'segment', membership: m, start, end });
      if (addDays(end, 1) > cursor) cursor = addDays(end, 1);
    }
    if (cursor <= to) items.push({ kind: 'gap', start: cursor, end: to });
    rows.push({ seat, term, items });
  }
  return rows.sort(
    (a, b) => a.term.startDate.localeCompare(b.term.startDate) || compareDanish(a.seat.label, b.seat.label),
  );
}

/** Year boundaries inside the range (1 January of each year after its start), for the axis. */
export function yearTicks(range: TimelineRange): IsoDate[] {
  const ticks: IsoDate[] = [];
  for (let y = Number(range.start.slice(0, 4)) + 1; `${y}-01-01` <= range.end; y += 1) ticks.push(`${y}-01-01`);
  return ticks;
}
