/**
 * Pure helpers over the renewal state for the pages: which seats a filter shows, the sector
 * a seat counts for, the organisations to ask (request list), and what a switch-over will do.
 */
import type { IsoDate } from '../../domain/dates';
import { decisionNamesPerson, type RenewalSeat, type RenewalState } from '../../domain/renewal';
import type { Organization, Sector } from '../../domain/schemas';
import { compareDanish, matchesSearch } from '../../domain/text';
import type { RenewalSearch } from './renewal-search';

/** The sector a seat counts for: its reserved sector, else its nominating organisation's. */
export const seatSector = (s: RenewalSeat): Sector | null => s.seat.reservedSector ?? s.nominatingOrganization?.sector ?? null;

export function filterSeats(seats: readonly RenewalSeat[], search: RenewalSearch): RenewalSeat[] {
  return seats.filter((s) => {
    if (search.sector && seatSector(s) !== search.sector) return false;
    if (search.show === 'unsettled' && s.settled) return false;
    if (search.show === 'undecided' && s.nomination !== null) return false;
    if (search.show === 'overdue' && !s.overdue) return false;
    if (search.q) {
      const words = [
        s.seat.label,
        s.body.name,
        s.nominatingOrganization?.name ?? '',
        s.currentHolder?.person.name ?? '',
        s.nominee?.name ?? '',
      ];
      if (!matchesSearch(words, search.q)) return false;
    }
    return true;
  });
}

/** Seats grouped by body, the bodies in the order they first appear (the server's order), seats by label. */
export function seatsByBody(seats: readonly RenewalSeat[]): { body: RenewalSeat['body']; seats: RenewalSeat[] }[] {
  const groups = new Map<string, { body: RenewalSeat['body']; seats: RenewalSeat[] }>();
  for (const s of seats) {
    const group = groups.get(s.body.id) ?? { body: s.body, seats: [] };
    group.seats.push(s);
    groups.set(s.body.id, group);
  }
  for (const g of groups.values()) g.seats.sort((a, b) => compareDanish(a.seat.label, b.seat.label));
  return [...groups.values()];
}

export interface OrganizationRequest {
  /** The organisation asked; null for seats without a nominating organisation. */
  organization: Organization | null;
  seats: RenewalSeat[];
  /** The earliest due date among its seats. */
  dueDate: IsoDate | null;
}

/** Organisations to ask for a nominee: decision 'nominate', not yet answered (planned or requested). */
export function organizationRequests(state: RenewalState): OrganizationRequest[] {
  const groups = new Map<string, OrganizationRequest>();
  for (const s of state.seats) {
    const n = s.nomination;
    if (!n || n.decision !== 'nominate' || (n.status !== 'planned' && n.status !== 'requested')) continue;
    const org = s.nominatingOrganization;
    const key = org?.id ?? '';
    const group = groups.get(key) ?? { organization: org, seats: [], dueDate: null };
    group.seats.push(s);
    if (n.dueDate && (!group.dueDate || n.dueDate < group.dueDate)) group.dueDate = n.dueDate;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => compareDanish(a.organization?.name ?? '', b.organization?.name ?? ''));
}

/** What a switch-over will do, counted from the state. */
export function switchOverPlan(state: RenewalState) {
  const seats = state.seats;
  const created = seats.filter((s) => s.settled && s.nomination && decisionNamesPerson(s.nomination.decision)).length;
  const ended = [...state.comparison.continuing, ...state.comparison.leaving].reduce((n, p) => n + p.currentSeats.length, 0);
  const dropped = state.comparison.droppedSeats.length;
  const unsettled = seats.filter((s) => !s.settled);
  const blocking = state.checks.filter((c) => c.blocking && c.rule !== 'undecided' && c.rule !== 'unconfirmed');
  return { created, ended, dropped, unsettled, blocking };
}
