/**
 * Reads a backup file (db:export's JSON) back into a Dump, checking every record against the
 * domain schemas first, so db:import never loads something the API could not have written.
 */
import { z } from 'zod';
import {
  BodySchema,
  MembershipSchema,
  OrganizationSchema,
  PersonSchema,
  SeatSchema,
  TermSchema,
} from '../../src/domain/schemas';
import { NominationSchema, RenewalSchema } from '../../src/domain/renewal';
import { AUDIT_ACTIONS, ENTITY_NAMES, type Dump } from './store';

const AuditEventSchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actor: z.string().min(1),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.enum(ENTITY_NAMES),
  entityId: z.string().min(1),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

const DumpSchema = z.object({
  format: z.literal('alliance-roster-dump'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  records: z.object({
    terms: z.array(TermSchema),
    bodies: z.array(BodySchema),
    organizations: z.array(OrganizationSchema),
    people: z.array(PersonSchema),
    seats: z.array(SeatSchema),
    memberships: z.array(MembershipSchema),
    // Added in schema version 3 (term renewal): absent in older backups.
    renewals: z.array(RenewalSchema).default([]),
    nominations: z.array(NominationSchema).default([]),
  }),
  audit: z.array(AuditEventSchema),
});

export class InvalidDumpError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not an Alliance Roster backup:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'InvalidDumpError';
  }
}

/** The dump in a parsed backup file; throws InvalidDumpError naming the bad paths (never values). */
export function parseDump(json: unknown): Dump {
  const result = DumpSchema.safeParse(json);
  if (!result.success) {
    throw new InvalidDumpError(result.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`));
  }
  return result.data;
}
