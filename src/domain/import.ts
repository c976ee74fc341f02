/**
 * Import and export contracts (issue #7), shared by the server and the SPA's review table:
 *
 *   POST /api/import/preview   ImportPreviewRequest  -> ImportPreview    (writes nothing)
 *   POST /api/import/commit    ImportCommitRequest   -> ImportCommitResult (all or nothing)
 *   GET  /api/export/roster.csv?bodyId=&asOf= | ?termId=[&bodyId=]      (RosterCsvQuery)
 *   GET  /api/export/popolo?termId=                   -> PopoloDocument
 *
 * A preview row carries a `proposal`: the commit row the server would write, so the review
 * table edits proposals and sends them back as `rows`. See docs/decisions/006-import-export.md.
 */
import { z } from 'zod';
import { IsoDateSchema } from './dates';
import {
  DanishPhoneSchema,
  FieldErrorSchema,
  IdSchema,
  MembershipInputSchema,
  OrganizationInputSchema,
  PersonInputSchema,
  SeatInputSchema,
  SectorSchema,
} from './schemas';

export const IMPORT_FORMATS = ['text', 'csv', 'popolo'] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** Characters of `content` a preview accepts (about 100,000 CSV rows). */
export const IMPORT_MAX_CONTENT = 10_000_000;
/** Rows one commit accepts. */
export const IMPORT_MAX_ROWS = 20_000;

/** The fields a row can carry; CSV columns map to them. */
export const IMPORT_FIELDS = [
  'name',
  'title',
  'organization',
  'sector',
  'email',
  'phone',
  'role',
  'seat',
  'startDate',
  'endDate',
  'body',
] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportFieldSchema>;

/**
 * CSV only: the header that holds each field, as written in the file (compared case- and
 * accent-insensitively); null leaves a field out. Fields not named here are found by their
 * usual Danish or English header (navn/name, titel/title, ...).
 */
export const ImportColumnsSchema = z.partialRecord(ImportFieldSchema, z.string().trim().min(1).max(200).nullable());
export type ImportColumns = z.infer<typeof ImportColumnsSchema>;

export const ImportPreviewRequestSchema = z
  .object({
    format: ImportFormatSchema,
    content: z.string().max(IMPORT_MAX_CONTENT),
    termId: IdSchema,
    bodyId: IdSchema,
    columns: ImportColumnsSchema.optional(),
  })
  .strict();
export type ImportPreviewRequest = z.input<typeof ImportPreviewRequestSchema>;

// Commit -------------------------------------------------------------------------------------

/**
 * Who holds the seat: an existing person `{ id }`, or a new one `{ name, email?, phone?, notes? }`.
 * New people with the same `ref` are one person (the preview gives rows with the same name one
 * ref); a new person without a ref is created for that row alone.
 */
export const ImportPersonRefSchema = z
  .object({
    id: IdSchema.optional(),
    ref: z.string().trim().min(1).max(200).optional(),
    name: PersonInputSchema.shape.name.optional(),
    email: z
      .union([z.literal(''), z.email({ message: 'email_format' }).max(254)])
      .nullable()
      .optional(),
    phone: z.union([z.literal(''), DanishPhoneSchema]).nullable().optional(),
    notes: PersonInputSchema.shape.notes.unwrap().optional(),
  })
  .strict();
export type ImportPersonRef = z.input<typeof ImportPersonRefSchema>;

/**
 * On whose behalf: an existing organisation `{ id }`, or a new one `{ name, sector, otherNames? }`.
 * New organisations whose names (or other names) are the same after folding case, accents,
 * hyphens and spaces are one organisation.
 */
export const ImportOrganizationRefSchema = z
  .object({
    id: IdSchema.optional(),
    name: OrganizationInputSchema.shape.name.optional(),
    sector: SectorSchema.optional(),
    otherNames: OrganizationInputSchema.shape.otherNames.unwrap().optional(),
  })
  .strict();
export type ImportOrganizationRef = z.input<typeof ImportOrganizationRefSchema>;

/**
 * One reviewed row: one seat in the body and term, held from startDate (default: the request's
 * startDate, else the term's start). `person: null` creates the seat vacant. Rows with the same
 * `seat` label share one seat (successive holders); without a label the seat is named after
 * the organisation, numbered when it has several ("Horsens Kommune 1").
 */
export const ImportCommitRowSchema = z
  .object({
    /** Where the row came from (line of the text or CSV), echoed in errors and the result. */
    line: z.number().int().positive().optional(),
    person: ImportPersonRefSchema.nullable(),
    organization: ImportOrganizationRefSchema.nullable(),
    title: MembershipInputSchema.shape.title,
    role: MembershipInputSchema.shape.role,
    seat: SeatInputSchema.shape.label.optional(),
    startDate: IsoDateSchema.optional(),
    endDate: IsoDateSchema.nullable().optional(),
    endReason: MembershipInputSchema.shape.endReason,
    /** Link to the decision (Popolo: the membership's first source). */
    source: z.url({ protocol: /^https?$/, message: 'url_format' }).max(2000).optional(),
  })
  .strict();
export type ImportCommitRow = z.input<typeof ImportCommitRowSchema>;

export const ImportCommitRequestSchema = z
  .object({
    termId: IdSchema,
    bodyId: IdSchema,
    startDate: IsoDateSchema.optional(),
    rows: z.array(ImportCommitRowSchema).min(1).max(IMPORT_MAX_ROWS),
  })
  .strict();
export type ImportCommitRequest = z.input<typeof ImportCommitRequestSchema>;

export const ImportCommitResultSchema = z.object({
  termId: IdSchema,
  bodyId: IdSchema,
  created: z.object({
    people: z.number().int(),
    organizations: z.number().int(),
    seats: z.number().int(),
    memberships: z.number().int(),
  }),
  /** One per request row, in order. */
  rows: z.array(
    z.object({
      line: z.number().int().positive().optional(),
      seatId: IdSchema,
      personId: IdSchema.nullable(),
      organizationId: IdSchema.nullable(),
      membershipId: IdSchema.nullable(),
    }),
  ),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResultSchema>;

// Preview ------------------------------------------------------------------------------------

/** A problem with a row or the document, with the line it is on (null when it has none). */
export const ImportIssueSchema = FieldErrorSchema.extend({ line: z.number().int().positive().nullable() });
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/**
 * new: nothing matches, the commit creates it; matched: one existing record (personId or
 * organizationId); ambiguous: several could be meant (candidates), the reviewer chooses;
 * none: the row has none (a vacant seat, or no organisation written).
 */
export const MATCH_STATUSES = ['new', 'matched', 'ambiguous', 'none'] as const;
export const MatchStatusSchema = z.enum(MATCH_STATUSES);
export type MatchStatus = z.infer<typeof MatchStatusSchema>;

export const PersonCandidateSchema = z.object({ id: IdSchema, name: z.string() });
export const PersonMatchSchema = z.object({
  status: MatchStatusSchema,
  personId: IdSchema.optional(),
  /** For a new person: rows with the same ref will be one person. */
  ref: z.string().optional(),
  candidates: z.array(PersonCandidateSchema),
});
export type PersonMatch = z.infer<typeof PersonMatchSchema>;

export const OrganizationCandidateSchema = z.object({
  id: IdSchema,
  name: z.string(),
  sector: SectorSchema,
  /** The name or other name that matched the written one. */
  matchedName: z.string(),
  /** Edits between the two after folding case, accents, hyphens and spaces (0 = the same). */
  distance: z.number().int().min(0),
});
export const SECTOR_SOURCES = ['written', 'guessed', 'default'] as const;
export const OrganizationMatchSchema = z.object({
  status: MatchStatusSchema,
  organizationId: IdSchema.optional(),
  candidates: z.array(OrganizationCandidateSchema),
  /** The organisation the row will name: the existing one's name, or the new one's. */
  name: z.string().nullable(),
  /** For a new organisation: its sector as written, guessed from its name, or the default (business). */
  proposedSector: SectorSchema.nullable(),
  sectorSource: z.enum(SECTOR_SOURCES).nullable(),
});
export type OrganizationMatch = z.infer<typeof OrganizationMatchSchema>;

/** A row's fields as written (trimmed), before matching. */
export const ImportParsedSchema = z.object({
  name: z.string().nullable(),
  title: z.string(),
  organization: z.string().nullable(),
  sector: z.string().nullable(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  seat: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  source: z.string().nullable(),
});
export type ImportParsed = z.infer<typeof ImportParsedSchema>;

export const ImportPreviewRowSchema = z.object({
  /** Text and CSV: the line in `content` (1-based); Popolo: the row's position. */
  line: z.number().int().positive(),
  raw: z.string(),
  parsed: ImportParsedSchema,
  person: PersonMatchSchema,
  organization: OrganizationMatchSchema,
  errors: z.array(ImportIssueSchema),
  /** The commit row the server proposes; null while the row has errors or an ambiguous match. */
  proposal: ImportCommitRowSchema.nullable(),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRowSchema>;

export const CSV_DELIMITERS = [';', ',', '\t'] as const;

export const ImportPreviewSchema = z.object({
  format: ImportFormatSchema,
  termId: IdSchema,
  bodyId: IdSchema,
  /** CSV only: the dialect found, the header row, and which header each field was read from. */
  csv: z
    .object({
      delimiter: z.enum(CSV_DELIMITERS),
      headers: z.array(z.string()),
      columns: z.partialRecord(ImportFieldSchema, z.string().nullable()),
    })
    .nullable(),
  /** Problems with the document as a whole (nothing to read, a missing column, malformed JSON). */
  errors: z.array(ImportIssueSchema),
  /** Text only: bulleted lines that were not read as rows (e.g. no comma), for the reviewer to check. */
  skipped: z.array(z.object({ line: z.number().int().positive(), raw: z.string(), reason: z.string() })),
  rows: z.array(ImportPreviewRowSchema),
  summary: z.object({
    rows: z.number().int(),
    rowsWithErrors: z.number().int(),
    /** Distinct people and organisations: a new one written in several rows counts once. */
    people: z.object({ new: z.number().int(), matched: z.number().int(), ambiguous: z.number().int() }),
    organizations: z.object({ new: z.number().int(), matched: z.number().int(), ambiguous: z.number().int() }),
  }),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

// Export ------------------------------------------------------------------------------------

/**
 * GET /api/export/roster.csv: the roster of a body (default: the council) as of a date
 * (default: today), or with termId every membership segment of every seat in the term
 * (optionally of one body). asOf and termId exclude each other.
 */
export const RosterCsvQuerySchema = z
  .object({ bodyId: IdSchema.optional(), asOf: IsoDateSchema.optional(), termId: IdSchema.optional() })
  .strict();

export const PopoloQuerySchema = z.object({ termId: IdSchema }).strict();

// Popolo (http://www.popoloproject.com/), the subset this app writes and reads --------------

const nullableText = z.string().nullish();

export const PopoloPersonSchema = z.looseObject({ id: z.string().min(1), name: z.string() });
export const PopoloOrganizationSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  /** council or forum for a body; the sector (municipality, business, ...) for a member organisation. */
  classification: nullableText,
  parent_id: nullableText,
  description: nullableText,
  other_names: z.array(z.looseObject({ name: z.string() })).optional(),
});
export const PopoloPostSchema = z.looseObject({
  id: z.string().min(1),
  label: nullableText,
  organization_id: nullableText,
  start_date: nullableText,
  end_date: nullableText,
});
export const PopoloMembershipSchema = z.looseObject({
  id: nullableText,
  person_id: nullableText,
  organization_id: nullableText,
  post_id: nullableText,
  on_behalf_of_id: nullableText,
  role: nullableText,
  /** The member's title, e.g. "Konst. direktør, Teknik og Miljø". */
  label: nullableText,
  start_date: nullableText,
  end_date: nullableText,
  sources: z.array(z.looseObject({ url: z.string(), note: nullableText })).optional(),
});
export const PopoloDocumentSchema = z.looseObject({
  persons: z.array(PopoloPersonSchema).default([]),
  organizations: z.array(PopoloOrganizationSchema).default([]),
  posts: z.array(PopoloPostSchema).default([]),
  memberships: z.array(PopoloMembershipSchema).default([]),
});
export type PopoloDocument = z.infer<typeof PopoloDocumentSchema>;
export type PopoloPerson = z.infer<typeof PopoloPersonSchema>;
export type PopoloOrganization = z.infer<typeof PopoloOrganizationSchema>;
export type PopoloPost = z.infer<typeof PopoloPostSchema>;
export type PopoloMembership = z.infer<typeof PopoloMembershipSchema>;
