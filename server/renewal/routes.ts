/**
 * Term renewal (issue #5, docs/decisions/013-term-renewal.md), added to the path contract:
 *
 *   POST   /api/terms/:id/renewal               start: the next term with a copy of :id's seats (201, the new term)
 *   GET    /api/terms/:id/renewal               the whole state (seats, decisions, checks, balance, comparison)
 *   DELETE /api/terms/:id/renewal               cancel before switch-over (If-Match: the renewal's version)
 *   GET    /api/terms/:id/renewal/requests.csv  the nomination request list, for a mail merge
 *   POST   /api/terms/:id/switch-over           confirmed nominations become memberships, in one transaction
 *   POST   /api/nominations/bulk                one decision for many seats, all or nothing
 *
 * :id is always the term being renewed (the current one). Single nominations are the CRUD
 * routes of /api/nominations (nominations.ts).
 */
import { Hono, type Context } from 'hono';
import { stringify } from 'csv-stringify/sync';
import type { IsoDate } from '../../src/domain/dates';
import {
  decisionNamesPerson,
  NominationBulkInputSchema,
  proposeNextTerm,
  RenewalStartInputSchema,
  SwitchOverInputSchema,
  TERM_ENDED_REASON,
  type Nomination,
  type RenewalState,
  type SwitchOverResult,
} from '../../src/domain/renewal';
import { TermInputSchema, type Conflict, type Membership, type Term } from '../../src/domain/schemas';
import { checkMembership, terms as termSpec } from '../entities';
import { actorOf } from '../http/actor';
import { parseWith, readJson } from '../http/crud';
import { etag, requireIfMatch, staleProblem } from '../http/preconditions';
import { ProblemError, conflictProblem, notFoundProblem, validationProblem } from '../http/problem';
import { attachment } from '../export/routes';
import type { Data, Repos, Store } from '../store/store';
import { checkNominee, completeNomination, renewalOfSeat } from './nominations';
import { buildRenewalState } from './state';

async function readOptionalJson(c: Context): Promise<unknown> {
  return (await c.req.text()).trim() === '' ? {} : readJson(c);
}

async function termOr404(tx: Repos, id: string): Promise<Term> {
  const term = await tx.terms.get(id);
  if (!term) throw notFoundProblem('term', id);
  return term;
}

/** The renewal of term :id with both terms; 404 when none was started. */
async function loadRenewal(tx: Repos, termId: string) {
  const term = await termOr404(tx, termId);
  const [renewal] = await tx.renewals.list({ fromTermId: termId });
  const nextTerm = renewal && (await tx.terms.get(renewal.toTermId));
  if (!renewal || !nextTerm) {
    throw new ProblemError({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `No renewal of term ${termId} has been started.`,
    });
  }
  return { term, renewal, nextTerm };
}

const dataOf = <T extends { id: string; version: number }>({ id: _id, version: _v, ...data }: T) => data;

export function renewalRoutes(store: Store, today: () => IsoDate) {
  const app = new Hono();

  app.post('/:id/renewal', async (c) => {
    const termId = c.req.param('id');
    const input = parseWith(RenewalStartInputSchema, await readOptionalJson(c));
    const next = await store.transaction(async (tx) => {
      const term = await termOr404(tx, termId);
      const proposal = proposeNextTerm(term);
      const data = parseWith(TermInputSchema, {
        label: input.label ?? proposal.label,
        startDate: input.startDate ?? proposal.startDate,
        endDate: input.endDate ?? proposal.endDate,
      });
      const [existing] = await tx.renewals.list({ fromTermId: termId });
      if (existing) {
        const prepared = await tx.terms.get(existing.toTermId);
        throw conflictProblem('This term already has a renewal; open it or cancel it first.', [
          { rule: 'duplicate', entity: 'renewal', id: existing.id, summary: prepared?.label },
        ]);
      }
      if (data.startDate <= term.endDate) {
        throw validationProblem([
          { field: 'startDate', code: 'not_after_current', message: `The next term must start after the current one ends (${term.endDate}).` },
        ]);
      }
      await termSpec.check(tx, data);
      const nextTerm = await tx.terms.insert(data);
      await tx.renewals.insert({ fromTermId: term.id, toTermId: nextTerm.id, switchedOverAt: null });
      for (const seat of await tx.seats.list({ termId: term.id })) {
        await tx.seats.insert({ ...dataOf(seat), termId: nextTerm.id, previousSeatId: seat.id });
      }
      return nextTerm;
    }, { actor: actorOf(c) });
    c.header('ETag', etag(next));
    c.header('Location', `/api/terms/${next.id}`);
    return c.json(next, 201);
  });

  app.get('/:id/renewal', async (c) => {
    const termId = c.req.param('id');
    const state = await store.transaction(async (tx) => buildRenewalState(tx, await loadRenewal(tx, termId), today()));
    c.header('ETag', etag(state.renewal));
    return c.json(state satisfies RenewalState);
  });

  app.delete('/:id/renewal', async (c) => {
    const termId = c.req.param('id');
    const expected = requireIfMatch(c, 'renewal');
    await store.transaction(async (tx) => {
      const { renewal, nextTerm } = await loadRenewal(tx, termId);
      if (renewal.version !== expected) throw staleProblem('renewal', renewal);
      if (renewal.switchedOverAt !== null) {
        throw conflictProblem('The renewal has switched over and can no longer be cancelled.', [
          { rule: 'switched-over', entity: 'renewal', id: renewal.id, summary: nextTerm.label },
        ]);
      }
      const seats = await tx.seats.list({ termId: nextTerm.id });
      for (const seat of seats) {
        const [m] = await tx.memberships.list({ seatId: seat.id });
        if (m) {
          throw conflictProblem('A seat of the prepared term has memberships; remove them before cancelling.', [
            { rule: 'in-use', entity: 'membership', id: m.id, summary: seat.label },
          ]);
        }
      }
      for (const n of await tx.nominations.list({ termId: nextTerm.id })) await tx.nominations.remove(n.id, n.version);
      // Seats that continue a seat of the same term first (a copy of a copy), then the rest.
      const ordered = [...seats].sort((a, b) => Number(seats.some((s) => s.id === b.previousSeatId)) - Number(seats.some((s) => s.id === a.previousSeatId)));
      for (const seat of ordered) await tx.seats.remove(seat.id, seat.version);
      await tx.renewals.remove(renewal.id, renewal.version);
      const [stillUsed] = await tx.renewals.list({ fromTermId: nextTerm.id });
      if (stillUsed) {
        throw conflictProblem('The prepared term is itself being renewed; cancel that renewal first.', [
          { rule: 'in-use', entity: 'renewal', id: stillUsed.id },
        ]);
      }
      await tx.terms.remove(nextTerm.id, nextTerm.version);
    }, { actor: actorOf(c) });
    return c.body(null, 204);
  });

  app.get('/:id/renewal/requests.csv', async (c) => {
    const termId = c.req.param('id');
    const state = await store.transaction(async (tx) => buildRenewalState(tx, await loadRenewal(tx, termId), today()));
    const rows = requestRows(state);
    const csv = stringify(
      rows.map((r) => [r.organization, r.seat, r.body, r.holder, r.holderTitle, r.email, r.phone, r.requestedOn, r.dueDate, r.status]),
      {
        bom: true,
        delimiter: ';',
        record_delimiter: 'windows',
        header: true,
        columns: ['Organisation', 'Plads', 'Organ', 'Nuværende medlem', 'Titel', 'E-mail', 'Telefon', 'Anmodet', 'Svarfrist', 'Status'],
        escape_formulas: true,
      },
    );
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(['indstillinger', state.nextTerm.label], 'csv'),
    });
  });

  app.post('/:id/switch-over', async (c) => {
    const termId = c.req.param('id');
    const input = parseWith(SwitchOverInputSchema, await readOptionalJson(c));
    const result = await store.transaction(async (tx) => {
      const loaded = await loadRenewal(tx, termId);
      const { renewal, nextTerm, term } = loaded;
      if (renewal.switchedOverAt !== null) {
        throw conflictProblem('The renewal has already switched over.', [
          { rule: 'switched-over', entity: 'renewal', id: renewal.id, summary: nextTerm.label },
        ]);
      }
      const state = await buildRenewalState(tx, loaded, today());
      const seatIds = new Set(state.seats.map((s) => s.seat.id));
      const unknown = input.vacantSeatIds.flatMap((id, i) => (seatIds.has(id) ? [] : [i]));
      if (unknown.length) {
        throw validationProblem(
          unknown.map((i) => ({ field: `vacantSeatIds.${i}`, code: 'unknown_reference', message: 'Not a seat of the prepared term.' })),
        );
      }
      const startVacant = new Set(input.vacantSeatIds);
      const reasons: Conflict[] = state.checks
        .filter((check) => check.blocking && !((check.rule === 'undecided' || check.rule === 'unconfirmed') && startVacant.has(check.seatId)))
        .map((check) => ({ rule: check.rule, entity: 'seat', id: check.seatId, summary: check.summary }));
      if (reasons.length) {
        throw conflictProblem(
          `The switch-over is refused: ${reasons.length} check(s) fail. Settle the seats, or name the unsettled ones to start vacant.`,
          reasons,
        );
      }

      // 1. Dropped seats leave the new term (with their nominations).
      const removedSeatIds: string[] = [];
      for (const s of state.seats) {
        if (s.nomination?.decision !== 'drop') continue;
        await tx.nominations.remove(s.nomination.id, s.nomination.version);
        await tx.seats.remove(s.seat.id, s.seat.version);
        removedSeatIds.push(s.seat.id);
      }
      // 2. The old term's open memberships end on its last day.
      const ended: Membership[] = [];
      for (const seat of await tx.seats.list({ termId: term.id })) {
        for (const m of await tx.memberships.list({ seatId: seat.id })) {
          if (m.endDate !== null) continue;
          ended.push(await tx.memberships.update(m.id, { ...dataOf(m), endDate: term.endDate, endReason: TERM_ENDED_REASON }, m.version));
        }
      }
      // 3. Settled nominees start on the new term's first day, each checked against every rule.
      const created: Membership[] = [];
      for (const s of state.seats) {
        const n = s.nomination;
        if (!n || !decisionNamesPerson(n.decision) || n.status !== 'confirmed' || n.personId === null) continue;
        const data: Data<Membership> = {
          seatId: s.seat.id,
          personId: n.personId,
          organizationId: n.organizationId ?? s.seat.nominatingOrganizationId,
          role: n.role,
          title: n.title,
          startDate: nextTerm.startDate,
          endDate: null,
          endReason: null,
          decidedOn: n.decidedOn,
          source: n.source,
          endDecidedOn: null,
          endSource: null,
        };
        await checkMembership(tx, data);
        created.push(await tx.memberships.insert(data));
      }
      const switched = await tx.renewals.update(renewal.id, { ...dataOf(renewal), switchedOverAt: new Date().toISOString() }, renewal.version);
      return { nextTerm, renewal: switched, created, ended, removedSeatIds } satisfies SwitchOverResult;
    }, { actor: actorOf(c) });
    return c.json(result);
  });

  return app;
}

/** One row per seat whose organisation is to be asked (or was asked and has not answered). */
export function requestRows(state: RenewalState) {
  return state.seats
    .filter((s) => s.nomination?.decision === 'nominate' && ['planned', 'requested'].includes(s.nomination.status))
    .map((s) => ({
      organization: s.nominatingOrganization?.name ?? '',
      seat: s.seat.label,
      body: s.body.name,
      holder: s.currentHolder?.person.name ?? '',
      holderTitle: s.currentHolder?.membership.title ?? '',
      email: s.currentHolder?.person.email ?? '',
      phone: s.currentHolder?.person.phone ?? '',
      requestedOn: s.nomination?.requestedOn ?? '',
      dueDate: s.nomination?.dueDate ?? '',
      status: s.nomination?.status === 'requested' ? 'Anmodet' : 'Planlagt',
    }))
    .sort((a, b) => a.organization.localeCompare(b.organization, 'da') || a.seat.localeCompare(b.seat, 'da'));
}

export function nominationBulkRoutes(store: Store, today: () => IsoDate) {
  const app = new Hono();

  app.post('/bulk', async (c) => {
    const input = parseWith(NominationBulkInputSchema, await readJson(c));
    const nominations = await store.transaction(async (tx) => {
      const written: Nomination[] = [];
      for (const [i, item] of input.items.entries()) {
        const seat = await tx.seats.get(item.seatId);
        if (!seat) throw validationProblem([{ field: `items.${i}.seatId`, code: 'unknown_reference', message: 'No such seat.' }]);
        const { nextTerm } = await renewalOfSeat(tx, seat);
        const [existing] = await tx.nominations.list({ seatId: seat.id });
        if (existing && item.version !== undefined && existing.version !== item.version) throw staleProblem('nomination', existing);
        if (existing && item.version === undefined) {
          throw validationProblem([
            { field: `items.${i}.version`, code: 'version_required', message: 'The seat has a nomination: give its version.' },
          ]);
        }
        const base: Data<Nomination> = existing
          ? dataOf(existing)
          : { seatId: seat.id, decision: input.decision, status: 'planned', personId: null, organizationId: null, role: 'member', title: '', requestedOn: null, dueDate: null, note: '', decidedOn: null, source: null };
        const changedDecision = !existing || existing.decision !== input.decision;
        let data: Data<Nomination> = {
          ...base,
          decision: input.decision,
          status: input.status,
          requestedOn: input.requestedOn ?? base.requestedOn,
          dueDate: input.dueDate ?? base.dueDate,
          // A new decision starts from no nominee (a reappointment takes the holder below).
          ...(changedDecision ? { personId: null, organizationId: null, role: 'member' as const, title: '' } : {}),
        };
        try {
          data = await completeNomination(tx, data, today());
        } catch (e) {
          if (e instanceof ProblemError && e.problem.errors) {
            throw new ProblemError({
              ...e.problem,
              detail: `${seat.label}: ${e.problem.detail ?? ''}`.trim(),
              errors: e.problem.errors.map((err) => ({ ...err, field: `items.${i}.${err.field}` })),
            });
          }
          throw e;
        }
        await checkNominee(tx, data, existing?.id, nextTerm);
        written.push(existing ? await tx.nominations.update(existing.id, data, existing.version) : await tx.nominations.insert(data));
      }
      return written;
    }, { actor: actorOf(c) });
    return c.json({ nominations });
  });

  return app;
}
