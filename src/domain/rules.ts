/**
 * The rules that make a roster more than a spreadsheet. Pure functions over plain records:
 * they hold over the whole timeline, not only today.
 */
import type { IsoDate } from './dates';
import type { Membership, Seat, Term } from './schemas';

/** A span of dates, both ends inclusive; a null end is open (no end yet). */
export interface Span {
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/** Active on date D: startDate <= D and (no endDate or D <= endDate). Derived, never stored. */
export function isActiveOn(span: Span, date: IsoDate): boolean {
  return span.startDate <= date && (span.endDate === null || date <= span.endDate);
}

/**
 * The span a membership really covers: an open end means "until the end of its term", since
 * a seat belongs to one term. Without this, an open-ended 2018-2021 membership would clash
 * with the same person's seat in the next term.
 */
export function effectiveSpan(span: Span, termEnd: IsoDate | undefined): Span {
  return { startDate: span.startDate, endDate: span.endDate ?? termEnd ?? null };
}

/** Two inclusive spans share at least one day. */
export function spansOverlap(a: Span, b: Span): boolean {
  const aEndsBeforeB = a.endDate !== null && a.endDate < b.startDate;
  const bEndsBeforeA = b.endDate !== null && b.endDate < a.startDate;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The term that covers a date, if any (terms do not overlap). */
export function termCovering<T extends Pick<Term, 'startDate' | 'endDate'>>(terms: readonly T[], date: IsoDate) {
  return terms.find((t) => t.startDate <= date && date <= t.endDate);
}

export type RuleName = 'seat-holder' | 'body-chair' | 'person-body' | 'within-term' | 'term-overlap';

export interface RuleViolation {
  rule: RuleName;
  /** The field of the candidate that the violation is about. */
  field: keyof Membership | keyof Term;
  /** The record that conflicts; absent for rules against the candidate's own context. */
  conflictingId?: string;
}

export type MembershipCandidate = Pick<Membership, 'seatId' | 'personId' | 'role' | 'startDate' | 'endDate'> & {
  id?: string;
};

export interface MembershipContext {
  /** The seat of the candidate. */
  seat: Pick<Seat, 'id' | 'bodyId' | 'termId'>;
  /** The term of the candidate's seat. */
  term: Pick<Term, 'startDate' | 'endDate'>;
  /** Every other membership that could conflict: at least all memberships of seats in the same body. */
  memberships: readonly Pick<Membership, 'id' | 'seatId' | 'personId' | 'role' | 'startDate' | 'endDate'>[];
  /** Body of each seat id referenced by `memberships`. */
  bodyOfSeat: (seatId: string) => string | undefined;
  /** End of the term of each seat id referenced by `memberships`, closing open ends. */
  termEndOfSeat?: (seatId: string) => IsoDate | undefined;
}

/**
 * Every rule a membership breaks, given the others: one holder per seat at a time, one chair
 * per body at a time, one seat per person per body at a time, inside its term.
 */
export function membershipViolations(candidate: MembershipCandidate, ctx: MembershipContext): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const { term } = ctx;
  if (candidate.startDate < term.startDate || candidate.startDate > term.endDate) {
    violations.push({ rule: 'within-term', field: 'startDate' });
  }
  if (candidate.endDate !== null && (candidate.endDate > term.endDate || candidate.endDate < term.startDate)) {
    violations.push({ rule: 'within-term', field: 'endDate' });
  }
  const candidateSpan = effectiveSpan(candidate, term.endDate);
  for (const other of ctx.memberships) {
    if (other.id === candidate.id) continue;
    if (!spansOverlap(candidateSpan, effectiveSpan(other, ctx.termEndOfSeat?.(other.seatId)))) continue;
    const sameSeat = other.seatId === candidate.seatId;
    const sameBody = sameSeat || ctx.bodyOfSeat(other.seatId) === ctx.seat.bodyId;
    if (sameSeat) {
      violations.push({ rule: 'seat-holder', field: 'seatId', conflictingId: other.id });
      // The same person on the same seat is already reported; the person rule is for other seats.
      continue;
    }
    if (!sameBody) continue;
    if (other.personId === candidate.personId) {
      violations.push({ rule: 'person-body', field: 'personId', conflictingId: other.id });
    }
    if (candidate.role === 'chair' && other.role === 'chair') {
      violations.push({ rule: 'body-chair', field: 'role', conflictingId: other.id });
    }
  }
  return violations;
}

/** Terms may not overlap each other. */
export function termViolations(
  candidate: Pick<Term, 'startDate' | 'endDate'> & { id?: string },
  terms: readonly Pick<Term, 'id' | 'startDate' | 'endDate'>[],
): RuleViolation[] {
  return terms
    .filter((t) => t.id !== candidate.id && spansOverlap(candidate, t))
    .map((t) => ({ rule: 'term-overlap' as const, field: 'startDate' as const, conflictingId: t.id }));
}

/** Status of a term on a date, derived from its dates. */
export type TermStatus = 'planned' | 'current' | 'ended';
export function termStatus(term: Pick<Term, 'startDate' | 'endDate'>, today: IsoDate): TermStatus {
  if (today < term.startDate) return 'planned';
  if (today > term.endDate) return 'ended';
  return 'current';
}
