/** Who holds which seat on a date: the memberships active then, joined with their seats and bodies. */
import type { Body, Membership, Seat } from '../../domain/schemas';

export interface CurrentSeat {
  membership: Membership;
  seat: Seat | undefined;
  body: Body | undefined;
}

export function currentSeatsByPerson(
  active: readonly Membership[],
  seats: readonly Seat[],
  bodies: readonly Body[],
): Map<string, CurrentSeat[]> {
  const seatById = new Map(seats.map((s) => [s.id, s]));
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  const byPerson = new Map<string, CurrentSeat[]>();
  for (const membership of active) {
    const seat = seatById.get(membership.seatId);
    const entry = { membership, seat, body: seat && bodyById.get(seat.bodyId) };
    const list = byPerson.get(membership.personId);
    if (list) list.push(entry);
    else byPerson.set(membership.personId, [entry]);
  }
  return byPerson;
}
