/**
 * The domain's records and their inputs, as zod schemas. One contract: the server validates
 * requests with the *Input schemas, the SPA parses responses with the record schemas, and
 * forms use the same *Input schemas through zodResolver.
 */
import { z } from 'zod';
import { IsoDateSchema } from './dates';

export const SECTORS = ['municipality', 'business', 'union', 'education'] as const;
export const SectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof SectorSchema>;

export const ROLES = ['chair', 'vice-chair', 'member'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const BODY_KINDS = ['council', 'forum'] as const;
export const BodyKindSchema = z.enum(BODY_KINDS);
export type BodyKind = z.infer<typeof BodyKindSchema>;

export const IdSchema = z.string().min(1).max(64);

/** Text a person typed: trimmed, no control characters, bounded. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { message: 'control_characters' });
const requiredText = (max: number) => text(max).min(1);
const optionalText = (max: number) => text(max).nullable().default(null).transform((v) => (v === '' ? null : v));

const recordMeta = {
  id: IdSchema,
  version: z.number().int().positive(),
};

/** Danish phone number: 8 digits, optionally +45/0045 first; spaces and dashes allowed. */
export const DanishPhoneSchema = z
  .string()
  .trim()
  .regex(/^(?:(?:\+|00)45[\s-]?)?(?:\d[\s-]?){7}\d$/, { message: 'phone_format' });

export const DateRangeFields = {
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
};

function endNotBeforeStart(v: { startDate: string; endDate?: string | null }, ctx: z.RefinementCtx) {
  if (v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
  }
}

// Term ---------------------------------------------------------------------------------

export const TermInputSchema = z
  .object({
    label: requiredText(100),
    ...DateRangeFields,
  })
  .superRefine(endNotBeforeStart);
export type TermInput = z.input<typeof TermInputSchema>;
export const TermSchema = z.object({ ...recordMeta, label: z.string(), ...DateRangeFields });
export type Term = z.infer<typeof TermSchema>;

// Body ---------------------------------------------------------------------------------

export const BodyInputSchema = z.object({
  name: requiredText(200),
  kind: BodyKindSchema,
  parentId: IdSchema.nullable().default(null),
  purpose: text(4000).default(''),
});
export type BodyInput = z.input<typeof BodyInputSchema>;
export const BodySchema = z.object({
  ...recordMeta,
  name: z.string(),
  kind: BodyKindSchema,
  parentId: IdSchema.nullable(),
  purpose: z.string(),
});
export type Body = z.infer<typeof BodySchema>;

// Organization ---------------------------------------------------------------------------

export const OrganizationInputSchema = z.object({
  name: requiredText(200),
  sector: SectorSchema,
  otherNames: z.array(requiredText(200)).max(20).default([]),
});
export type OrganizationInput = z.input<typeof OrganizationInputSchema>;
export const OrganizationSchema = z.object({
  ...recordMeta,
  name: z.string(),
  sector: SectorSchema,
  otherNames: z.array(z.string()),
});
export type Organization = z.infer<typeof OrganizationSchema>;

// Person -------------------------------------------------------------------------------

export const PersonInputSchema = z.object({
  name: requiredText(200),
  email: z
    .union([z.literal(''), z.email({ message: 'email_format' }).max(254)])
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  phone: z
    .union([z.literal(''), DanishPhoneSchema])
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  notes: text(4000).default(''),
});
export type PersonInput = z.input<typeof PersonInputSchema>;
export const PersonSchema = z.object({
  ...recordMeta,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

// Seat (Popolo Post) ---------------------------------------------------------------------

export const SeatInputSchema = z.object({
  termId: IdSchema,
  bodyId: IdSchema,
  label: requiredText(200),
  nominatingOrganizationId: IdSchema.nullable().default(null),
  reservedSector: SectorSchema.nullable().default(null),
  /** The seat of the previous term this one continues (set when a renewal copies it). */
  previousSeatId: IdSchema.nullable().default(null),
});
export type SeatInput = z.input<typeof SeatInputSchema>;
export const SeatSchema = z.object({
  ...recordMeta,
  termId: IdSchema,
  bodyId: IdSchema,
  label: z.string(),
  nominatingOrganizationId: IdSchema.nullable(),
  reservedSector: SectorSchema.nullable(),
  // Added in schema version 3: absent in older backups, read as none.
  previousSeatId: IdSchema.nullable().default(null),
});
export type Seat = z.infer<typeof SeatSchema>;

// Membership -----------------------------------------------------------------------------

/** A link to a decision (minutes, a case): http(s) only; '' means none. */
const decisionLink = () =>
  z
    .union([z.literal(''), z.url({ protocol: /^https?$/, message: 'url_format' }).max(2000)])
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

export const MembershipInputSchema = z
  .object({
    seatId: IdSchema,
    personId: IdSchema,
    /** On whose behalf the person sits (Popolo on_behalf_of); defaults to the seat's nominator. */
    organizationId: IdSchema.nullable().default(null),
    role: RoleSchema.default('member'),
    title: text(300).default(''),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema.nullable().default(null),
    endReason: optionalText(500),
    decidedOn: IsoDateSchema.nullable().default(null),
    source: decisionLink(),
    /** The decision that ended the membership (vacancy, change, replacement), and its link. */
    endDecidedOn: IsoDateSchema.nullable().default(null),
    endSource: decisionLink(),
  })
  .superRefine(endNotBeforeStart);
export type MembershipInput = z.input<typeof MembershipInputSchema>;
export const MembershipSchema = z.object({
  ...recordMeta,
  seatId: IdSchema,
  personId: IdSchema,
  organizationId: IdSchema.nullable(),
  role: RoleSchema,
  title: z.string(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullable(),
  endReason: z.string().nullable(),
  decidedOn: IsoDateSchema.nullable(),
  source: z.string().nullable(),
  // Added in schema version 2: absent in older backups, read as none.
  endDecidedOn: IsoDateSchema.nullable().default(null),
  endSource: z.string().nullable().default(null),
});
export type Membership = z.infer<typeof MembershipSchema>;

// Roster (a read model) -----------------------------------------------------------------

export const RosterQuerySchema = z.object({
  bodyId: IdSchema.optional(),
  asOf: IsoDateSchema.optional(),
});

export const RosterEntrySchema = z.object({
  seat: SeatSchema,
  membership: MembershipSchema.nullable(),
  person: PersonSchema.nullable(),
  organization: OrganizationSchema.nullable(),
  /** The sector the seat counts for: its holder's organisation's, else the seat's reserved one. */
  sector: SectorSchema.nullable(),
  vacant: z.boolean(),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

export const RosterSchema = z.object({
  asOf: IsoDateSchema,
  body: BodySchema,
  term: TermSchema.nullable(),
  entries: z.array(RosterEntrySchema),
});
export type Roster = z.infer<typeof RosterSchema>;

// Errors (RFC 9457 problem details) --------------------------------------------------------

export const FieldErrorSchema = z.object({
  /** Dotted path of the field, e.g. "endDate" or "otherNames.1". */
  field: z.string(),
  /** Machine-readable code that clients translate (zod issue code or a domain code). */
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ConflictSchema = z.object({
  rule: z.string(),
  entity: z.string(),
  id: z.string(),
  field: z.string().optional(),
  /** A human-readable summary of the conflicting record (names and dates), no contact data. */
  summary: z.string().optional(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
  conflicts: z.array(ConflictSchema).optional(),
  /** A stale write's 409: the record as it is now, so the client can reload or compare. */
  current: z.record(z.string(), z.unknown()).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

// Membership actions (segments over time) ----------------------------------------------------

/**
 * POST /api/memberships/:id/change: a role or title change (same person) or a replacement
 * (another personId) from effectiveDate. Absent fields keep the old segment's values, except
 * that a replacement starts with no title and no organisation unless they are given.
 * decidedOn and source describe this change, so they are not copied from the old segment.
 */
export const MembershipChangeInputSchema = z
  .object({
    effectiveDate: IsoDateSchema,
    role: RoleSchema.optional(),
    title: text(300).optional(),
    personId: IdSchema.optional(),
    organizationId: IdSchema.nullable().optional(),
    decidedOn: MembershipInputSchema.shape.decidedOn,
    source: MembershipInputSchema.shape.source,
  })
  .strict();
export type MembershipChangeInput = z.input<typeof MembershipChangeInputSchema>;

/** POST /api/memberships/:id/end: the last day in the seat (the seat is vacant from the next day) and why. */
export const MembershipEndInputSchema = z
  .object({
    endDate: IsoDateSchema,
    endReason: requiredText(500),
    /** The decision to end it, and a link to it: optional. */
    decidedOn: MembershipInputSchema.shape.endDecidedOn.optional(),
    source: MembershipInputSchema.shape.endSource.optional(),
  })
  .strict();
export type MembershipEndInput = z.input<typeof MembershipEndInputSchema>;

/** The answer of every membership action: the segments it wrote, oldest first. */
export const MembershipSegmentsSchema = z.object({ segments: z.array(MembershipSchema) });
export type MembershipSegments = z.infer<typeof MembershipSegmentsSchema>;

// Audit trail ----------------------------------------------------------------------------

/**
 * One event of the audit trail (GET /api/audit), as server/store/store.ts records it: who
 * (an actor name, 'system' or 'anonymous') did what to which record, with the record before
 * the change (null for create) and after it (null for delete).
 */
export const AuditEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  entity: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
