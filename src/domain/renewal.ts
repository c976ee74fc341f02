/**
 * Term renewal: preparing the next term as one batch (docs/decisions/013-term-renewal.md).
 *
 * Starting a renewal of term T creates the next term with a copy of T's seats (each new seat
 * points back at the seat it continues through `previousSeatId`). Every new seat then gets a
 * nomination: the coordinator's decision for it (reappoint the holder, ask the nominating
 * organisation, leave vacant, drop the seat) and, for the first two, where the nomination
 * stands (planned -> requested -> received -> confirmed, or declined). Switching over turns
 * the confirmed nominations into memberships from the new term's first day.
 *
 * Schemas (the API contract) and pure functions; no I/O.
 */
import { z } from 'zod';
import { addDays, daysBetween, IsoDateSchema, type IsoDate } from './dates';
import {
  IdSchema,
  MembershipSchema,
  OrganizationSchema,
  PersonSchema,
  RoleSchema,
  SeatSchema,
  SECTORS,
  TermSchema,
  type Membership,
  type Sector,
  type Term,
} from './schemas';

// Nomination --------------------------------------------------------------------------------

export const NOMINATION_DECISIONS = ['reappoint', 'nominate', 'vacant', 'drop'] as const;
export const NominationDecisionSchema = z.enum(NOMINATION_DECISIONS);
export type NominationDecision = z.infer<typeof NominationDecisionSchema>;

export const NOMINATION_STATUSES = ['planned', 'requested', 'received', 'confirmed', 'declined'] as const;
export const NominationStatusSchema = z.enum(NOMINATION_STATUSES);
export type NominationStatus = z.infer<typeof NominationStatusSchema>;

/** Decisions that name a person for the seat (the others leave it empty or remove it). */
export const decisionNamesPerson = (decision: NominationDecision) => decision === 'reappoint' || decision === 'nominate';

const noteText = z
  .string()
  .trim()
  .max(2000)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { message: 'control_characters' })
  .default('');

const link = z
  .union([z.literal(''), z.url({ protocol: /^https?$/, message: 'url_format' }).max(2000)])
  .nullable()
  .default(null)
  .transform((v) => (v === '' ? null : v));

const nominationFields = {
  /** A seat of the new term. One nomination per seat. */
  seatId: IdSchema,
  decision: NominationDecisionSchema,
  status: NominationStatusSchema.default('planned'),
  /** The nominee: the holder to reappoint, or the person the organisation nominated. */
  personId: IdSchema.nullable().default(null),
  /** On whose behalf the nominee will sit; defaults to the seat's nominating organisation. */
  organizationId: IdSchema.nullable().default(null),
  role: RoleSchema.default('member'),
  title: z.string().trim().max(300).default(''),
  /** When the organisation was asked, and by when it should answer. */
  requestedOn: IsoDateSchema.nullable().default(null),
  dueDate: IsoDateSchema.nullable().default(null),
  note: noteText,
  /** The decision that appoints the nominee, and a link to it; copied to the membership. */
  decidedOn: IsoDateSchema.nullable().default(null),
  source: link,
};

type NominationShape = {
  decision: NominationDecision;
  status: NominationStatus;
  personId: string | null;
  requestedOn: string | null;
  dueDate: string | null;
};

/** Cross-field rules of a nomination (field errors with codes the SPA translates). */
function nominationConsistency(v: NominationShape, ctx: z.RefinementCtx) {
  if (!decisionNamesPerson(v.decision) && v.personId !== null) {
    ctx.addIssue({ code: 'custom', path: ['personId'], message: 'no_person_for_decision' });
  }
  if (v.decision === 'nominate' && (v.status === 'received' || v.status === 'confirmed') && v.personId === null) {
    ctx.addIssue({ code: 'custom', path: ['personId'], message: 'nominee_required' });
  }
  if (v.requestedOn && v.dueDate && v.dueDate < v.requestedOn) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'due_before_request' });
  }
}

export const NominationInputSchema = z.object(nominationFields).superRefine(nominationConsistency);
export type NominationInput = z.input<typeof NominationInputSchema>;

export const NominationSchema = z.object({
  id: IdSchema,
  version: z.number().int().positive(),
  seatId: IdSchema,
  decision: NominationDecisionSchema,
  status: NominationStatusSchema,
  personId: IdSchema.nullable(),
  organizationId: IdSchema.nullable(),
  role: RoleSchema,
  title: z.string(),
  requestedOn: IsoDateSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
  note: z.string(),
  decidedOn: IsoDateSchema.nullable(),
  source: z.string().nullable(),
});
export type Nomination = z.infer<typeof NominationSchema>;

/**
 * POST /api/nominations/bulk: one decision for many seats at once, all or nothing. Each item
 * names a seat and, when the seat already has a nomination, its version (a stale one is a 409).
 * The shared fields replace those of existing nominations; a reappointment without a person
 * takes the seat's current holder.
 */
export const NominationBulkInputSchema = z
  .object({
    items: z
      .array(z.object({ seatId: IdSchema, version: z.number().int().positive().optional() }).strict())
      .min(1)
      .max(1000),
    decision: NominationDecisionSchema,
    status: NominationStatusSchema.default('planned'),
    requestedOn: IsoDateSchema.nullable().default(null),
    dueDate: IsoDateSchema.nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.requestedOn && v.dueDate && v.dueDate < v.requestedOn) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'due_before_request' });
    }
    if (v.decision === 'nominate' && (v.status === 'received' || v.status === 'confirmed')) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'nominee_required' });
    }
  });
export type NominationBulkInput = z.input<typeof NominationBulkInputSchema>;

/** A seat is settled when nothing more needs doing before the switch-over. */
export function isSettled(n: Pick<Nomination, 'decision' | 'status' | 'personId'> | null | undefined): boolean {
  if (!n) return false;
  if (!decisionNamesPerson(n.decision)) return true;
  return n.status === 'confirmed' && n.personId !== null;
}

/** A request the organisation has not answered by its due date. */
export function isOverdue(n: Pick<Nomination, 'status' | 'dueDate'> | null | undefined, today: IsoDate): boolean {
  return !!n && n.status === 'requested' && n.dueDate !== null && n.dueDate < today;
}

// Renewal ------------------------------------------------------------------------------------

export const RenewalSchema = z.object({
  id: IdSchema,
  version: z.number().int().positive(),
  /** The term being renewed, and the term the renewal prepares. */
  fromTermId: IdSchema,
  toTermId: IdSchema,
  /** When the switch-over happened (ISO 8601, UTC); null while the renewal is being prepared. */
  switchedOverAt: z.string().nullable(),
});
export type Renewal = z.infer<typeof RenewalSchema>;

/** The same day n years later (29 February becomes 28 February in a common year). */
function addYears(date: IsoDate, n: number): IsoDate {
  const year = String(Number(date.slice(0, 4)) + n).padStart(4, '0');
  const moved = `${year}${date.slice(4)}`;
  return moved.endsWith('-02-29') && addDays(moved, 0) !== moved ? `${year}-02-28` : moved;
}

/**
 * The next term proposed when a renewal starts: from the day after the current one ends, as
 * long as it. A term of whole years (2018-01-01..2021-12-31, or 1 March to the last day of
 * February) gives the same number of whole years; any other term the same number of days. The
 * label is the years it spans ("2022-2025").
 */
export function proposeNextTerm(term: Pick<Term, 'startDate' | 'endDate'>): {
  label: string;
  startDate: IsoDate;
  endDate: IsoDate;
} {
  const startDate = addDays(term.endDate, 1);
  const year = (d: IsoDate) => Number(d.slice(0, 4));
  const years = year(startDate) - year(term.startDate);
  const wholeYears = years > 0 && addDays(addYears(term.startDate, years), -1) === term.endDate;
  const endDate = wholeYears
    ? addDays(addYears(startDate, years), -1)
    : addDays(startDate, daysBetween(term.startDate, term.endDate));
  const label = year(startDate) === year(endDate) ? String(year(startDate)) : `${year(startDate)}-${year(endDate)}`;
  return { label, startDate, endDate };
}

/** Start a renewal: the next term's dates and label, all optional (proposeNextTerm fills them). */
export const RenewalStartInputSchema = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    startDate: IsoDateSchema.optional(),
    endDate: IsoDateSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
    }
  });
export type RenewalStartInput = z.input<typeof RenewalStartInputSchema>;

/** POST /api/terms/:id/switch-over. Unsettled seats named here start the new term vacant. */
export const SwitchOverInputSchema = z
  .object({ vacantSeatIds: z.array(IdSchema).max(1000).default([]) })
  .strict();
export type SwitchOverInput = z.input<typeof SwitchOverInputSchema>;

// The whole state (GET /api/terms/:id/renewal) -------------------------------------------------

const HolderSchema = z.object({
  membership: MembershipSchema,
  person: PersonSchema,
  organization: OrganizationSchema.nullable(),
});
export type Holder = z.infer<typeof HolderSchema>;

export const RenewalSeatSchema = z.object({
  seat: SeatSchema,
  body: z.object({ id: IdSchema, name: z.string() }),
  /** The seat of the current term this one continues; null for a seat new in this term. */
  previousSeat: SeatSchema.nullable(),
  /** Who holds the previous seat on the current term's last day. */
  currentHolder: HolderSchema.nullable(),
  nominatingOrganization: OrganizationSchema.nullable(),
  nomination: NominationSchema.nullable(),
  nominee: PersonSchema.nullable(),
  settled: z.boolean(),
  overdue: z.boolean(),
});
export type RenewalSeat = z.infer<typeof RenewalSeatSchema>;

export const RENEWAL_CHECKS = ['undecided', 'unconfirmed', 'overdue', 'body-chair', 'person-body', 'seat-holder'] as const;
export const RenewalCheckSchema = z.object({
  rule: z.enum(RENEWAL_CHECKS),
  /** The seat (of the new term) the check is about, and the other seat it collides with. */
  seatId: IdSchema,
  otherSeatId: IdSchema.optional(),
  /** Blocking checks refuse the switch-over; undecided/unconfirmed seats can start vacant by name. */
  blocking: z.boolean(),
  summary: z.string(),
});
export type RenewalCheck = z.infer<typeof RenewalCheckSchema>;

const SectorCountsSchema = z.object({
  ...(Object.fromEntries(SECTORS.map((s) => [s, z.number().int()])) as Record<Sector, z.ZodNumber>),
  none: z.number().int(),
  vacant: z.number().int(),
});
export type SectorCounts = z.infer<typeof SectorCountsSchema>;

const ComparedPersonSchema = z.object({
  person: PersonSchema,
  /** Seat labels in the current term (continuing, leaving) and the new one (continuing, new). */
  currentSeats: z.array(z.string()),
  nextSeats: z.array(z.string()),
});
export type ComparedPerson = z.infer<typeof ComparedPersonSchema>;

export const ComparisonSchema = z.object({
  continuing: z.array(ComparedPersonSchema),
  leaving: z.array(ComparedPersonSchema),
  joining: z.array(ComparedPersonSchema),
  newSeats: z.array(SeatSchema),
  /** Seats of the current term with no successor (removed, or decided dropped). */
  droppedSeats: z.array(SeatSchema),
  /** Seats of the new term (not dropped) without a confirmed nominee on its first day. */
  vacantOnDayOne: z.array(SeatSchema),
  /** Seats the new term will have (dropped ones left out). */
  seatCount: z.number().int(),
  currentSeatCount: z.number().int(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const RenewalStateSchema = z.object({
  term: TermSchema,
  nextTerm: TermSchema,
  renewal: RenewalSchema,
  seats: z.array(RenewalSeatSchema),
  progress: z.object({
    settled: z.number().int(),
    total: z.number().int(),
    undecided: z.number().int(),
    overdue: z.number().int(),
  }),
  checks: z.array(RenewalCheckSchema),
  balance: z.object({ current: SectorCountsSchema, next: SectorCountsSchema }),
  comparison: ComparisonSchema,
});
export type RenewalState = z.infer<typeof RenewalStateSchema>;

export const SwitchOverResultSchema = z.object({
  nextTerm: TermSchema,
  renewal: RenewalSchema,
  created: z.array(MembershipSchema),
  ended: z.array(MembershipSchema),
  removedSeatIds: z.array(IdSchema),
});
export type SwitchOverResult = z.infer<typeof SwitchOverResultSchema>;

/** GET /api/settings: what the SPA needs to know of the server's configuration. */
export const SettingsSchema = z.object({
  /** The dashboard shows the renewal banner this many days before the current term ends. */
  renewalReminderDays: z.number().int().min(0),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Whether the renewal reminder shows for a term on a date. */
export function renewalDue(term: Pick<Term, 'startDate' | 'endDate'>, today: IsoDate, reminderDays: number): boolean {
  return today >= term.startDate && today <= term.endDate && daysBetween(today, term.endDate) <= reminderDays;
}

/** The holder's data a reappointment copies into the nomination. */
export function reappointmentOf(m: Pick<Membership, 'personId' | 'organizationId' | 'role' | 'title'>) {
  return { personId: m.personId, organizationId: m.organizationId, role: m.role, title: m.title };
}

/** A named nominee on a seat of the new term, as the rule checks see it. */
export interface PlannedHolder {
  seatId: string;
  bodyId: string;
  personId: string;
  role: Membership['role'];
}

export interface PlannedConflict {
  rule: 'body-chair' | 'person-body';
  seatId: string;
  otherSeatId: string;
}

/**
 * The rules of DESIGN.md over the new term's first day, before any membership exists: one
 * chair per body, one seat per person per body. Each pair is reported once, on the later seat
 * of the list (the earlier one is "the other seat").
 */
export function plannedConflicts(planned: readonly PlannedHolder[]): PlannedConflict[] {
  const conflicts: PlannedConflict[] = [];
  planned.forEach((p, i) => {
    for (const other of planned.slice(0, i)) {
      if (other.bodyId !== p.bodyId || other.seatId === p.seatId) continue;
      if (other.personId === p.personId) conflicts.push({ rule: 'person-body', seatId: p.seatId, otherSeatId: other.seatId });
      if (p.role === 'chair' && other.role === 'chair') {
        conflicts.push({ rule: 'body-chair', seatId: p.seatId, otherSeatId: other.seatId });
      }
    }
  });
  return conflicts;
}

/** The end reason a switch-over writes on the memberships it ends with the old term. */
export const TERM_ENDED_REASON = 'term-ended';
