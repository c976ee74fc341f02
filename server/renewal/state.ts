/**
 * The renewal read model (GET /api/terms/:id/renewal): every seat of the term being prepared
 * with its decision and nominee, progress, the checks a switch-over needs to pass, the sector
 * balance of both terms and the comparison of who continues, leaves and joins.
 */
import type { IsoDate } from '../../src/domain/dates';
import {
  decisionNamesPerson,
  isOverdue,
  isSettled,
  plannedConflicts,
  type ComparedPerson,
  type Nomination,
  type Renewal,
  type RenewalCheck,
  type RenewalSeat,
  type RenewalState,
  type SectorCounts,
} from '../../src/domain/renewal';
import { SECTORS, type Membership, type Organization, type Person, type Seat, type Sector, type Term } from '../../src/domain/schemas';
import { compareDanish } from '../../src/domain/text';
import type { Repos } from '../store/store';

const emptyCounts = (): SectorCounts => ({
  ...(Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<Sector, number>),
  none: 0,
  vacant: 0,
});

function count(counts: SectorCounts, sector: Sector | null | undefined, vacant: boolean) {
  if (vacant) counts.vacant += 1;
  else if (sector) counts[sector] += 1;
  else counts.none += 1;
}

/** A seat of the new term that will start with a holder: its nomination names one and is settled. */
const namedAndSettled = (n: Nomination | null | undefined): n is Nomination & { personId: string } =>
  !!n && decisionNamesPerson(n.decision) && isSettled(n) && n.personId !== null;

export async function buildRenewalState(
  tx: Repos,
  { term, renewal, nextTerm }: { term: Term; renewal: Renewal; nextTerm: Term },
  today: IsoDate,
): Promise<RenewalState> {
  const [newSeats, oldSeats, nominations, bodies, organizations, endMemberships, firstDayMemberships] = await Promise.all([
    tx.seats.list({ termId: nextTerm.id }),
    tx.seats.list({ termId: term.id }),
    tx.nominations.list({ termId: nextTerm.id }),
    tx.bodies.list(),
    tx.organizations.list(),
    tx.memberships.list({ asOf: term.endDate }),
    tx.memberships.list({ asOf: nextTerm.startDate }),
  ]);
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const oldSeatById = new Map(oldSeats.map((s) => [s.id, s]));
  const newSeatIds = new Set(newSeats.map((s) => s.id));
  const holderOfOldSeat = new Map(endMemberships.filter((m) => oldSeatById.has(m.seatId)).map((m) => [m.seatId, m]));
  const firstDayHolder = new Map(firstDayMemberships.filter((m) => newSeatIds.has(m.seatId)).map((m) => [m.seatId, m]));
  const nominationOf = new Map(nominations.map((n) => [n.seatId, n]));

  const personIds = new Set<string>([
    ...[...holderOfOldSeat.values()].map((m) => m.personId),
    ...nominations.flatMap((n) => (n.personId ? [n.personId] : [])),
    ...[...firstDayHolder.values()].map((m) => m.personId),
  ]);
  const people = new Map<string, Person>();
  for (const id of personIds) {
    const p = await tx.people.get(id);
    if (p) people.set(id, p);
  }
  const orgOf = (id: string | null | undefined): Organization | null => (id ? (orgById.get(id) ?? null) : null);

  const bodyOrder = (s: Seat) => {
    const b = bodyById.get(s.bodyId);
    return `${b?.kind === 'council' ? 0 : 1}${b?.name ?? ''}`;
  };
  const ordered = [...newSeats].sort((a, b) => compareDanish(bodyOrder(a), bodyOrder(b)) || compareDanish(a.label, b.label));

  const seats: RenewalSeat[] = ordered.map((seat) => {
    const previousSeat = seat.previousSeatId ? (oldSeatById.get(seat.previousSeatId) ?? null) : null;
    const holder = previousSeat ? holderOfOldSeat.get(previousSeat.id) : undefined;
    const holderPerson = holder && people.get(holder.personId);
    const nomination = nominationOf.get(seat.id) ?? null;
    const body = bodyById.get(seat.bodyId);
    return {
      seat,
      body: { id: seat.bodyId, name: body?.name ?? '' },
      previousSeat,
      currentHolder:
        holder && holderPerson
          ? { membership: holder, person: holderPerson, organization: orgOf(holder.organizationId ?? previousSeat?.nominatingOrganizationId) }
          : null,
      nominatingOrganization: orgOf(seat.nominatingOrganizationId),
      nomination,
      nominee: (nomination?.personId && people.get(nomination.personId)) || null,
      settled: isSettled(nomination) || firstDayHolder.has(seat.id),
      overdue: isOverdue(nomination, today),
    };
  });

  // Checks --------------------------------------------------------------------------------
  const checks: RenewalCheck[] = [];
  const label = (seatId: string) => newSeats.find((s) => s.id === seatId)?.label ?? seatId;
  const planned = [
    ...seats.flatMap((s) =>
      namedAndSettled(s.nomination)
        ? [{ seatId: s.seat.id, bodyId: s.seat.bodyId, personId: s.nomination.personId, role: s.nomination.role }]
        : [],
    ),
    ...[...firstDayHolder.values()].map((m) => ({
      seatId: m.seatId,
      bodyId: newSeats.find((s) => s.id === m.seatId)?.bodyId ?? '',
      personId: m.personId,
      role: m.role,
    })),
  ];
  for (const c of plannedConflicts(planned)) {
    checks.push({ rule: c.rule, seatId: c.seatId, otherSeatId: c.otherSeatId, blocking: true, summary: `${label(c.seatId)} / ${label(c.otherSeatId)}` });
  }
  for (const s of seats) {
    const held = firstDayHolder.get(s.seat.id);
    if (held && namedAndSettled(s.nomination)) {
      checks.push({ rule: 'seat-holder', seatId: s.seat.id, blocking: true, summary: s.seat.label });
    }
    if (s.settled) continue;
    checks.push({ rule: s.nomination ? 'unconfirmed' : 'undecided', seatId: s.seat.id, blocking: true, summary: s.seat.label });
  }
  for (const s of seats) if (s.overdue) checks.push({ rule: 'overdue', seatId: s.seat.id, blocking: false, summary: s.seat.label });
  const order = ['body-chair', 'person-body', 'seat-holder', 'undecided', 'unconfirmed', 'overdue'];
  checks.sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));

  // Balance ------------------------------------------------------------------------------
  const current = emptyCounts();
  for (const seat of oldSeats) {
    const m = holderOfOldSeat.get(seat.id);
    count(current, orgOf(m?.organizationId ?? seat.nominatingOrganizationId)?.sector ?? seat.reservedSector, !m);
  }
  const next = emptyCounts();
  const dropped = (s: RenewalSeat) => s.nomination?.decision === 'drop';
  for (const s of seats) {
    if (dropped(s)) continue;
    const n = s.nomination;
    const m = firstDayHolder.get(s.seat.id);
    const holds = namedAndSettled(n) || !!m;
    const orgId = m?.organizationId ?? n?.organizationId ?? s.seat.nominatingOrganizationId;
    count(next, orgOf(orgId)?.sector ?? s.seat.reservedSector, !holds);
  }

  // Comparison ---------------------------------------------------------------------------
  const oldSeatsOf = new Map<string, string[]>();
  for (const [seatId, m] of holderOfOldSeat) {
    oldSeatsOf.set(m.personId, [...(oldSeatsOf.get(m.personId) ?? []), oldSeatById.get(seatId)?.label ?? seatId]);
  }
  const newSeatsOf = new Map<string, string[]>();
  const addNew = (personId: string, seatLabel: string) => newSeatsOf.set(personId, [...(newSeatsOf.get(personId) ?? []), seatLabel]);
  for (const s of seats) {
    if (dropped(s)) continue;
    const m = firstDayHolder.get(s.seat.id);
    if (m) addNew(m.personId, s.seat.label);
    else if (namedAndSettled(s.nomination)) addNew(s.nomination.personId, s.seat.label);
  }
  const compared = (personId: string): ComparedPerson[] => {
    const person = people.get(personId);
    return person ? [{ person, currentSeats: oldSeatsOf.get(personId) ?? [], nextSeats: newSeatsOf.get(personId) ?? [] }] : [];
  };
  const byName = (a: ComparedPerson, b: ComparedPerson) => compareDanish(a.person.name, b.person.name);
  const continuing = [...oldSeatsOf.keys()].filter((id) => newSeatsOf.has(id)).flatMap(compared).sort(byName);
  const leaving = [...oldSeatsOf.keys()].filter((id) => !newSeatsOf.has(id)).flatMap(compared).sort(byName);
  const joining = [...newSeatsOf.keys()].filter((id) => !oldSeatsOf.has(id)).flatMap(compared).sort(byName);
  const continued = new Set(seats.filter((s) => !dropped(s)).flatMap((s) => (s.seat.previousSeatId ? [s.seat.previousSeatId] : [])));
  const kept = seats.filter((s) => !dropped(s));

  const settledCount = seats.filter((s) => s.settled).length;
  return {
    term,
    nextTerm,
    renewal,
    seats,
    progress: {
      settled: settledCount,
      total: seats.length,
      undecided: seats.filter((s) => !s.nomination && !s.settled).length,
      overdue: seats.filter((s) => s.overdue).length,
    },
    checks,
    balance: { current, next },
    comparison: {
      continuing,
      leaving,
      joining,
      newSeats: kept.filter((s) => !s.previousSeat).map((s) => s.seat),
      droppedSeats: oldSeats
        .filter((s) => !continued.has(s.id))
        .sort((a, b) => compareDanish(a.label, b.label)),
      vacantOnDayOne: kept.filter((s) => !namedAndSettled(s.nomination) && !firstDayHolder.has(s.seat.id)).map((s) => s.seat),
      seatCount: kept.length,
      currentSeatCount: oldSeats.length,
    },
  };
}

/** Memberships a switch-over creates: one per seat whose nomination names a settled nominee. */
export function membershipsToCreate(state: RenewalState): Omit<Membership, 'id' | 'version'>[] {
  return state.seats.flatMap((s) => {
    const n = s.nomination;
    if (!namedAndSettled(n)) return [];
    return [
      {
        seatId: s.seat.id,
        personId: n.personId,
        organizationId: n.organizationId ?? s.seat.nominatingOrganizationId,
        role: n.role,
        title: n.title,
        startDate: state.nextTerm.startDate,
        endDate: null,
        endReason: null,
        decidedOn: n.decidedOn,
        source: n.source,
        endDecidedOn: null,
        endSource: null,
      },
    ];
  });
}
