/**
 * Which term and which date a "seats as of a date" view shows. A view names a date (default
 * today) and may name a term; the date is kept inside the term, since a seat belongs to one
 * term and has no holder outside it.
 */
import type { IsoDate } from './dates';
import { termCovering } from './rules';
import type { Term } from './schemas';

export function clampDate(date: IsoDate, min: IsoDate, max: IsoDate): IsoDate {
  if (date < min) return min;
  if (date > max) return max;
  return date;
}

type TermDates = Pick<Term, 'id' | 'startDate' | 'endDate'>;

export interface TermView<T extends TermDates> {
  /** The term shown, or undefined when no term fits (none exist, or a chosen date has none). */
  term: T | undefined;
  /** The date whose holders are shown: inside `term` when there is one. */
  asOf: IsoDate;
  /** The date asked for (the URL's, or today) when it lay outside the term and was moved. */
  movedFrom: IsoDate | undefined;
}

/**
 * - a chosen term: the date (default today) moved into it;
 * - a chosen date: the term covering it, or none;
 * - neither: the term covering today; failing that, the latest term that has begun (or the
 *   first planned one), shown on its nearest day, so the page opens on real seats.
 */
export function termView<T extends TermDates>(
  terms: readonly T[],
  { termId, asOf }: { termId?: string; asOf?: IsoDate },
  today: IsoDate,
): TermView<T> {
  const wanted = asOf ?? today;
  const chosen = termId === undefined ? undefined : terms.find((t) => t.id === termId);
  const term =
    chosen ??
    termCovering(terms, wanted) ??
    (asOf === undefined ? nearestTerm(terms, today) : undefined);
  if (!term) return { term: undefined, asOf: wanted, movedFrom: undefined };
  const shown = clampDate(wanted, term.startDate, term.endDate);
  return { term, asOf: shown, movedFrom: shown === wanted ? undefined : wanted };
}

/** The latest term that started on or before the date, else the earliest one after it. */
export function nearestTerm<T extends TermDates>(terms: readonly T[], date: IsoDate): T | undefined {
  const sorted = [...terms].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return sorted.filter((t) => t.startDate <= date).at(-1) ?? sorted[0];
}
