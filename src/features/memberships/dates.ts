/** Date defaults of the action forms: the view's as-of date, moved into the span the action allows. */
import { addDays, type IsoDate } from '../../domain/dates';

export function clampDate(date: IsoDate, min: IsoDate | null, max: IsoDate | null): IsoDate {
  if (min !== null && date < min) return min;
  if (max !== null && date > max) return max;
  return date;
}

export const dayBefore = (date: IsoDate) => addDays(date, -1);
export const dayAfter = (date: IsoDate) => addDays(date, 1);
