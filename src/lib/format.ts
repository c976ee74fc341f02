/** Dates read as people write them: "1. juni 2019" in Danish, "1 June 2019" in English. */
import type { IsoDate } from '../domain/dates';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: IsoDate, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, f);
  }
  return f.format(new Date(`${date}T00:00:00Z`));
}

/** A span of dates: "1. januar 2018 – 31. december 2021", or "fra 1. januar 2018" when open. */
export function formatSpan(startDate: IsoDate, endDate: IsoDate | null, language: string): string {
  const start = formatDate(startDate, language);
  if (endDate === null) return language === 'en' ? `from ${start}` : `fra ${start}`;
  return `${start} – ${formatDate(endDate, language)}`;
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** A moment in Danish time: "27. november 2026 kl. 14.05" / "27 November 2026 at 14:05". */
export function formatDateTime(iso: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  let f = timeFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
    timeFormatters.set(locale, f);
  }
  return f.format(new Date(iso));
}
