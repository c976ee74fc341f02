/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Lexicographic order equals date order,
 * so comparisons need no Date objects; arithmetic goes through UTC to avoid DST shifts.
 */
import { z } from 'zod';

export const IsoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof IsoDateSchema>;

const DAY_MS = 86_400_000;

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** Days from a to b (b - a); negative when b is before a. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Today's date in the given time zone (Denmark by default), as YYYY-MM-DD. */
export function todayIso(now: Date = new Date(), timeZone = 'Europe/Copenhagen'): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
