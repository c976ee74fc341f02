/**
 * Per-entity rules the server adds to the domain schemas: references must exist, domain rules
 * hold over the whole timeline, and a record still in use cannot be deleted. Each check runs
 * inside the write's transaction, so no interleaving of requests can slip past it.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../src/domain/dates';
import { membershipViolations, termViolations, type RuleViolation } from '../src/domain/rules';
import {
  BodyInputSchema,
  IdSchema,
  MembershipInputSchema,
  OrganizationInputSchema,
  PersonInputSchema,
  SeatInputSchema,
  TermInputSchema,
  type Conflict,
  type FieldError,
  type Membership,
} from '../src/domain/schemas';
import { conflictProblem, unknownReference, validationProblem } from './http/problem';
import type { Data, EntityMap, EntityName, FilterMap, Repos } from './store/store';

export interface EntitySpec<K extends EntityName> {
  name: K;
  /** Singular, for messages. */
  singular: string;
  input: z.ZodType<Data<EntityMap[K]>, unknown>;
  filter: z.ZodType<FilterMap[K], unknown>;
  /** Fields searched by `q`. */
  searchText: (r: EntityMap[K]) => string[];
  /**
   * The store's filter that finds what `q` finds, where the store can search itself (an index
   * on PostgreSQL): the rows it returns are then only the matches. Optional; `searchText`
   * still decides.
   */
  storeSearch?: (q: string) => FilterMap[K];
  /** Default sort key. */
  sortKey: (r: EntityMap[K]) => string;
  sortFields: readonly string[];
  /**
   * Completes the validated data before it is checked and written (e.g. fills defaults that
   * depend on other records); runs in the write's transaction. Optional.
   */
  prepare?: (tx: Repos, data: Data<EntityMap[K]>, id?: string) => Promise<Data<EntityMap[K]>>;
  /** Checks references and domain rules for a create (id undefined) or an update. */
  check: (tx: Repos, data: Data<EntityMap[K]>, id?: string) => Promise<void>;
  /** The first record that still uses this one, which blocks its deletion. */
  usedBy: (tx: Repos, id: string) => Promise<Conflict | undefined>;
}

const NoFilter = z.object({}).strict() as unknown as z.ZodType<Record<string, never>, unknown>;

/** `ids=a,b,c`: only these records (a page that shows a few of many, in one request). */
const IdListSchema = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.array(IdSchema).min(1).max(1000));

async function requireRefs(refs: [field: string, exists: Promise<unknown>][]): Promise<void> {
  const errors: FieldError[] = [];
  for (const [field, exists] of refs) if (!(await exists)) errors.push(unknownReference(field));
  if (errors.length) throw validationProblem(errors, 'The request refers to records that do not exist.');
}

const span = (s: { startDate: string; endDate: string | null }) => `${s.startDate} to ${s.endDate ?? 'open end'}`;

const RULE_TEXT: Record<RuleViolation['rule'], string> = {
  'seat-holder': 'The seat already has a holder in this period',
  'body-chair': 'The body already has a chair in this period',
  'person-body': 'The person already holds another seat in this body in this period',
  'within-term': "The dates lie outside the seat's term",
  'term-overlap': 'The dates overlap another term',
};

function violationProblem(violations: RuleViolation[], describe: (v: RuleViolation) => Conflict): never {
  const conflicts = violations.map(describe);
  const detail = [...new Set(violations.map((v) => RULE_TEXT[v.rule]))].join('; ') + '.';
  throw conflictProblem(
    detail,
    conflicts,
    violations.map((v) => ({ field: String(v.field), code: v.rule, message: RULE_TEXT[v.rule] + '.' })),
  );
}

export const terms: EntitySpec<'terms'> = {
  name: 'terms',
  singular: 'term',
  input: TermInputSchema,
  filter: NoFilter,
  searchText: (r) => [r.label],
  sortKey: (r) => r.startDate,
  sortFields: ['startDate', 'label'],
  async check(tx, data, id) {
    const violations = termViolations({ ...data, id }, await tx.terms.list());
    if (violations.length) {
      const all = await tx.terms.list();
      violationProblem(violations, (v) => {
        const t = all.find((x) => x.id === v.conflictingId);
        return {
          rule: v.rule,
          entity: 'term',
          id: v.conflictingId ?? '',
          field: String(v.field),
          summary: t ? `${t.label} (${span(t)})` : undefined,
        };
      });
    }
    if (id) {
      // Shrinking a term may not leave memberships outside it.
      const seats = await tx.seats.list({ termId: id });
      for (const seat of seats) {
        for (const m of await tx.memberships.list({ seatId: seat.id })) {
          // Outside: starts before the new start, ends after the new end, or (open-ended) starts after it.
          const outside =
            m.startDate < data.startDate || m.startDate > data.endDate || (m.endDate ?? data.endDate) > data.endDate;
          if (outside) {
            throw conflictProblem(
              'Memberships of this term lie outside the new dates.',
              [{ rule: 'within-term', entity: 'membership', id: m.id, field: 'startDate', summary: `${seat.label}, ${span(m)}` }],
              [{ field: m.startDate < data.startDate ? 'startDate' : 'endDate', code: 'within-term', message: RULE_TEXT['within-term'] + '.' }],
            );
          }
        }
      }
    }
  },
  async usedBy(tx, id) {
    const [seat] = await tx.seats.list({ termId: id });
    if (seat) return { rule: 'in-use', entity: 'seat', id: seat.id, summary: seat.label };
    const [renewal] = [...(await tx.renewals.list({ fromTermId: id })), ...(await tx.renewals.list({ toTermId: id }))];
    return renewal && { rule: 'in-use', entity: 'renewal', id: renewal.id };
  },
};

export const bodies: EntitySpec<'bodies'> = {
  name: 'bodies',
  singular: 'body',
  input: BodyInputSchema,
  filter: z.object({ parentId: IdSchema.optional() }).strict(),
  searchText: (r) => [r.name, r.purpose],
  sortKey: (r) => `${r.kind === 'council' ? 0 : 1}${r.name}`,
  sortFields: ['name', 'kind'],
  async check(tx, data, id) {
    if (data.parentId === null) return;
    await requireRefs([['parentId', tx.bodies.get(data.parentId)]]);
    // A body may not become its own ancestor.
    let cursor: string | null = data.parentId;
    while (cursor) {
      if (cursor === id) {
        throw validationProblem([{ field: 'parentId', code: 'cycle', message: 'A body cannot be placed under itself.' }]);
      }
      cursor = (await tx.bodies.get(cursor))?.parentId ?? null;
    }
  },
  async usedBy(tx, id) {
    const [child] = await tx.bodies.list({ parentId: id });
    if (child) return { rule: 'in-use', entity: 'body', id: child.id, summary: child.name };
    const [seat] = await tx.seats.list({ bodyId: id });
    return seat && { rule: 'in-use', entity: 'seat', id: seat.id, summary: seat.label };
  },
};

export const organizations: EntitySpec<'organizations'> = {
  name: 'organizations',
  singular: 'organization',
  input: OrganizationInputSchema,
  filter: z.object({ ids: IdListSchema.optional(), personId: IdSchema.optional() }).strict(),
  searchText: (r) => [r.name, ...r.otherNames],
  sortKey: (r) => r.name,
  sortFields: ['name', 'sector'],
  check: () => Promise.resolve(),
  async usedBy(tx, id) {
    const [seat] = await tx.seats.list({ nominatingOrganizationId: id });
    if (seat) return { rule: 'in-use', entity: 'seat', id: seat.id, summary: seat.label };
    const [m] = await tx.memberships.list({ organizationId: id });
    if (m) return { rule: 'in-use', entity: 'membership', id: m.id, summary: span(m) };
    const [n] = await tx.nominations.list({ organizationId: id });
    return n && { rule: 'in-use', entity: 'nomination', id: n.id };
  },
};

export const people: EntitySpec<'people'> = {
  name: 'people',
  singular: 'person',
  input: PersonInputSchema,
  filter: NoFilter,
  searchText: (r) => [r.name],
  storeSearch: (q) => ({ search: q }),
  sortKey: (r) => r.name,
  sortFields: ['name'],
  check: () => Promise.resolve(),
  async usedBy(tx, id) {
    const [m] = await tx.memberships.list({ personId: id });
    if (m) return { rule: 'in-use', entity: 'membership', id: m.id, summary: span(m) };
    const [n] = await tx.nominations.list({ personId: id });
    return n && { rule: 'in-use', entity: 'nomination', id: n.id };
  },
};

export const seats: EntitySpec<'seats'> = {
  name: 'seats',
  singular: 'seat',
  input: SeatInputSchema,
  filter: z
    .object({
      ids: IdListSchema.optional(),
      termId: IdSchema.optional(),
      bodyId: IdSchema.optional(),
      nominatingOrganizationId: IdSchema.optional(),
      previousSeatId: IdSchema.optional(),
      personId: IdSchema.optional(),
    })
    .strict(),
  searchText: (r) => [r.label],
  sortKey: (r) => r.label,
  sortFields: ['label'],
  async check(tx, data, id) {
    await requireRefs([
      ['termId', tx.terms.get(data.termId)],
      ['bodyId', tx.bodies.get(data.bodyId)],
      ...(data.nominatingOrganizationId
        ? [['nominatingOrganizationId', tx.organizations.get(data.nominatingOrganizationId)] as [string, Promise<unknown>]]
        : []),
      ...(data.previousSeatId ? [['previousSeatId', tx.seats.get(data.previousSeatId)] as [string, Promise<unknown>]] : []),
    ]);
    if (!id) return;
    const before = await tx.seats.get(id);
    if (before && (before.termId !== data.termId || before.bodyId !== data.bodyId)) {
      const [m] = await tx.memberships.list({ seatId: id });
      if (m) {
        throw conflictProblem(
          'A seat with memberships cannot move to another term or body.',
          [{ rule: 'in-use', entity: 'membership', id: m.id, summary: span(m) }],
          [{ field: before.termId !== data.termId ? 'termId' : 'bodyId', code: 'in-use', message: 'The seat has memberships.' }],
        );
      }
    }
  },
  async usedBy(tx, id) {
    const [m] = await tx.memberships.list({ seatId: id });
    if (m) return { rule: 'in-use', entity: 'membership', id: m.id, summary: span(m) };
    const [n] = await tx.nominations.list({ seatId: id });
    if (n) return { rule: 'in-use', entity: 'nomination', id: n.id };
    const [successor] = await tx.seats.list({ previousSeatId: id });
    return successor && { rule: 'in-use', entity: 'seat', id: successor.id, summary: successor.label };
  },
};

/** Checks a membership against every rule; used by plain writes and by multi-segment actions. */
export async function checkMembership(tx: Repos, data: Data<Membership>, id?: string): Promise<void> {
  const [seat, person] = await Promise.all([tx.seats.get(data.seatId), tx.people.get(data.personId)]);
  await requireRefs([
    ['seatId', Promise.resolve(seat)],
    ['personId', Promise.resolve(person)],
    ...(data.organizationId
      ? [['organizationId', tx.organizations.get(data.organizationId)] as [string, Promise<unknown>]]
      : []),
  ]);
  if (!seat) return;
  const term = await tx.terms.get(seat.termId);
  if (!term) return;
  const [bodySeats, bodyMemberships, terms] = await Promise.all([
    tx.seats.list({ bodyId: seat.bodyId }),
    tx.memberships.list({ bodyId: seat.bodyId }),
    tx.terms.list(),
  ]);
  const seatById = new Map(bodySeats.map((s) => [s.id, s]));
  const termEnd = new Map(terms.map((t) => [t.id, t.endDate]));
  const violations = membershipViolations(
    { ...data, id },
    {
      seat,
      term,
      memberships: bodyMemberships,
      bodyOfSeat: (sid) => seatById.get(sid)?.bodyId,
      termEndOfSeat: (sid) => termEnd.get(seatById.get(sid)?.termId ?? ''),
    },
  );
  if (violations.length === 0) return;
  const byId = new Map(bodyMemberships.map((m) => [m.id, m]));
  violationProblem(violations, (v) => {
    if (!v.conflictingId) {
      return { rule: v.rule, entity: 'term', id: term.id, field: String(v.field), summary: `${term.label} (${span(term)})` };
    }
    const other = byId.get(v.conflictingId);
    const otherSeat = other && seatById.get(other.seatId);
    return {
      rule: v.rule,
      entity: 'membership',
      id: v.conflictingId,
      field: String(v.field),
      summary: other ? `${otherSeat?.label ?? other.seatId}, ${span(other)}` : undefined,
    };
  });
}

export const memberships: EntitySpec<'memberships'> = {
  name: 'memberships',
  singular: 'membership',
  input: MembershipInputSchema,
  filter: z
    .object({
      seatId: IdSchema.optional(),
      personId: IdSchema.optional(),
      bodyId: IdSchema.optional(),
      organizationId: IdSchema.optional(),
      asOf: IsoDateSchema.optional(),
    })
    .strict(),
  searchText: (r) => [r.title],
  sortKey: (r) => r.startDate,
  sortFields: ['startDate', 'endDate', 'role'],
  check: checkMembership,
  usedBy: () => Promise.resolve(undefined),
};

export const ENTITY_SPECS = [terms, bodies, organizations, people, seats, memberships] as const;
