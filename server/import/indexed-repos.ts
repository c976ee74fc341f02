/**
 * Repos over a transaction for a bulk write into one body, so that an import of thousands of
 * rows runs the same rule check as a single POST /api/memberships (checkMembership) without
 * reading and scanning the whole body again for every row.
 *
 * The body's seats and memberships are loaded once and indexed by seat, person and role; the
 * inserts made through `repos` keep the indexes up to date. `forCandidate(m)` is a view for
 * checking one membership: its list of the body's memberships holds only those on the same
 * seat, of the same person and, for a chair, the other chairs, which are all that
 * membershipViolations (src/domain/rules.ts) compares a membership with. A new rule that
 * compares with other memberships must widen this selection; indexed-repos.test.ts checks
 * that the view and the full transaction give the same verdicts.
 */
import type { Membership, Organization, Person, Seat, Term } from '../../src/domain/schemas';
import type { Data, Repo, Repos } from '../store/store';

/** A repo that delegates every method to `inner` unless `over` replaces it. */
function delegate<T extends { id: string; version: number }, F>(inner: Repo<T, F>, over: Partial<Repo<T, F>>): Repo<T, F> {
  return {
    list: over.list ?? ((filter) => inner.list(filter)),
    get: over.get ?? ((id) => inner.get(id)),
    insert: over.insert ?? ((data) => inner.insert(data)),
    update: over.update ?? ((id, data, version) => inner.update(id, data, version)),
    remove: over.remove ?? ((id, version) => inner.remove(id, version)),
  };
}

const onlyBody = (filter: object | undefined, bodyId: string) =>
  filter !== undefined && Object.keys(filter).length === 1 && (filter as { bodyId?: string }).bodyId === bodyId;

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface IndexedRepos {
  /** For writes: inserts go to the transaction and into the indexes. */
  repos: Repos;
  /** For checkMembership(view, m): the body as far as it matters to m. */
  forCandidate: (candidate: Pick<Membership, 'seatId' | 'personId' | 'role'>) => Repos;
}

export async function indexedRepos(tx: Repos, bodyId: string): Promise<IndexedRepos> {
  const [seats, memberships, terms] = await Promise.all([
    tx.seats.list({ bodyId }),
    tx.memberships.list({ bodyId }),
    tx.terms.list(),
  ]);
  const seatById = new Map<string, Seat>(seats.map((s) => [s.id, s]));
  const termById = new Map<string, Term>(terms.map((t) => [t.id, t]));
  const bySeat = new Map<string, Membership[]>();
  const byPerson = new Map<string, Membership[]>();
  const chairs: Membership[] = [];
  // The position of each membership in the body's list, so a view lists in the same order
  // (checkMembership reports conflicts in list order).
  const position = new Map<string, number>();
  const index = (m: Membership) => {
    position.set(m.id, position.size);
    push(bySeat, m.seatId, m);
    push(byPerson, m.personId, m);
    if (m.role === 'chair') chairs.push(m);
  };
  memberships.forEach(index);
  const people = new Map<string, Person>();
  const organizations = new Map<string, Organization>();

  const repos: Repos = {
    bodies: tx.bodies,
    renewals: tx.renewals,
    nominations: tx.nominations,
    terms: delegate(tx.terms, {
      list: (filter) => (filter === undefined ? Promise.resolve([...terms]) : tx.terms.list(filter)),
      get: async (id) => termById.get(id) ?? tx.terms.get(id),
    }),
    seats: delegate(tx.seats, {
      list: (filter) => (onlyBody(filter, bodyId) ? Promise.resolve([...seatById.values()]) : tx.seats.list(filter)),
      get: async (id) => seatById.get(id) ?? tx.seats.get(id),
      insert: async (data: Data<Seat>) => {
        const seat = await tx.seats.insert(data);
        if (seat.bodyId === bodyId) seatById.set(seat.id, seat);
        return seat;
      },
    }),
    memberships: delegate(tx.memberships, {
      list: (filter) => (onlyBody(filter, bodyId) ? Promise.resolve([...bySeat.values()].flat()) : tx.memberships.list(filter)),
      insert: async (data: Data<Membership>) => {
        const membership = await tx.memberships.insert(data);
        if (seatById.has(membership.seatId)) index(membership);
        return membership;
      },
    }),
    people: delegate(tx.people, {
      get: async (id) => people.get(id) ?? tx.people.get(id),
      insert: async (data: Data<Person>) => {
        const person = await tx.people.insert(data);
        people.set(person.id, person);
        return person;
      },
    }),
    organizations: delegate(tx.organizations, {
      get: async (id) => {
        const found = organizations.get(id) ?? (await tx.organizations.get(id));
        if (found) organizations.set(id, found);
        return found;
      },
      insert: async (data: Data<Organization>) => {
        const organization = await tx.organizations.insert(data);
        organizations.set(organization.id, organization);
        return organization;
      },
    }),
  };

  function forCandidate(candidate: Pick<Membership, 'seatId' | 'personId' | 'role'>): Repos {
    const relevant = [
      ...new Set([
        ...(bySeat.get(candidate.seatId) ?? []),
        ...(byPerson.get(candidate.personId) ?? []),
        ...(candidate.role === 'chair' ? chairs : []),
      ]),
    ].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    const relevantSeats = [...new Set([candidate.seatId, ...relevant.map((m) => m.seatId)])]
      .map((id) => seatById.get(id))
      .filter((s): s is Seat => s !== undefined);
    return {
      ...repos,
      seats: delegate(repos.seats, {
        list: (filter) => (onlyBody(filter, bodyId) ? Promise.resolve(relevantSeats) : repos.seats.list(filter)),
      }),
      memberships: delegate(repos.memberships, {
        list: (filter) => (onlyBody(filter, bodyId) ? Promise.resolve(relevant) : repos.memberships.list(filter)),
      }),
    };
  }

  return { repos, forCandidate };
}
