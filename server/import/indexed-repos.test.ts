import { describe, expect, it } from 'vitest';
import { freshSeededStore } from '../../tests/contract/test-stores';
import type { Membership, Role } from '../../src/domain/schemas';
import { checkMembership } from '../entities';
import { ProblemError } from '../http/problem';
import type { Data, Repos } from '../store/store';
import { indexedRepos } from './indexed-repos';

/** What checkMembership says about a membership: fine, or the problem it throws. */
async function verdict(repos: Repos, data: Data<Membership>) {
  try {
    await checkMembership(repos, data);
    return 'ok';
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
}

describe('indexedRepos', () => {
  it('gives checkMembership the same verdict as the whole transaction, for every kind of conflict', async () => {
    const store = await freshSeededStore();
    const [council] = (await store.bodies.list()).filter((b) => b.kind === 'council');
    const [term] = await store.terms.list();
    if (!council || !term) throw new Error('Test setup: no seed');
    // History to collide with: a chair from 2019, an ended membership, an empty seat, a new person.
    const [first, second] = await store.memberships.list({ bodyId: council.id });
    if (!first || !second) throw new Error('Test setup: no memberships');
    await store.transaction(async (tx) => {
      await tx.memberships.update(first.id, { ...first, role: 'chair', startDate: '2019-01-01' }, first.version);
      await tx.memberships.update(second.id, { ...second, endDate: '2019-06-30', endReason: 'Fratrådt (test)' }, second.version);
    });
    const emptySeat = await store.seats.insert({
      termId: term.id,
      bodyId: council.id,
      label: 'Testplads',
      nominatingOrganizationId: null,
      reservedSector: null, previousSeatId: null,
    });
    const newcomer = await store.people.insert({ name: 'Testperson Eksempelsen', email: null, phone: null, notes: '' });

    // The seats and people of the chair and the ended membership, one more of each, and the new ones.
    const third = (await store.memberships.list({ bodyId: council.id })).find((m) => m.id !== first.id && m.id !== second.id);
    if (!third) throw new Error('Test setup: no third membership');
    const seats = [first.seatId, second.seatId, third.seatId, emptySeat.id].map((id) => ({ id }));
    const people = [first.personId, second.personId, third.personId, newcomer.id].map((id) => ({ id }));
    const roles: Role[] = ['member', 'chair'];
    const spans: [string, string | null][] = [
      ['2018-01-01', null],
      ['2019-03-01', '2019-06-30'],
      ['2017-06-01', '2018-02-01'],
    ];

    const verdicts = await store.transaction(async (tx) => {
      const { forCandidate } = await indexedRepos(tx, council.id);
      const pairs: [unknown, unknown][] = [];
      for (const seat of seats) {
        for (const person of people) {
          for (const role of roles) {
            for (const [startDate, endDate] of spans) {
              const data: Data<Membership> = {
                seatId: seat.id,
                personId: person.id,
                organizationId: null,
                role,
                title: '',
                startDate,
                endDate,
                endReason: null,
                decidedOn: null,
                source: null,
                endDecidedOn: null,
                endSource: null,
              };
              pairs.push([await verdict(forCandidate(data), data), await verdict(tx, data)]);
            }
          }
        }
      }
      return pairs;
    });
    expect(verdicts).toHaveLength(4 * 4 * 2 * 3);
    for (const [fast, full] of verdicts) expect(fast).toEqual(full);
    // The grid hits every rule and also lets some through.
    const rules = new Set(verdicts.flatMap(([, full]) => (full === 'ok' ? ['ok'] : ((full as { conflicts?: { rule: string }[] }).conflicts ?? []).map((c) => c.rule))));
    expect([...rules].sort()).toEqual(['body-chair', 'ok', 'person-body', 'seat-holder', 'within-term']);
  });
});
