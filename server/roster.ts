/**
 * The roster read model: every seat of a body in the term that covers a date, with its holder
 * on that date or marked vacant.
 */
import { todayIso, type IsoDate } from '../src/domain/dates';
import { termCovering } from '../src/domain/rules';
import type { Roster, RosterEntry } from '../src/domain/schemas';
import { compareDanish } from '../src/domain/text';
import { notFoundProblem } from './http/problem';
import type { Repos } from './store/store';

export async function buildRoster(
  store: Repos,
  { bodyId, asOf }: { bodyId?: string; asOf?: IsoDate },
  today: () => IsoDate = () => todayIso(),
): Promise<Roster> {
  const date = asOf ?? today();
  // The body and the terms in one round trip, not two.
  const [body, terms] = await Promise.all([
    bodyId ? store.bodies.get(bodyId) : store.bodies.list().then((all) => all.find((b) => b.kind === 'council' && b.parentId === null)),
    store.terms.list(),
  ]);
  if (!body) throw notFoundProblem('body', bodyId ?? '(council)');
  const term = termCovering(terms, date) ?? null;
  if (!term) return { asOf: date, body, term: null, entries: [] };

  const [seats, active] = await Promise.all([
    store.seats.list({ termId: term.id, bodyId: body.id }),
    store.memberships.list({ bodyId: body.id, asOf: date }),
  ]);
  // Only the people and organisations on this roster, each in one query: the cost of a body's
  // roster stays flat as the rest of the register grows.
  const personIds = [...new Set(active.map((m) => m.personId))];
  const orgIds = [
    ...new Set([...active.map((m) => m.organizationId), ...seats.map((s) => s.nominatingOrganizationId)].filter((id) => id !== null)),
  ];
  const [people, organizations] = await Promise.all([
    personIds.length ? store.people.list({ ids: personIds }) : [],
    orgIds.length ? store.organizations.list({ ids: orgIds }) : [],
  ]);
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const holderOf = new Map(active.map((m) => [m.seatId, m]));
  const personById = new Map(people.map((p) => [p.id, p]));

  const entries: RosterEntry[] = seats
    .sort((a, b) => compareDanish(a.label, b.label))
    .map((seat) => {
      const membership = holderOf.get(seat.id) ?? null;
      const orgId = membership?.organizationId ?? seat.nominatingOrganizationId;
      const organization = (orgId && orgById.get(orgId)) || null;
      return {
        seat,
        membership,
        person: (membership && personById.get(membership.personId)) ?? null,
        organization,
        sector: organization?.sector ?? seat.reservedSector,
        vacant: membership === null,
      };
    });
  return { asOf: date, body, term, entries };
}
