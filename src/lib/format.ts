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
