/**
 * A term as a Popolo document (http://www.popoloproject.com/), for machines:
 *   organizations  the council and its fora (classification council/forum, parent_id,
 *                  description = purpose), and the member organisations of the term
 *                  (classification = sector code, other_names)
 *   persons        everyone who held a seat in the term: id and name only, no contact data
 *   posts          the seats: label, organization_id = the body, start/end = the term
 *   memberships    every segment: person_id, organization_id = the body, post_id,
 *                  on_behalf_of_id = the representing organisation (else the seat's
 *                  nominator), role (chair, vice-chair, member), label = the title,
 *                  start_date, end_date, sources = the decision's link
 * It validates against the official Popolo JSON Schemas (tests/fixtures/popolo/). Not in
 * Popolo, so not exported: end reasons, decision dates, and the nominator of a seat nobody held.
 */
import type { PopoloDocument } from '../../src/domain/import';
import type { Body, Organization, Term } from '../../src/domain/schemas';
import { compareDanish } from '../../src/domain/text';
import type { Repos } from '../store/store';
import { bodyOrder } from './roster-csv';

type Json = Record<string, unknown>;

/** Leaves out absent values: Popolo allows null, but a missing key reads better. */
function compact<T extends Json>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;
}

export async function buildPopolo(store: Repos, term: Term): Promise<PopoloDocument> {
  const [bodies, seats, organizations, people] = await Promise.all([
    store.bodies.list(),
    store.seats.list({ termId: term.id }),
    store.organizations.list(),
    store.people.list(),
  ]);
  const seatIds = new Set(seats.map((s) => s.id));
  const memberships = (await Promise.all(bodies.map((b) => store.memberships.list({ bodyId: b.id }))))
    .flat()
    .filter((m) => seatIds.has(m.seatId));
  const seatById = new Map(seats.map((s) => [s.id, s]));
  const orgById = new Map(organizations.map((o) => [o.id, o]));

  const onBehalfOf = (m: (typeof memberships)[number]) =>
    m.organizationId ?? seatById.get(m.seatId)?.nominatingOrganizationId ?? null;
  const usedOrgIds = new Set(
    [...seats.map((s) => s.nominatingOrganizationId), ...memberships.map(onBehalfOf)].filter((id): id is string => !!id),
  );
  const memberOrgs = [...usedOrgIds]
    .map((id) => orgById.get(id))
    .filter((o): o is Organization => o !== undefined)
    .sort((a, b) => compareDanish(a.name, b.name));
  const personIds = new Set(memberships.map((m) => m.personId));
  const bodyRank = new Map([...bodies].sort(bodyOrder).map((b, i) => [b.id, i]));
  const sortedSeats = [...seats].sort(
    (a, b) => (bodyRank.get(a.bodyId) ?? 0) - (bodyRank.get(b.bodyId) ?? 0) || compareDanish(a.label, b.label),
  );
  const seatRank = new Map(sortedSeats.map((s, i) => [s.id, i]));

  return {
    persons: people
      .filter((p) => personIds.has(p.id))
      .sort((a, b) => compareDanish(a.name, b.name))
      .map((p) => ({ id: p.id, name: p.name })),
    organizations: [
      ...[...bodies].sort(bodyOrder).map((b: Body) =>
        compact({ id: b.id, name: b.name, classification: b.kind, parent_id: b.parentId, description: b.purpose }),
      ),
      ...memberOrgs.map((o) =>
        compact({
          id: o.id,
          name: o.name,
          classification: o.sector,
          other_names: o.otherNames.length ? o.otherNames.map((name) => ({ name })) : undefined,
        }),
      ),
    ],
    posts: sortedSeats.map((s) => ({
      id: s.id,
      label: s.label,
      organization_id: s.bodyId,
      start_date: term.startDate,
      end_date: term.endDate,
    })),
    memberships: memberships
      .sort((a, b) => (seatRank.get(a.seatId) ?? 0) - (seatRank.get(b.seatId) ?? 0) || a.startDate.localeCompare(b.startDate))
      .map((m) =>
        compact({
          id: m.id,
          person_id: m.personId,
          organization_id: seatById.get(m.seatId)?.bodyId,
          post_id: m.seatId,
          on_behalf_of_id: onBehalfOf(m),
          role: m.role,
          label: m.title,
          start_date: m.startDate,
          end_date: m.endDate,
          sources: m.source ? [{ url: m.source, note: 'Beslutning' }] : undefined,
        }),
      ),
  };
}
