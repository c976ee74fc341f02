/**
 * Colours of the charts: one per sector and one for vacancies, dark enough that the white
 * numbers on the bars read (contrast 4.5:1 or more). Colour is never the only carrier: every
 * chart has a legend and a table with the same numbers.
 */
import type { BalanceSector } from '../../domain/balance';

export const SECTOR_COLORS: Record<BalanceSector, string> = {
  municipality: '#0b4f6c',
  business: '#7a4b00',
  union: '#a1302a',
  education: '#2f6b35',
  none: '#4a5860',
};

export const HELD_COLOR = '#0b4f6c';
export const VACANT_COLOR = '#5b6770';
