import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from './dates';
import {
  isActiveOn,
  membershipViolations,
  spansOverlap,
  termCovering,
  termStatus,
  termViolations,
  type MembershipCandidate,
  type MembershipContext,
  type Span,
} from './rules';
import { ROLES, type Role } from './schemas';

// Fixtures ------------------------------------------------------------------------------

const span = (startDate: IsoDate, endDate: IsoDate | null): Span => ({ startDate, endDate });

type Other = MembershipContext['memberships'][number];

/** The 2018-2021 term; seats s1 and s2 sit in the council (b1), s3 in a forum (b2). */
const TERM = { startDate: '2018-01-01', endDate: '2021-12-31' };
const BODY_OF_SEAT: Record<string, string> = { s1: 'b1', s2: 'b1', s3: 'b2' };

const membership = (over: Partial<Other> = {}): Other => ({
  id: 'm1',
  seatId: 's1',
  personId: 'p1',
  role: 'member',
  startDate: '2018-01-01',
  endDate: null,
  ...over,
});

/** A candidate for seat s1 (or the seat given) with no id: a new membership. */
const candidate = (over: Partial<MembershipCandidate> = {}): MembershipCandidate => ({
  seatId: 's1',
  personId: 'p-new',
  role: 'member',
  startDate: '2018-01-01',
  endDate: null,
  ...over,
});

function violationsOf(c: MembershipCandidate, others: readonly Other[], term = TERM) {
  const ctx: MembershipContext = {
    seat: { id: c.seatId, bodyId: BODY_OF_SEAT[c.seatId] ?? 'unknown', termId: 't1' },
    term,
    memberships: others,
    bodyOfSeat: (seatId) => BODY_OF_SEAT[seatId],
  };
  return membershipViolations(c, ctx);
}

const conflict = (rule: string, field: string, conflictingId: string) => ({ rule, field, conflictingId });

// A small window of days for brute-force checks: 2020-01-01 .. 2020-03-31, leap day included.
const WINDOW_START = '2020-01-01';
const WINDOW_DAYS = 91;
const DAYS: IsoDate[] = Array.from({ length: WINDOW_DAYS }, (_, k) => addDays(WINDOW_START, k));

/** A span given as day offsets into the window; a null end is open. */
interface OffsetSpan {
  start: number;
  end: number | null;
}
const offsetSpanArb: fc.Arbitrary<OffsetSpan> = fc
  .record({
    start: fc.integer({ min: 0, max: WINDOW_DAYS - 1 }),
    length: fc.option(fc.integer({ min: 0, max: WINDOW_DAYS - 1 }), { nil: null }),
  })
  .map(({ start, length }) => ({
    start,
    end: length === null ? null : Math.min(start + length, WINDOW_DAYS - 1),
  }));
const toSpan = ({ start, end }: OffsetSpan): Span => span(DAYS[start]!, end === null ? null : DAYS[end]!);
/** The brute-force definition, on day numbers instead of date strings. */
const coversDay = ({ start, end }: OffsetSpan, k: number) => start <= k && (end === null || k <= end);

// Tests ---------------------------------------------------------------------------------

describe('the brute-force window', () => {
  it('runs day by day from 2020-01-01 to 2020-03-31 through the leap day', () => {
    expect(DAYS[0]).toBe('2020-01-01');
    expect(DAYS[59]).toBe('2020-02-29');
    expect(DAYS[60]).toBe('2020-03-01');
    expect(DAYS.at(-1)).toBe('2020-03-31');
  });
});

describe('isActiveOn', () => {
  it.each([
    ['before the start', span('2019-06-01', '2019-06-30'), '2019-05-31', false],
    ['on the start day', span('2019-06-01', '2019-06-30'), '2019-06-01', true],
    ['inside the span', span('2019-06-01', '2019-06-30'), '2019-06-15', true],
    ['on the end day (inclusive)', span('2019-06-01', '2019-06-30'), '2019-06-30', true],
    ['the day after the end', span('2019-06-01', '2019-06-30'), '2019-07-01', false],
    ['a one-day span, on its day', span('2019-06-01', '2019-06-01'), '2019-06-01', true],
    ['a one-day span, the day after', span('2019-06-01', '2019-06-01'), '2019-06-02', false],
    ['an open span, long after its start', span('2018-01-01', null), '2099-12-31', true],
    ['an open span, the day before its start', span('2018-01-01', null), '2017-12-31', false],
    ['a span ending on the leap day, on it', span('2020-02-01', '2020-02-29'), '2020-02-29', true],
    ['a span ending on the leap day, the day after', span('2020-02-01', '2020-02-29'), '2020-03-01', false],
  ])('%s', (_name, s, date, expected) => {
    expect(isActiveOn(s, date)).toBe(expected);
  });

  it('agrees with the brute-force definition on every day of the window', () => {
    fc.assert(
      fc.property(offsetSpanArb, fc.integer({ min: 0, max: WINDOW_DAYS - 1 }), (s, k) => {
        expect(isActiveOn(toSpan(s), DAYS[k]!)).toBe(coversDay(s, k));
      }),
    );
  });
});

describe('spansOverlap', () => {
  it.each([
    ['one ending the day the other starts', span('2019-01-01', '2019-05-31'), span('2019-05-31', null), true],
    ['one ending the day before the other starts', span('2019-01-01', '2019-05-31'), span('2019-06-01', null), false],
    ['two identical one-day spans', span('2019-06-01', '2019-06-01'), span('2019-06-01', '2019-06-01'), true],
    ['a one-day span inside a longer one', span('2019-06-01', '2019-06-01'), span('2019-01-01', '2019-12-31'), true],
    ['consecutive one-day spans', span('2019-06-01', '2019-06-01'), span('2019-06-02', '2019-06-02'), false],
    ['two open spans', span('2018-01-01', null), span('2030-01-01', null), true],
    ['an open span and a closed span after its start', span('2018-01-01', null), span('2025-01-01', '2025-01-01'), true],
    ['an open span and a closed span before its start', span('2018-01-01', null), span('2017-01-01', '2017-12-31'), false],
    ['spans meeting on the leap day', span('2020-01-01', '2020-02-29'), span('2020-02-29', '2020-03-31'), true],
    ['a span ending on the leap day and one from 1 March', span('2020-01-01', '2020-02-29'), span('2020-03-01', null), false],
    ['a span ending 28 February 2020 and one from the leap day', span('2020-01-01', '2020-02-28'), span('2020-02-29', null), false],
  ])('%s: %s', (_name, a, b, expected) => {
    expect(spansOverlap(a, b)).toBe(expected);
    expect(spansOverlap(b, a)).toBe(expected);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(offsetSpanArb, offsetSpanArb, (a, b) => {
        expect(spansOverlap(toSpan(a), toSpan(b))).toBe(spansOverlap(toSpan(b), toSpan(a)));
      }),
    );
  });

  it('is true exactly when some day of the window is in both spans', () => {
    fc.assert(
      fc.property(offsetSpanArb, offsetSpanArb, (a, b) => {
        const sharedDay = DAYS.some((_, k) => coversDay(a, k) && coversDay(b, k));
        expect(spansOverlap(toSpan(a), toSpan(b))).toBe(sharedDay);
      }),
    );
  });
});

describe('termCovering', () => {
  const terms = [
    { id: 't1', startDate: '2018-01-01', endDate: '2021-12-31' },
    { id: 't2', startDate: '2022-01-01', endDate: '2025-12-31' },
    // A gap in 2026, then a term from 2027.
    { id: 't3', startDate: '2027-01-01', endDate: '2030-12-31' },
  ];

  it.each([
    ['2018-01-01', 't1'],
    ['2020-02-29', 't1'],
    ['2021-12-31', 't1'],
    ['2022-01-01', 't2'],
    ['2025-12-31', 't2'],
    ['2027-01-01', 't3'],
  ])('finds the term covering %s', (date, id) => {
    expect(termCovering(terms, date)?.id).toBe(id);
  });

  it.each(['2017-12-31', '2026-06-01', '2031-01-01'])('finds no term on %s (before, between or after)', (date) => {
    expect(termCovering(terms, date)).toBeUndefined();
  });

  it('finds nothing in an empty list', () => {
    expect(termCovering([], '2020-01-01')).toBeUndefined();
  });
});

describe('membershipViolations', () => {
  describe('seat-holder: one holder per seat at a time', () => {
    it('conflicts with a membership ending the day the candidate starts, naming it', () => {
      const others = [membership({ id: 'old', endDate: '2019-05-31' })];
      expect(violationsOf(candidate({ startDate: '2019-05-31' }), others)).toEqual([
        conflict('seat-holder', 'seatId', 'old'),
      ]);
    });

    it('accepts a membership starting the day after the previous one ends', () => {
      const others = [membership({ id: 'old', endDate: '2019-05-31' })];
      expect(violationsOf(candidate({ startDate: '2019-06-01' }), others)).toEqual([]);
    });

    it.each([
      ['the same day', '2019-06-01', '2019-06-01', true],
      ['the day before', '2019-05-31', '2019-05-31', false],
      ['the day after, open-ended', '2019-06-02', null, false],
      ['a span around it', '2019-01-01', '2019-12-31', true],
    ] as const)('checks a one-day membership against one on %s', (_name, startDate, endDate, conflicts) => {
      const others = [membership({ id: 'one-day', startDate: '2019-06-01', endDate: '2019-06-01' })];
      const expected = conflicts ? [conflict('seat-holder', 'seatId', 'one-day')] : [];
      expect(violationsOf(candidate({ startDate, endDate }), others)).toEqual(expected);
    });

    it('lets an open-ended holder conflict with any later candidate', () => {
      const others = [membership({ id: 'open', startDate: '2018-01-01', endDate: null })];
      expect(violationsOf(candidate({ startDate: '2021-12-31', endDate: '2021-12-31' }), others)).toEqual([
        conflict('seat-holder', 'seatId', 'open'),
      ]);
    });

    it('lets an open-ended candidate conflict with a later closed holder', () => {
      const others = [membership({ id: 'later', startDate: '2021-01-01', endDate: '2021-06-30' })];
      expect(violationsOf(candidate({ startDate: '2018-01-01', endDate: null }), others)).toEqual([
        conflict('seat-holder', 'seatId', 'later'),
      ]);
    });

    it.each([
      ['ends on the leap day, candidate starts on it', '2020-02-29', '2020-02-29', true],
      ['ends on the leap day, candidate starts 1 March', '2020-02-29', '2020-03-01', false],
      ['ends 28 February, candidate starts on the leap day', '2020-02-28', '2020-02-29', false],
    ])('handles leap days: previous holder %s', (_name, endDate, startDate, conflicts) => {
      const others = [membership({ id: 'old', endDate })];
      const expected = conflicts ? [conflict('seat-holder', 'seatId', 'old')] : [];
      expect(violationsOf(candidate({ startDate }), others)).toEqual(expected);
    });

    it('does not count a membership being updated as a conflict with itself', () => {
      const stored = membership({ id: 'm1', startDate: '2018-01-01', endDate: null });
      expect(violationsOf(candidate({ id: 'm1', startDate: '2019-01-01', endDate: '2019-12-31' }), [stored])).toEqual(
        [],
      );
    });

    it('still reports other holders when a membership is updated', () => {
      const others = [
        membership({ id: 'm1', startDate: '2019-01-01', endDate: null }),
        membership({ id: 'm0', personId: 'p0', startDate: '2018-01-01', endDate: '2018-12-31' }),
      ];
      expect(violationsOf(candidate({ id: 'm1', startDate: '2018-06-01' }), others)).toEqual([
        conflict('seat-holder', 'seatId', 'm0'),
      ]);
    });

    it('reports the same person on the same seat once, as a seat conflict', () => {
      const others = [membership({ id: 'old', personId: 'p1', role: 'chair', endDate: '2019-05-31' })];
      const c = candidate({ personId: 'p1', role: 'chair', startDate: '2019-05-01' });
      expect(violationsOf(c, others)).toEqual([conflict('seat-holder', 'seatId', 'old')]);
    });

    it('names every overlapping holder', () => {
      const others = [
        membership({ id: 'a', personId: 'pa', endDate: '2018-12-31' }),
        membership({ id: 'b', personId: 'pb', startDate: '2019-01-01', endDate: '2019-12-31' }),
        membership({ id: 'c', personId: 'pc', startDate: '2020-01-01', endDate: null }),
      ];
      expect(violationsOf(candidate({ startDate: '2018-06-01', endDate: '2019-06-30' }), others)).toEqual([
        conflict('seat-holder', 'seatId', 'a'),
        conflict('seat-holder', 'seatId', 'b'),
      ]);
    });

    it('ignores holders of other seats, in the same body or another', () => {
      const others = [
        membership({ id: 'same-body', seatId: 's2', personId: 'p2' }),
        membership({ id: 'other-body', seatId: 's3', personId: 'p3' }),
      ];
      expect(violationsOf(candidate(), others)).toEqual([]);
    });
  });

  describe('body-chair: one chair per body at a time', () => {
    const chairOnS2 = membership({ id: 'chair', seatId: 's2', personId: 'p2', role: 'chair', endDate: '2019-05-31' });

    it('conflicts with a chair on another seat of the same body, naming it', () => {
      expect(violationsOf(candidate({ role: 'chair', startDate: '2019-05-31' }), [chairOnS2])).toEqual([
        conflict('body-chair', 'role', 'chair'),
      ]);
    });

    it('accepts a new chair from the day after the previous chair ends', () => {
      expect(violationsOf(candidate({ role: 'chair', startDate: '2019-06-01' }), [chairOnS2])).toEqual([]);
    });

    it.each([
      ['a chair candidate beside a vice-chair', 'chair', 'vice-chair'],
      ['a chair candidate beside a member', 'chair', 'member'],
      ['a vice-chair candidate beside a chair', 'vice-chair', 'chair'],
      ['a member candidate beside a chair', 'member', 'chair'],
    ] as const)('only conflicts chair with chair: %s', (_name, role, otherRole) => {
      const others = [membership({ id: 'other', seatId: 's2', personId: 'p2', role: otherRole })];
      expect(violationsOf(candidate({ role }), others)).toEqual([]);
    });

    it('ignores the chair of another body', () => {
      const others = [membership({ id: 'forum-chair', seatId: 's3', personId: 'p3', role: 'chair' })];
      expect(violationsOf(candidate({ role: 'chair' }), others)).toEqual([]);
    });
  });

  describe('person-body: one seat per person per body at a time', () => {
    it('conflicts with the same person on another seat of the same body, naming it', () => {
      const others = [membership({ id: 'other-seat', seatId: 's2', personId: 'p1' })];
      expect(violationsOf(candidate({ personId: 'p1' }), others)).toEqual([
        conflict('person-body', 'personId', 'other-seat'),
      ]);
    });

    it('accepts a person in two seats of different bodies', () => {
      const others = [membership({ id: 'forum-seat', seatId: 's3', personId: 'p1', role: 'chair' })];
      expect(violationsOf(candidate({ personId: 'p1', role: 'chair' }), others)).toEqual([]);
    });

    it('accepts the same person moving seats within the body on consecutive days', () => {
      const others = [membership({ id: 'before', seatId: 's2', personId: 'p1', endDate: '2019-05-31' })];
      expect(violationsOf(candidate({ personId: 'p1', startDate: '2019-06-01' }), others)).toEqual([]);
    });

    it('reports both rules when the same person would chair from two seats', () => {
      const others = [membership({ id: 'other-seat', seatId: 's2', personId: 'p1', role: 'chair' })];
      expect(violationsOf(candidate({ personId: 'p1', role: 'chair' }), others)).toEqual([
        conflict('person-body', 'personId', 'other-seat'),
        conflict('body-chair', 'role', 'other-seat'),
      ]);
    });

    it('treats a seat of unknown body as another body', () => {
      const others = [membership({ id: 'elsewhere', seatId: 's-unknown', personId: 'p1', role: 'chair' })];
      expect(violationsOf(candidate({ personId: 'p1', role: 'chair' }), others)).toEqual([]);
    });
  });

  describe('open ends close at the end of their term', () => {
    // s1 and s2 in the 2018-2021 term, s4 in the next term (2022-2025), all in the council.
    const NEXT_TERM = { startDate: '2022-01-01', endDate: '2025-12-31' };
    const termEnd: Record<string, IsoDate> = { s1: TERM.endDate, s2: TERM.endDate, s4: NEXT_TERM.endDate };
    const withTerms = (c: MembershipCandidate, others: readonly Other[], term = TERM) =>
      membershipViolations(c, {
        seat: { id: c.seatId, bodyId: 'b1', termId: c.seatId === 's4' ? 't2' : 't1' },
        term,
        memberships: others,
        bodyOfSeat: (seatId) => (seatId === 's4' ? 'b1' : BODY_OF_SEAT[seatId]),
        termEndOfSeat: (seatId) => termEnd[seatId],
      });

    it('lets an open-ended chair of one term be followed by a chair of the next', () => {
      const others = [membership({ id: 'old-chair', role: 'chair', endDate: null })];
      const next = candidate({ seatId: 's4', personId: 'p2', role: 'chair', startDate: '2022-01-01' });
      expect(withTerms(next, others, NEXT_TERM)).toEqual([]);
    });

    it('lets the same person continue on a seat of the next term', () => {
      const others = [membership({ id: 'old-seat', personId: 'p1', endDate: null })];
      const next = candidate({ seatId: 's4', personId: 'p1', startDate: '2022-01-01' });
      expect(withTerms(next, others, NEXT_TERM)).toEqual([]);
    });

    it('still catches a clash inside the term of the open-ended membership', () => {
      const others = [membership({ id: 'open', seatId: 's2', personId: 'p1', endDate: null })];
      expect(withTerms(candidate({ personId: 'p1', startDate: '2021-12-31' }), others)).toEqual([
        conflict('person-body', 'personId', 'open'),
      ]);
    });
  });

  describe('within-term: memberships lie inside their term', () => {
    it.each([
      ['exactly the term', '2018-01-01', '2021-12-31', []],
      ['open-ended from the term start', '2018-01-01', null, []],
      ['open-ended from the last day of the term', '2021-12-31', null, []],
      ['a one-day membership on the first day', '2018-01-01', '2018-01-01', []],
      ['starting the day before the term', '2017-12-31', '2018-06-30', ['startDate']],
      ['ending the day after the term', '2021-01-01', '2022-01-01', ['endDate']],
      ['starting after the term, open-ended', '2022-01-01', null, ['startDate']],
      ['wholly after the term', '2022-01-01', '2022-12-31', ['startDate', 'endDate']],
      ['wholly before the term', '2017-01-01', '2017-12-31', ['startDate', 'endDate']],
      ['around the whole term', '2017-12-31', '2022-01-01', ['startDate', 'endDate']],
    ] as const)('%s', (_name, startDate, endDate, fields) => {
      expect(violationsOf(candidate({ startDate, endDate }), [])).toEqual(
        fields.map((field) => ({ rule: 'within-term', field })),
      );
    });

    it('respects a term ending on a leap day', () => {
      const term = { startDate: '2016-03-01', endDate: '2020-02-29' };
      expect(violationsOf(candidate({ startDate: '2020-02-29', endDate: '2020-02-29' }), [], term)).toEqual([]);
      expect(violationsOf(candidate({ startDate: '2020-01-01', endDate: '2020-03-01' }), [], term)).toEqual([
        { rule: 'within-term', field: 'endDate' },
      ]);
    });

    it('reports term violations before conflicts with other memberships', () => {
      const others = [membership({ id: 'open' })];
      expect(violationsOf(candidate({ startDate: '2017-12-31' }), others)).toEqual([
        { rule: 'within-term', field: 'startDate' },
        conflict('seat-holder', 'seatId', 'open'),
      ]);
    });
  });

  describe('a seat held in consecutive segments (property)', () => {
    interface ChainInput {
      firstOffset: number;
      segments: { days: number; personId: string; role: Role }[];
      openEnded: boolean;
    }
    const segmentsArb: fc.Arbitrary<ChainInput> = fc.record({
      firstOffset: fc.integer({ min: 0, max: 365 }),
      segments: fc.array(
        fc.record({
          days: fc.integer({ min: 1, max: 30 }),
          personId: fc.constantFrom('p1', 'p2', 'p3'),
          role: fc.constantFrom<Role>(...ROLES),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      openEnded: fc.boolean(),
    });

    /** One seat's chain: each segment starts the day after the previous one ends. */
    function buildChain({ firstOffset, segments, openEnded }: ChainInput): Other[] {
      let start = addDays('2018-01-01', firstOffset);
      return segments.map((s, i) => {
        const isLast = i === segments.length - 1;
        const endDate = isLast && openEnded ? null : addDays(start, s.days - 1);
        const m = membership({ id: `m${i}`, personId: s.personId, role: s.role, startDate: start, endDate });
        start = addDays(start, s.days);
        return m;
      });
    }

    it('never yields a violation for any segment', () => {
      fc.assert(
        fc.property(segmentsArb, (input) => {
          const chain = buildChain(input);
          for (const m of chain) expect(violationsOf(m, chain)).toEqual([]);
        }),
      );
    });

    it('yields exactly one conflict, naming the previous segment, when a start moves one day earlier', () => {
      fc.assert(
        fc.property(
          segmentsArb.filter((input) => input.segments.length >= 2),
          fc.nat(),
          (input, pick) => {
            const chain = buildChain(input);
            const i = 1 + (pick % (chain.length - 1));
            const moved = { ...chain[i]!, startDate: addDays(chain[i]!.startDate, -1) };
            expect(violationsOf(moved, chain)).toEqual([conflict('seat-holder', 'seatId', chain[i - 1]!.id)]);
          },
        ),
      );
    });
  });
});

describe('termViolations', () => {
  const terms = [
    { id: 't1', startDate: '2018-01-01', endDate: '2021-12-31' },
    { id: 't2', startDate: '2022-01-01', endDate: '2025-12-31' },
  ];
  const overlap = (id: string) => ({ rule: 'term-overlap', field: 'startDate', conflictingId: id });

  it.each([
    ['the term after the last, from the next day', '2026-01-01', '2029-12-31', []],
    ['a term before the first, to the day before', '2014-01-01', '2017-12-31', []],
    ['a term starting on the last day of another', '2025-12-31', '2029-12-31', ['t2']],
    ['a term ending on the first day of another', '2014-01-01', '2018-01-01', ['t1']],
    ['a one-day term inside another', '2020-02-29', '2020-02-29', ['t1']],
    ['a term spanning both', '2021-06-01', '2022-06-30', ['t1', 't2']],
  ])('%s', (_name, startDate, endDate, ids) => {
    expect(termViolations({ startDate, endDate }, terms)).toEqual(ids.map(overlap));
  });

  it('does not count a term being updated as a conflict with itself', () => {
    expect(termViolations({ id: 't2', startDate: '2022-01-01', endDate: '2026-12-31' }, terms)).toEqual([]);
  });

  it('still reports other terms when a term is updated', () => {
    expect(termViolations({ id: 't2', startDate: '2021-12-31', endDate: '2025-12-31' }, terms)).toEqual([
      overlap('t1'),
    ]);
  });
});

describe('termStatus', () => {
  const term = { startDate: '2018-01-01', endDate: '2021-12-31' };

  it.each([
    ['2017-12-31', 'planned'],
    ['2018-01-01', 'current'],
    ['2020-02-29', 'current'],
    ['2021-12-31', 'current'],
    ['2022-01-01', 'ended'],
  ])('on %s is %s', (today, status) => {
    expect(termStatus(term, today)).toBe(status);
  });

  it('is current on the single day of a one-day term', () => {
    expect(termStatus({ startDate: '2020-02-29', endDate: '2020-02-29' }, '2020-02-29')).toBe('current');
  });
});
