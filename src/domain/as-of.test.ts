import { describe, expect, it } from 'vitest';
import { clampDate, termView } from './as-of';

const T2018 = { id: 't18', startDate: '2018-01-01', endDate: '2021-12-31' };
const T2022 = { id: 't22', startDate: '2022-01-01', endDate: '2025-12-31' };
const T2040 = { id: 't40', startDate: '2040-01-01', endDate: '2043-12-31' };
const TERMS = [T2022, T2040, T2018];

describe('clampDate', () => {
  it('keeps a date inside the span and moves one outside to the nearest end', () => {
    expect(clampDate('2019-06-01', '2018-01-01', '2021-12-31')).toBe('2019-06-01');
    expect(clampDate('2017-06-01', '2018-01-01', '2021-12-31')).toBe('2018-01-01');
    expect(clampDate('2026-11-27', '2018-01-01', '2021-12-31')).toBe('2021-12-31');
  });
});

describe('termView', () => {
  it('shows the term covering the chosen date', () => {
    expect(termView(TERMS, { asOf: '2019-06-01' }, '2026-11-27')).toEqual({ term: T2018, asOf: '2019-06-01', movedFrom: undefined });
  });

  it('moves the date into a chosen term and says from where', () => {
    expect(termView(TERMS, { termId: 't40' }, '2026-11-27')).toEqual({ term: T2040, asOf: '2040-01-01', movedFrom: '2026-11-27' });
    expect(termView(TERMS, { termId: 't18', asOf: '2019-06-01' }, '2026-11-27').asOf).toBe('2019-06-01');
  });

  it('shows no term for a chosen date no term covers', () => {
    expect(termView(TERMS, { asOf: '2030-01-01' }, '2026-11-27')).toEqual({ term: undefined, asOf: '2030-01-01', movedFrom: undefined });
  });

  it('opens on the latest begun term, on its last day, when no term covers today', () => {
    expect(termView(TERMS, {}, '2026-11-27')).toEqual({ term: T2022, asOf: '2025-12-31', movedFrom: '2026-11-27' });
    expect(termView([T2040], {}, '2026-11-27')).toEqual({ term: T2040, asOf: '2040-01-01', movedFrom: '2026-11-27' });
    expect(termView([], {}, '2026-11-27')).toEqual({ term: undefined, asOf: '2026-11-27', movedFrom: undefined });
  });

  it('falls back to the date when the chosen term no longer exists', () => {
    expect(termView(TERMS, { termId: 'gone', asOf: '2023-03-01' }, '2026-11-27').term).toBe(T2022);
  });
});
