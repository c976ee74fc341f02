/**
 * Actions on membership segments, each one atomic (one store transaction) and each with an
 * atomic inverse, so the SPA can offer undo after any of them (docs/decisions/005):
 *
 *   POST /api/memberships/:id/change   role/title change or replacement from a date  <->  revert (on the new segment)
 *   POST /api/memberships/:id/end      vacate the seat after a date                  <->  reopen
 *
 * All four require If-Match with the version of the membership named in the path and answer
 * 200 with { segments }: the segments the action leaves behind, oldest first.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { addDays, type IsoDate } from '../src/domain/dates';
import { effectiveSpan } from '../src/domain/rules';
import {
  MembershipChangeInputSchema,
  MembershipEndInputSchema,
  type Membership,
  type MembershipSegments,
} from '../src/domain/schemas';
import { linkKind, linkSegments, SEGMENT_END_REASONS } from '../src/domain/segments';
import { checkMembership } from './entities';
import { actorOf } from './http/actor';
import { parseWith, readJson } from './http/crud';
import { assertVersion, requireIfMatch } from './http/preconditions';
import { conflictProblem, notFoundProblem, validationProblem } from './http/problem';
import type { Data, Repos, Store } from './store/store';

const ENTITY = 'membership';

const dataOf = ({ id: _id, version: _version, ...data }: Membership): Data<Membership> => data;

const spanText = (m: { startDate: IsoDate; endDate: IsoDate | null }) => `${m.startDate} to ${m.endDate ?? 'open end'}`;

/** The membership at its expected version: 404 when there is none, 409 with the current record when stale. */
async function loadAt(tx: Repos, id: string, expected: number): Promise<Membership> {
  const record = await tx.memberships.get(id);
  if (!record) throw notFoundProblem(ENTITY, id);
  assertVersion(ENTITY, record, expected);
  return record;
}

/** Seat label and dates of a segment, for conflict summaries (no personal data). */
async function summaryOf(tx: Repos, m: Membership): Promise<string> {
  const seat = await tx.seats.get(m.seatId);
  return `${seat?.label ?? m.seatId}, ${spanText(m)}`;
}

/** Actions without parameters take no body, or an empty JSON object. */
async function readNoParameters(c: Context): Promise<void> {
  if ((await c.req.text()).trim() === '') return;
  parseWith(z.object({}).strict(), await readJson(c));
}

export function membershipActionRoutes(store: Store) {
  const app = new Hono();

  /**
   * Ends segment :id the day before effectiveDate and starts the next one on it, on the same
   * seat: the same person with a new role, title or organisation, or another person (a replacement).
   */
  app.post('/:id/change', async (c) => {
    const id = c.req.param('id');
    const expected = requireIfMatch(c, ENTITY);
    const input = parseWith(MembershipChangeInputSchema, await readJson(c));
    const segments = await store.transaction(async (tx) => {
      const old = await loadAt(tx, id, expected);
      const seat = await tx.seats.get(old.seatId);
      const term = seat && (await tx.terms.get(seat.termId));
      const lastDay = effectiveSpan(old, term?.endDate).endDate;
      if (input.effectiveDate <= old.startDate) {
        throw validationProblem([
          { field: 'effectiveDate', code: 'not_after_start', message: 'The change must take effect after the membership starts.' },
        ]);
      }
      if (lastDay !== null && input.effectiveDate > lastDay) {
        throw validationProblem([
          { field: 'effectiveDate', code: 'after_end', message: 'The change must take effect before the membership ends.' },
        ]);
      }

      const kind = linkKind(old, { personId: input.personId ?? old.personId });
      const replaces = kind === 'replaces';
      const next: Data<Membership> = {
        seatId: old.seatId,
        personId: input.personId ?? old.personId,
        organizationId: input.organizationId !== undefined ? input.organizationId : replaces ? null : old.organizationId,
        role: input.role ?? old.role,
        title: input.title ?? (replaces ? '' : old.title),
        startDate: input.effectiveDate,
        // The new segment takes over the rest of the old one, including a planned end.
        endDate: old.endDate,
        endReason: old.endReason,
        endDecidedOn: old.endDecidedOn,
        endSource: old.endSource,
        decidedOn: input.decidedOn,
        source: input.source,
      };
      if (!replaces && next.role === old.role && next.title === old.title && next.organizationId === old.organizationId) {
        throw validationProblem(
          [{ field: '(body)', code: 'no_change', message: 'Give a new role, title, organisation or person.' }],
          'The change changes nothing.',
        );
      }

      // End the old segment first, so the new one is checked against the seat as it will be.
      const ended = await tx.memberships.update(
        id,
        {
          ...dataOf(old),
          endDate: addDays(input.effectiveDate, -1),
          endReason: SEGMENT_END_REASONS[kind],
          // The change's decision ends the old segment as it starts the new one.
          endDecidedOn: input.decidedOn,
          endSource: input.source,
        },
        old.version,
      );
      await checkMembership(tx, next);
      const started = await tx.memberships.insert(next);
      return [ended, started];
    }, { actor: actorOf(c) });
    return c.json({ segments } satisfies MembershipSegments);
  });

  /** The inverse of change: removes segment :id and gives its predecessor its end again. */
  app.post('/:id/revert', async (c) => {
    const id = c.req.param('id');
    const expected = requireIfMatch(c, ENTITY);
    await readNoParameters(c);
    const segments = await store.transaction(async (tx) => {
      const segment = await loadAt(tx, id, expected);
      const link = linkSegments(await tx.memberships.list({ seatId: segment.seatId })).find((l) => l.segment.id === id);
      const previous = link?.previous;
      if (!previous) {
        throw conflictProblem('The membership does not directly follow another on its seat, so there is no change to revert.', [
          { rule: 'no-predecessor', entity: ENTITY, id, summary: await summaryOf(tx, segment) },
        ]);
      }
      await tx.memberships.remove(id, segment.version);
      const merged = {
        ...dataOf(previous),
        endDate: segment.endDate,
        endReason: segment.endReason,
        endDecidedOn: segment.endDecidedOn,
        endSource: segment.endSource,
      };
      await checkMembership(tx, merged, previous.id);
      return [await tx.memberships.update(previous.id, merged, previous.version)];
    }, { actor: actorOf(c) });
    return c.json({ segments } satisfies MembershipSegments);
  });

  /** Ends segment :id on endDate: the seat is vacant from the next day. */
  app.post('/:id/end', async (c) => {
    const id = c.req.param('id');
    const expected = requireIfMatch(c, ENTITY);
    const input = parseWith(MembershipEndInputSchema, await readJson(c));
    const segments = await store.transaction(async (tx) => {
      const old = await loadAt(tx, id, expected);
      if (input.endDate < old.startDate) {
        throw validationProblem([{ field: 'endDate', code: 'end_before_start', message: 'The end date is before the start date.' }]);
      }
      const ended = {
        ...dataOf(old),
        endDate: input.endDate,
        endReason: input.endReason,
        endDecidedOn: input.decidedOn ?? null,
        endSource: input.source ?? null,
      };
      await checkMembership(tx, ended, id);
      return [await tx.memberships.update(id, ended, old.version)];
    }, { actor: actorOf(c) });
    return c.json({ segments } satisfies MembershipSegments);
  });

  /** The inverse of end: clears endDate and endReason, if nobody took the seat (or the chair) since. */
  app.post('/:id/reopen', async (c) => {
    const id = c.req.param('id');
    const expected = requireIfMatch(c, ENTITY);
    await readNoParameters(c);
    const segments = await store.transaction(async (tx) => {
      const old = await loadAt(tx, id, expected);
      if (old.endDate === null) {
        throw conflictProblem('The membership has no end to clear.', [
          { rule: 'not-ended', entity: ENTITY, id, summary: await summaryOf(tx, old) },
        ]);
      }
      const reopened = { ...dataOf(old), endDate: null, endReason: null, endDecidedOn: null, endSource: null };
      await checkMembership(tx, reopened, id);
      return [await tx.memberships.update(id, reopened, old.version)];
    }, { actor: actorOf(c) });
    return c.json({ segments } satisfies MembershipSegments);
  });

  return app;
}
