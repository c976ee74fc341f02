/** The dashboard's arithmetic: which term and date it speaks of, days left, since when a seat is vacant. */
import { addDays, daysBetween, type IsoDate } from '../../domain/dates';
import { termCovering } from '../../domain/rules';
import type { Membership, Term } from '../../domain/schemas';

export interface Reference {
  /** The term running today, if any. */
  current: Term | undefined;
  /** The latest term that has ended. */
  latest: Term | undefined;
  /** The first term that has not begun. */
  next: Term | undefined;
  /** The date the figures are for: today in a term, else the latest term's last day, else the next's first. */
  date: IsoDate | undefined;
}

export function reference(terms: readonly Term[], today: IsoDate): Reference {
  const sorted = [...terms].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const current = termCovering(sorted, today);
  const latest = sorted.filter((t) => t.endDate < today).at(-1);
  const next = sorted.find((t) => t.startDate > today);
  return { current, latest, next, date: current ? today : (latest?.endDate ?? next?.startDate) };
}

/** Whole days after today until the term's last day (0 on the last day). */
export const daysLeft = (term: Pick<Term, 'endDate'>, today: IsoDate) => daysBetween(today, term.endDate);

/** How much of the term has passed, 0-100, rounded. */
export function termProgress(term: Pick<Term, 'startDate' | 'endDate'>, today: IsoDate): number {
  const total = daysBetween(term.startDate, term.endDate) + 1;
  const passed = Math.min(total, Math.max(0, daysBetween(term.startDate, today) + 1));
  return Math.round((passed / total) * 100);
}

/**
 * Since when a seat vacant on `date` has been vacant: the day after its last membership ended
 * before that date, or the term's first day if nobody held it in the term before.
 */
export function vacantSince(seatId: string, memberships: readonly Membership[], term: Pick<Term, 'startDate'>, date: IsoDate): IsoDate {
  let since = term.startDate;
  for (const m of memberships) {
    if (m.seatId !== seatId || m.endDate === null || m.endDate >= date) continue;
    const after = addDays(m.endDate, 1);
    if (after > since) since = after;
  }
  return since;
}
