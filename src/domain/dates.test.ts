import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween, IsoDateSchema, minDate, todayIso } from './dates';

/** Any day from 1900-01-01 to about 2100, as an ISO date. */
const isoDateArb = fc.integer({ min: 0, max: 73_000 }).map((n) => addDays('1900-01-01', n));

describe('addDays', () => {
  it.each([
    ['2019-06-15', 0, '2019-06-15'],
    ['2019-01-31', 1, '2019-02-01'],
    ['2019-02-28', 1, '2019-03-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2020-02-29', 1, '2020-03-01'],
    ['2019-12-31', 1, '2020-01-01'],
    ['2019-12-25', 10, '2020-01-04'],
    ['2020-01-01', 60, '2020-03-01'],
    ['2020-02-29', 365, '2021-02-28'],
    ['2019-03-30', 1, '2019-03-31'],
    ['2019-03-31', 1, '2019-04-01'],
    ['2019-10-27', 1, '2019-10-28'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2020-01-01', -1, '2019-12-31'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2019-03-01', -1, '2019-02-28'],
    ['2019-06-01', -1, '2019-05-31'],
    ['2021-02-28', -365, '2020-02-29'],
  ])('%s %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('is undone by subtracting the same number of days', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        expect(addDays(addDays(date, n), -n)).toBe(date);
      }),
    );
  });

  it('always yields a valid ISO date', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        expect(IsoDateSchema.safeParse(addDays(date, n)).success).toBe(true);
      }),
    );
  });
});

describe('daysBetween', () => {
  it.each([
    ['2019-06-01', '2019-06-01', 0],
    ['2019-05-31', '2019-06-01', 1],
    ['2019-06-01', '2019-05-31', -1],
    ['2019-02-28', '2019-03-01', 1],
    ['2020-02-28', '2020-03-01', 2],
    ['2019-01-01', '2020-01-01', 365],
    ['2020-01-01', '2021-01-01', 366],
    ['2021-12-31', '2018-01-01', -1460],
    ['2019-03-30', '2019-04-01', 2],
    ['2019-10-26', '2019-10-28', 2],
  ])('from %s to %s is %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it('is the inverse of addDays', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it('changes sign when its arguments swap', () => {
    fc.assert(
      fc.property(isoDateArb, isoDateArb, (a, b) => {
        expect(daysBetween(b, a) + daysBetween(a, b)).toBe(0);
      }),
    );
  });
});

describe('todayIso', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['2019-05-31T21:59:59Z', '2019-05-31'],
    ['2019-05-31T22:00:00Z', '2019-06-01'],
    ['2019-05-31T22:30:00Z', '2019-06-01'],
    ['2019-12-31T22:59:59Z', '2019-12-31'],
    ['2019-12-31T23:00:00Z', '2020-01-01'],
    ['2020-02-28T23:30:00Z', '2020-02-29'],
    ['2019-03-30T23:30:00Z', '2019-03-31'],
    ['2019-10-26T22:30:00Z', '2019-10-27'],
  ])('at %s is %s in Copenhagen', (instant, expected) => {
    expect(todayIso(new Date(instant))).toBe(expected);
  });

  it('uses another time zone when given one', () => {
    const instant = new Date('2019-05-31T22:30:00Z');
    expect(todayIso(instant, 'UTC')).toBe('2019-05-31');
    expect(todayIso(instant, 'America/New_York')).toBe('2019-05-31');
    expect(todayIso(new Date('2019-05-31T12:30:00Z'), 'Pacific/Auckland')).toBe('2019-06-01');
  });

  it('defaults to the current time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2019-05-31T22:30:00Z'));
    expect(todayIso()).toBe('2019-06-01');
  });
});

describe('minDate', () => {
  it.each([
    ['2019-06-01', '2019-05-31', '2019-05-31'],
    ['2019-05-31', '2019-06-01', '2019-05-31'],
    ['2020-02-29', '2020-02-29', '2020-02-29'],
    ['2019-12-31', '2020-01-01', '2019-12-31'],
  ])('of %s and %s is %s', (a, b, expected) => {
    expect(minDate(a, b)).toBe(expected);
  });
});

describe('IsoDateSchema', () => {
  it.each(['2019-06-01', '2020-02-29', '2000-02-29', '2019-12-31', '2019-01-01'])('accepts %s', (date) => {
    expect(IsoDateSchema.parse(date)).toBe(date);
  });

  it.each([
    ['2019-02-29', 'a leap day in a common year'],
    ['1900-02-29', 'a leap day in a century year'],
    ['2019-6-1', 'unpadded month and day'],
    ['2019-06-31', 'the 31st of a 30-day month'],
    ['2019-13-01', 'a thirteenth month'],
    ['2019-00-10', 'month zero'],
    ['2019-06-00', 'day zero'],
    ['01-06-2019', 'day-first order'],
    ['2019/06/01', 'slashes'],
    ['2019-06-01T00:00:00Z', 'a date-time'],
    [' 2019-06-01', 'leading whitespace'],
    ['', 'an empty string'],
  ])('rejects %j (%s)', (date) => {
    expect(IsoDateSchema.safeParse(date).success).toBe(false);
  });

  it('rejects a value that is not a string', () => {
    expect(IsoDateSchema.safeParse(new Date('2019-06-01')).success).toBe(false);
    expect(IsoDateSchema.safeParse(20190601).success).toBe(false);
  });
});
