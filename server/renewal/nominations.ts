/**
 * /api/nominations: one per seat of a term being prepared by a renewal (src/domain/renewal.ts).
 * The generic CRUD routes (server/http/crud.ts) with this spec, plus a bulk write
 * (routes.ts). A nomination may only be written while its renewal has not switched over.
 */
import { z } from 'zod';
import {
  decisionNamesPerson,
  NominationInputSchema,
  plannedConflicts,
  reappointmentOf,
  type Nomination,
  type PlannedHolder,
  type Renewal,
} from '../../src/domain/renewal';
import { IdSchema, type Conflict, type Seat, type Term } from '../../src/domain/schemas';
import type { EntitySpec } from '../entities';
import { conflictProblem, unknownReference, validationProblem } from '../http/problem';
import type { Data, Repos } from '../store/store';

/** The renewal that prepares the term of a seat, and that term; a 409 when there is none or it is over. */
export async function renewalOfSeat(tx: Repos, seat: Seat): Promise<{ renewal: Renewal; nextTerm: Term }> {
  const [renewal] = await tx.renewals.list({ toTermId: seat.termId });
  const nextTerm = await tx.terms.get(seat.termId);
  if (!renewal || !nextTerm) {
    throw conflictProblem(
      'Nominations are for seats of a term being prepared by a renewal; this seat belongs to no such term.',
      [{ rule: 'not-renewal', entity: 'seat', id: seat.id, field: 'seatId', summary: seat.label }],
      [{ field: 'seatId', code: 'not-renewal', message: 'The seat is not in a term being prepared.' }],
    );
  }
  if (renewal.switchedOverAt !== null) {
    throw conflictProblem(
      'The renewal has switched over; its nominations can no longer change.',
      [{ rule: 'switched-over', entity: 'renewal', id: renewal.id, summary: nextTerm.label }],
      [{ field: 'seatId', code: 'switched-over', message: 'The renewal has switched over.' }],
    );
  }
  return { renewal, nextTerm };
}

/** Who holds a seat of the renewed term on its last day. */
export async function holderAtEnd(tx: Repos, previousSeat: Seat, renewedTermEnd: string) {
  const [membership] = await tx.memberships.list({ seatId: previousSeat.id, asOf: renewedTermEnd });
  return membership;
}

/**
 * Fills what a nomination can take from elsewhere: a reappointment without a person takes the
 * holder (person, organisation, role, title); a named nominee without an organisation sits for
 * the seat's nominating organisation; a request without a date was made today.
 */
export async function completeNomination(
  tx: Repos,
  data: Data<Nomination>,
  today: string,
): Promise<Data<Nomination>> {
  const seat = await tx.seats.get(data.seatId);
  if (!seat) return data;
  let next = { ...data };
  if (next.decision === 'reappoint' && next.personId === null) {
    const previous = seat.previousSeatId ? await tx.seats.get(seat.previousSeatId) : undefined;
    const renewal = (await tx.renewals.list({ toTermId: seat.termId }))[0];
    const renewed = renewal && (await tx.terms.get(renewal.fromTermId));
    const holder = previous && renewed ? await holderAtEnd(tx, previous, renewed.endDate) : undefined;
    if (!holder) {
      throw validationProblem(
        [{ field: 'decision', code: 'no_holder', message: 'The seat has no holder to reappoint; nominate someone instead.' }],
        'Nobody holds the seat at the end of the current term.',
      );
    }
    next = { ...next, ...reappointmentOf(holder) };
  }
  if (!decisionNamesPerson(next.decision)) next = { ...next, personId: null, organizationId: null };
  if (decisionNamesPerson(next.decision) && next.personId !== null && next.organizationId === null) {
    next = { ...next, organizationId: seat.nominatingOrganizationId };
  }
  if (next.status === 'requested' && next.requestedOn === null) next = { ...next, requestedOn: today };
  if (next.requestedOn !== null && next.dueDate !== null && next.dueDate < next.requestedOn) {
    throw validationProblem([{ field: 'dueDate', code: 'due_before_request', message: 'The due date is before the request date.' }]);
  }
  return next;
}

/**
 * The rules over the new term for a confirmed nominee: not a second seat in the same body, not
 * a second chair, and nobody else already on the seat from the first day. 409 naming the seat
 * (and nomination) it collides with.
 */
export async function checkNominee(tx: Repos, data: Data<Nomination>, id: string | undefined, nextTerm: Term) {
  if (data.status !== 'confirmed' || data.personId === null || !decisionNamesPerson(data.decision)) return;
  const seats = await tx.seats.list({ termId: nextTerm.id });
  const seatById = new Map(seats.map((s) => [s.id, s]));
  const bodyOf = (seatId: string) => seatById.get(seatId)?.bodyId ?? '';
  const others = (await tx.nominations.list({ termId: nextTerm.id })).filter(
    (n) => n.id !== id && n.seatId !== data.seatId && n.status === 'confirmed' && n.personId !== null && decisionNamesPerson(n.decision),
  );
  const firstDay = await tx.memberships.list({ asOf: nextTerm.startDate });
  const planned: PlannedHolder[] = [
    ...others.map((n) => ({ seatId: n.seatId, bodyId: bodyOf(n.seatId), personId: n.personId ?? '', role: n.role })),
    ...firstDay
      .filter((m) => seatById.has(m.seatId))
      .map((m) => ({ seatId: m.seatId, bodyId: bodyOf(m.seatId), personId: m.personId, role: m.role })),
    { seatId: data.seatId, bodyId: bodyOf(data.seatId), personId: data.personId, role: data.role },
  ];
  const conflicts: Conflict[] = plannedConflicts(planned)
    .filter((c) => c.seatId === data.seatId)
    .map((c) => ({
      rule: c.rule,
      entity: 'seat',
      id: c.otherSeatId,
      field: c.rule === 'body-chair' ? 'role' : 'personId',
      summary: seatById.get(c.otherSeatId)?.label,
    }));
  const held = firstDay.find((m) => m.seatId === data.seatId);
  if (held) conflicts.push({ rule: 'seat-holder', entity: 'membership', id: held.id, field: 'seatId', summary: seatById.get(data.seatId)?.label });
  if (conflicts.length === 0) return;
  const text: Record<string, string> = {
    'person-body': 'The nominee is already confirmed for another seat in this body',
    'body-chair': 'The body already has a confirmed chair in the new term',
    'seat-holder': 'The seat already has a holder on the first day of the new term',
  };
  throw conflictProblem(
    [...new Set(conflicts.map((c) => text[c.rule]))].join('; ') + '.',
    conflicts,
    conflicts.map((c) => ({ field: c.field ?? 'personId', code: c.rule, message: `${text[c.rule]}.` })),
  );
}

export function nominationSpec(today: () => string): EntitySpec<'nominations'> {
  return {
    name: 'nominations',
    singular: 'nomination',
    input: NominationInputSchema,
    filter: z
      .object({
        seatId: IdSchema.optional(),
        termId: IdSchema.optional(),
        personId: IdSchema.optional(),
        organizationId: IdSchema.optional(),
      })
      .strict(),
    searchText: (r) => [r.title, r.note],
    sortKey: (r) => r.seatId,
    sortFields: ['status', 'decision', 'dueDate', 'requestedOn'],
    prepare: (tx, data) => completeNomination(tx, data, today()),
    async check(tx, data, id) {
      const seat = await tx.seats.get(data.seatId);
      const refs: [string, unknown][] = [
        ['seatId', seat],
        ...(data.personId ? [['personId', await tx.people.get(data.personId)] as [string, unknown]] : []),
        ...(data.organizationId ? [['organizationId', await tx.organizations.get(data.organizationId)] as [string, unknown]] : []),
      ];
      const missing = refs.filter(([, record]) => !record).map(([field]) => unknownReference(field));
      if (missing.length) throw validationProblem(missing, 'The request refers to records that do not exist.');
      if (!seat) return;
      const { nextTerm } = await renewalOfSeat(tx, seat);
      if (id) {
        const before = await tx.nominations.get(id);
        if (before && before.seatId !== data.seatId) {
          throw validationProblem([{ field: 'seatId', code: 'immutable', message: 'A nomination cannot move to another seat.' }]);
        }
      }
      const [existing] = await tx.nominations.list({ seatId: data.seatId });
      if (existing && existing.id !== id) {
        throw conflictProblem(
          'The seat already has a nomination; change that one.',
          [{ rule: 'duplicate', entity: 'nomination', id: existing.id, field: 'seatId', summary: seat.label }],
          [{ field: 'seatId', code: 'duplicate', message: 'The seat already has a nomination.' }],
        );
      }
      await checkNominee(tx, data, id, nextTerm);
    },
    usedBy: () => Promise.resolve(undefined),
  };
}
