import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  isSettled,
  NominationInputSchema,
  plannedConflicts,
  proposeNextTerm,
  renewalDue,
  type PlannedHolder,
} from './renewal';

describe('proposeNextTerm', () => {
  it('proposes the next four calendar years after a four-year term', () => {
    expect(proposeNextTerm({ startDate: '2018-01-01', endDate: '2021-12-31' })).toEqual({
      label: '2022-2025',
      startDate: '2022-01-01',
      endDate: '2025-12-31',
    });
  });

  it('keeps the length in days of a term that is not whole years, across a leap day', () => {
    expect(proposeNextTerm({ startDate: '2019-03-01', endDate: '2020-02-29' })).toEqual({
      label: '2020-2021',
      startDate: '2020-03-01',
      endDate: '2021-02-28',
    });
  });

  it('labels a one-year term with its year', () => {
    expect(proposeNextTerm({ startDate: '2030-01-01', endDate: '2030-12-31' }).label).toBe('2031');
  });
});

describe('isSettled and isOverdue', () => {
  it.each([
    [null, false],
    [{ decision: 'drop', status: 'planned', personId: null }, true],
    [{ decision: 'vacant', status: 'planned', personId: null }, true],
    [{ decision: 'reappoint', status: 'planned', personId: 'p' }, false],
    [{ decision: 'reappoint', status: 'confirmed', personId: 'p' }, true],
    [{ decision: 'nominate', status: 'received', personId: 'p' }, false],
    [{ decision: 'nominate', status: 'confirmed', personId: 'p' }, true],
    [{ decision: 'nominate', status: 'declined', personId: 'p' }, false],
  ] as const)('%j settled: %s', (n, settled) => {
    expect(isSettled(n)).toBe(settled);
  });

  it('a request is overdue the day after its due date, and only while it waits for an answer', () => {
    const due = { status: 'requested', dueDate: '2021-09-01' } as const;
    expect(isOverdue(due, '2021-09-01')).toBe(false);
    expect(isOverdue(due, '2021-09-02')).toBe(true);
    expect(isOverdue({ ...due, status: 'received' }, '2021-09-02')).toBe(false);
    expect(isOverdue({ ...due, dueDate: null }, '2030-01-01')).toBe(false);
  });
});

describe('NominationInputSchema', () => {
  const base = { seatId: 's1' };
  it('fills defaults', () => {
    expect(NominationInputSchema.parse({ ...base, decision: 'vacant' })).toMatchObject({
      status: 'planned',
      personId: null,
      role: 'member',
      title: '',
      note: '',
    });
  });

  it('refuses a person on a decision that names none, and a confirmed nomination without a nominee', () => {
    const vacant = NominationInputSchema.safeParse({ ...base, decision: 'vacant', personId: 'p' });
    expect(vacant.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['personId', 'no_person_for_decision']]);
    const nominee = NominationInputSchema.safeParse({ ...base, decision: 'nominate', status: 'confirmed' });
    expect(nominee.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['personId', 'nominee_required']]);
  });
});

describe('plannedConflicts', () => {
  const h = (seatId: string, bodyId: string, personId: string, role: PlannedHolder['role'] = 'member'): PlannedHolder => ({
    seatId,
    bodyId,
    personId,
    role,
  });

  it('finds a person on two seats of one body, and a second chair; other bodies are free', () => {
    expect(
      plannedConflicts([h('a', 'council', 'p1', 'chair'), h('b', 'council', 'p1'), h('c', 'forum', 'p1', 'chair'), h('d', 'council', 'p2', 'chair')]),
    ).toEqual([
      { rule: 'person-body', seatId: 'b', otherSeatId: 'a' },
      { rule: 'body-chair', seatId: 'd', otherSeatId: 'a' },
    ]);
  });

  it('reports each clashing pair exactly once (property)', () => {
    const holder = fc.record({
      bodyId: fc.constantFrom('b1', 'b2'),
      personId: fc.constantFrom('p1', 'p2', 'p3'),
      role: fc.constantFrom('chair', 'member' as const),
    });
    fc.assert(
      fc.property(fc.array(holder, { maxLength: 8 }), (list) => {
        const planned = list.map((x, i) => ({ ...x, seatId: `s${i}` })) as PlannedHolder[];
        let expected = 0;
        planned.forEach((a, i) =>
          planned.slice(i + 1).forEach((b) => {
            if (a.bodyId !== b.bodyId) return;
            if (a.personId === b.personId) expected += 1;
            if (a.role === 'chair' && b.role === 'chair') expected += 1;
          }),
        );
        expect(plannedConflicts(planned)).toHaveLength(expected);
      }),
    );
  });
});

describe('renewalDue', () => {
  const term = { startDate: '2018-01-01', endDate: '2021-12-31' };
  it('is due from the given number of days before the term ends, while it runs', () => {
    expect(renewalDue(term, '2021-07-03', 180)).toBe(false);
    expect(renewalDue(term, '2021-07-04', 180)).toBe(true);
    expect(renewalDue(term, '2021-12-31', 180)).toBe(true);
    expect(renewalDue(term, '2022-01-01', 180)).toBe(false);
  });
});
