import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from './dates';
import { linkKind, linkSegments, segmentChains, type SegmentLike } from './segments';

const seg = (id: string, over: Partial<SegmentLike> = {}): SegmentLike => ({
  id,
  seatId: 's1',
  personId: 'p1',
  startDate: '2018-01-01',
  endDate: null,
  ...over,
});

/** The links as plain ids, for readable expectations. */
const linksOf = (segments: readonly SegmentLike[]) =>
  linkSegments(segments).map((l) => ({
    id: l.segment.id,
    previous: l.previous?.id ?? null,
    previousLink: l.previousLink,
    next: l.next?.id ?? null,
    nextLink: l.nextLink,
  }));

describe('linkSegments', () => {
  it('links a title change on the same seat as "continues"', () => {
    const before = seg('m1', { endDate: '2019-02-28' });
    const after = seg('m2', { startDate: '2019-03-01' });
    expect(linksOf([before, after])).toEqual([
      { id: 'm1', previous: null, previousLink: null, next: 'm2', nextLink: 'continues' },
      { id: 'm2', previous: 'm1', previousLink: 'continues', next: null, nextLink: null },
    ]);
  });

  it('links a replacement by another person as "replaces", across a leap day', () => {
    const old = seg('m1', { endDate: '2020-02-29' });
    const successor = seg('m2', { personId: 'p2', startDate: '2020-03-01' });
    expect(linksOf([successor, old])).toEqual([
      { id: 'm2', previous: 'm1', previousLink: 'replaces', next: null, nextLink: null },
      { id: 'm1', previous: null, previousLink: null, next: 'm2', nextLink: 'replaces' },
    ]);
  });

  it('hands back the given records themselves', () => {
    const before = { ...seg('m1', { endDate: '2019-02-28' }), title: 'Konst. direktør' };
    const after = { ...seg('m2', { startDate: '2019-03-01' }), title: 'Direktør' };
    const [first, second] = linkSegments([before, after]);
    expect(first?.next).toBe(after);
    expect(second?.previous).toBe(before);
  });

  it.each([
    ['a gap of one day (a vacancy)', seg('m1', { endDate: '2019-02-27' }), seg('m2', { startDate: '2019-03-01' })],
    ['an overlap of one day', seg('m1', { endDate: '2019-03-01' }), seg('m2', { startDate: '2019-03-01' })],
    ['another seat', seg('m1', { endDate: '2019-02-28' }), seg('m2', { seatId: 's2', startDate: '2019-03-01' })],
    ['an open end before it', seg('m1'), seg('m2', { startDate: '2019-03-01' })],
  ])('does not link across %s', (_case, a, b) => {
    for (const l of linkSegments([a, b])) {
      expect(l).toMatchObject({ previous: null, previousLink: null, next: null, nextLink: null });
    }
  });

  it('follows a chain: member, then chair, then another person', () => {
    const chain = [
      seg('m1', { endDate: '2018-12-31' }),
      seg('m2', { startDate: '2019-01-01', endDate: '2019-12-31' }),
      seg('m3', { personId: 'p2', startDate: '2020-01-01', endDate: '2021-12-31' }),
    ];
    expect(linksOf(chain).map((l) => [l.previousLink, l.nextLink])).toEqual([
      [null, 'continues'],
      ['continues', 'replaces'],
      ['replaces', null],
    ]);
  });

  it('guesses no link where invalid data makes it ambiguous', () => {
    const ending = seg('m1', { endDate: '2019-02-28' });
    const twins = [seg('m2', { startDate: '2019-03-01' }), seg('m3', { personId: 'p2', startDate: '2019-03-01' })];
    expect(linksOf([ending, ...twins]).every((l) => l.previous === null && l.next === null)).toBe(true);
  });

  it('links no segment that ends before it starts, nor a segment to itself', () => {
    const reversed = seg('m1', { startDate: '2019-03-01', endDate: '2019-02-28' });
    expect(linksOf([reversed])).toEqual([{ id: 'm1', previous: null, previousLink: null, next: null, nextLink: null }]);
  });

  it('answers nothing for nothing', () => {
    expect(linkSegments([])).toEqual([]);
    expect(segmentChains([])).toEqual([]);
  });
});

describe('linkKind', () => {
  it('is "continues" for the same person and "replaces" for another', () => {
    expect(linkKind({ personId: 'p1' }, { personId: 'p1' })).toBe('continues');
    expect(linkKind({ personId: 'p1' }, { personId: 'p2' })).toBe('replaces');
  });
});

describe('segmentChains', () => {
  it('groups each seat into unbroken runs, oldest first', () => {
    const m = {
      a1: seg('a1', { endDate: '2018-06-30' }),
      a2: seg('a2', { personId: 'p2', startDate: '2018-07-01', endDate: '2019-06-30' }),
      a3: seg('a3', { personId: 'p3', startDate: '2019-08-01' }),
      b1: seg('b1', { seatId: 's2', personId: 'p4', endDate: '2019-12-31' }),
      b2: seg('b2', { seatId: 's2', personId: 'p4', startDate: '2020-01-01' }),
    };
    const chains = segmentChains([m.b2, m.a3, m.a2, m.b1, m.a1]).map((c) => c.map((s) => s.id));
    expect(chains).toEqual([['a3'], ['b1', 'b2'], ['a1', 'a2']]);
  });
});

// Properties ------------------------------------------------------------------------------

const DAY0: IsoDate = '2018-01-01';

/** One seat's history as the rules allow it: segments one after another, with or without gaps. */
const seatHistory = (seatId: string) =>
  fc
    .record({
      firstDay: fc.integer({ min: 0, max: 400 }),
      steps: fc.array(
        fc.record({
          gap: fc.constantFrom(0, 0, 0, 1, 30),
          days: fc.integer({ min: 1, max: 200 }),
          person: fc.constantFrom('p1', 'p2', 'p3'),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      openEnd: fc.boolean(),
    })
    .map(({ firstDay, steps, openEnd }) => {
      let start = addDays(DAY0, firstDay);
      return steps.map((step, i) => {
        start = addDays(start, i === 0 ? 0 : step.gap);
        const last = i === steps.length - 1;
        const endDate = last && openEnd ? null : addDays(start, step.days - 1);
        const segment = { id: `${seatId}-${i}`, seatId, personId: step.person, startDate: start, endDate, gap: step.gap };
        start = addDays(start, step.days);
        return segment;
      });
    });

const histories = fc
  .array(fc.constant(null), { minLength: 1, maxLength: 4 })
  .chain((seats) => fc.tuple(...seats.map((_, i) => seatHistory(`s${i}`))));

/** Any segments at all, valid or not, in a small window where collisions are likely. */
const anySegments = fc.array(
  fc
    .record({
      seatId: fc.constantFrom('s1', 's2'),
      personId: fc.constantFrom('p1', 'p2'),
      start: fc.integer({ min: 0, max: 20 }),
      length: fc.option(fc.integer({ min: -2, max: 10 }), { nil: null }),
    })
    .map(({ seatId, personId, start, length }) => ({
      seatId,
      personId,
      startDate: addDays(DAY0, start),
      endDate: length === null ? null : addDays(DAY0, start + length),
    })),
  { maxLength: 12 },
).map((list) => list.map((s, i) => ({ ...s, id: `m${i}` })));

const idsOf = (segments: readonly SegmentLike[]) =>
  new Map(linksOf(segments).map((l) => [l.id, l]));

describe('linkSegments properties', () => {
  it('links exactly the segments that follow each other without a gap, and names the kind by person', () => {
    fc.assert(
      fc.property(histories, (seats) => {
        const all = seats.flat();
        const links = idsOf(all);
        for (const history of seats) {
          history.forEach((s, i) => {
            const before = history[i - 1];
            const after = history[i + 1];
            const link = links.get(s.id);
            const linkedBefore = before !== undefined && s.gap === 0;
            const linkedAfter = after !== undefined && after.gap === 0;
            expect(link?.previous).toBe(linkedBefore ? before.id : null);
            expect(link?.previousLink).toBe(linkedBefore ? (before.personId === s.personId ? 'continues' : 'replaces') : null);
            expect(link?.next).toBe(linkedAfter ? after.id : null);
            expect(link?.nextLink).toBe(linkedAfter ? (after.personId === s.personId ? 'continues' : 'replaces') : null);
          });
        }
      }),
    );
  });

  it('gives the same links whatever the order of the input', () => {
    fc.assert(
      fc.property(
        histories.chain((seats) => fc.tuple(fc.constant(seats.flat()), fc.shuffledSubarray(seats.flat(), { minLength: seats.flat().length }))),
        ([ordered, shuffled]) => {
          expect(idsOf(shuffled)).toEqual(idsOf(ordered));
        },
      ),
    );
  });

  it('on any data, links are symmetric, stay on one seat and join only the day before to the day after', () => {
    fc.assert(
      fc.property(anySegments, (segments) => {
        const linked = linkSegments(segments);
        const bySegment = new Map(linked.map((l) => [l.segment, l]));
        for (const l of linked) {
          if (l.next) {
            const other = bySegment.get(l.next);
            expect(other?.previous).toBe(l.segment);
            expect(other?.previousLink).toBe(l.nextLink);
            expect(l.next.seatId).toBe(l.segment.seatId);
            expect(l.segment.endDate && addDays(l.segment.endDate, 1)).toBe(l.next.startDate);
            expect(l.nextLink).toBe(linkKind(l.segment, l.next));
          } else {
            expect(l.nextLink).toBeNull();
          }
          if (l.previous) expect(bySegment.get(l.previous)?.next).toBe(l.segment);
          else expect(l.previousLink).toBeNull();
        }
      }),
    );
  });

  it('on any data, chains hold every segment once, linked one to the next', () => {
    fc.assert(
      fc.property(anySegments, (segments) => {
        const chains = segmentChains(segments);
        expect(chains.flat().map((s) => s.id).sort()).toEqual(segments.map((s) => s.id).sort());
        const links = idsOf(segments);
        for (const chain of chains) {
          expect(links.get(chain[0]?.id ?? '')?.previous).toBeNull();
          expect(links.get(chain.at(-1)?.id ?? '')?.next).toBeNull();
          for (let i = 1; i < chain.length; i++) expect(links.get(chain[i]?.id ?? '')?.previous).toBe(chain[i - 1]?.id);
        }
      }),
    );
  });
});
