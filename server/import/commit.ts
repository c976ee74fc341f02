/**
 * POST /api/import/commit: writes reviewed rows into one body and term, inside the caller's
 * transaction, so it is all or nothing. Per row: the person (existing or new, new ones shared
 * by `ref`), the organisation (existing or new, new ones shared by folded name), a seat (by
 * label, else named after the organisation and numbered when it has several) and a membership
 * from the row's start (else the request's, else the term's), checked by checkMembership like
 * any other write. Field errors name the row: `rows.3.organization.name`.
 */
import type { z } from 'zod';
import type { ImportCommitRequestSchema, ImportCommitResult } from '../../src/domain/import';
import {
  OrganizationInputSchema,
  type Conflict,
  type FieldError,
  type Membership,
  type Organization,
  type Person,
  type Seat,
  type Sector,
} from '../../src/domain/schemas';
import { checkMembership } from '../entities';
import { ProblemError, conflictProblem, unknownReference, validationProblem } from '../http/problem';
import type { Data, Repos } from '../store/store';
import { indexedRepos } from './indexed-repos';
import { compactKey } from './matching';

type CommitRequest = z.output<typeof ImportCommitRequestSchema>;
type CommitRow = CommitRequest['rows'][number];

interface NewOrganization {
  firstRow: number;
  name: string;
  sector: Sector;
  otherNames: string[];
  record?: Organization;
}

/** What a row's organisation resolves to: an existing record, a new one, or none. */
type OrgTarget = { existing: Organization } | { created: NewOrganization } | null;

const LABEL_MAX = 200;

/** checkMembership names the fields of a membership; a commit names the row's. */
const ROW_FIELD: Record<string, string> = { seatId: 'seat', personId: 'person', organizationId: 'organization' };

function rowPrefix(index: number, row: CommitRow): string {
  return `Row ${index + 1}${row.line ? ` (line ${row.line})` : ''}`;
}

export async function commitImport(tx: Repos, request: CommitRequest): Promise<ImportCommitResult> {
  const [term, body] = await Promise.all([tx.terms.get(request.termId), tx.bodies.get(request.bodyId)]);
  const refErrors: FieldError[] = [];
  if (!term) refErrors.push(unknownReference('termId'));
  if (!body) refErrors.push(unknownReference('bodyId'));
  if (!term || !body) throw validationProblem(refErrors, 'The request refers to records that do not exist.');

  const [people, organizations] = await Promise.all([tx.people.list(), tx.organizations.list()]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const organizationById = new Map(organizations.map((o) => [o.id, o]));
  const existingByKey = new Map<string, Organization>();
  for (const o of organizations) for (const n of [o.name, ...o.otherNames]) existingByKey.set(compactKey(n), o);

  // 1. Check every row and resolve its organisation; report all field errors at once.
  const errors: FieldError[] = [];
  const duplicates: { index: number; existing: Organization }[] = [];
  const newByKey = new Map<string, NewOrganization>();
  const targets: OrgTarget[] = request.rows.map((row, i) => {
    const at = (field: string) => `rows.${i}.${field}`;
    const { person, organization: org } = row;
    if (person) {
      const isNew = person.name !== undefined || !!person.email || !!person.phone || !!person.notes;
      if (person.id !== undefined && isNew) {
        errors.push({ field: at('person'), code: 'id_or_new', message: 'Give the id of an existing person or the name of a new one, not both.' });
      } else if (person.id !== undefined && !personById.has(person.id)) {
        errors.push(unknownReference(at('person.id')));
      } else if (person.id === undefined && person.name === undefined) {
        errors.push({ field: at('person.name'), code: 'required', message: 'A new person needs a name.' });
      }
    }
    if (!org && row.seat === undefined) {
      errors.push({ field: at('seat'), code: 'required', message: 'Give a seat label or an organisation to name the seat after.' });
    }
    const start = row.startDate ?? request.startDate ?? term.startDate;
    if (row.endDate && row.endDate < start) {
      errors.push({ field: at('endDate'), code: 'end_before_start', message: 'The end date is before the start date.' });
    }
    if (!org) return null;
    if (org.id !== undefined) {
      if (org.name !== undefined || org.sector !== undefined || (org.otherNames?.length ?? 0) > 0) {
        errors.push({ field: at('organization'), code: 'id_or_new', message: 'Give the id of an existing organisation or the name of a new one, not both.' });
        return null;
      }
      const existing = organizationById.get(org.id);
      if (!existing) errors.push(unknownReference(at('organization.id')));
      return existing ? { existing } : null;
    }
    if (org.name === undefined) {
      errors.push({ field: at('organization.name'), code: 'required', message: 'A new organisation needs a name.' });
      return null;
    }
    if (org.sector === undefined) {
      errors.push({ field: at('organization.sector'), code: 'required', message: 'A new organisation needs a sector.' });
      return null;
    }
    const names = [org.name, ...(org.otherNames ?? [])];
    const keys = names.map(compactKey);
    const clash = keys.map((k) => existingByKey.get(k)).find((o) => o !== undefined);
    if (clash) duplicates.push({ index: i, existing: clash });
    let created = keys.map((k) => newByKey.get(k)).find((o) => o !== undefined);
    if (created) {
      if (created.sector !== org.sector) {
        errors.push({ field: at('organization.sector'), code: 'sector_conflict', message: `The same new organisation has another sector in row ${created.firstRow + 1}.` });
      }
      const known = new Set([created.name, ...created.otherNames]);
      created.otherNames.push(...names.filter((n) => !known.has(n)));
    } else {
      created = { firstRow: i, name: org.name, sector: org.sector, otherNames: [...new Set(org.otherNames ?? [])] };
    }
    for (const k of keys) newByKey.set(k, created);
    return { created };
  });
  for (const created of new Set(newByKey.values())) {
    const result = OrganizationInputSchema.safeParse(created);
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ field: `rows.${created.firstRow}.organization.${issue.path.join('.')}`, code: issue.code, message: issue.message });
      }
    }
  }
  if (errors.length) {
    const rows = new Set(errors.map((e) => e.field.split('.')[1])).size;
    throw validationProblem(errors, `${rows} row${rows === 1 ? ' has' : 's have'} invalid fields; nothing was imported.`);
  }
  if (duplicates.length) {
    const conflicts: Conflict[] = duplicates.map(({ existing }) => ({
      rule: 'duplicate-organization',
      entity: 'organization',
      id: existing.id,
      summary: existing.name,
    }));
    throw conflictProblem(
      'A new organisation has the name of an existing one: use the existing one (its id) instead. Nothing was imported.',
      conflicts,
      duplicates.map(({ index }) => ({ field: `rows.${index}.organization.name`, code: 'duplicate', message: 'An organisation with this name exists.' })),
    );
  }

  // 2. Write, checking every membership against the rules as it goes.
  const { repos, forCandidate } = await indexedRepos(tx, body.id);
  const created = { people: 0, organizations: 0, seats: 0, memberships: 0 };
  const organizationOf = async (target: OrgTarget): Promise<Organization | null> => {
    if (!target) return null;
    if ('existing' in target) return target.existing;
    if (!target.created.record) {
      const { name, sector, otherNames } = target.created;
      target.created.record = await repos.organizations.insert({ name, sector, otherNames });
      created.organizations++;
    }
    return target.created.record;
  };

  const newPeople = new Map<string, Person>();
  const personOf = async (row: CommitRow, index: number): Promise<Person | null> => {
    const p = row.person;
    if (!p) return null;
    if (p.id !== undefined) return personById.get(p.id) ?? null;
    const key = p.ref !== undefined ? `ref:${p.ref}` : `row:${index}`;
    let person = newPeople.get(key);
    if (!person) {
      person = await repos.people.insert({ name: p.name ?? '', email: p.email || null, phone: p.phone || null, notes: p.notes ?? '' });
      newPeople.set(key, person);
      created.people++;
    }
    return person;
  };

  // Seats: a label names one seat (an existing one of the body and term, or a new one); rows
  // without a label get one per row, named after the organisation, numbered when it has several.
  const termSeats = (await repos.seats.list({ bodyId: body.id })).filter((s) => s.termId === term.id);
  const seatByLabel = new Map<string, Seat>(termSeats.map((s) => [s.label, s]));
  const usedLabels = new Set([...termSeats.map((s) => s.label), ...request.rows.flatMap((r) => (r.seat ? [r.seat] : []))]);
  const autoRows = new Map<Organization | NewOrganization, number[]>();
  request.rows.forEach((row, i) => {
    const target = targets[i];
    if (row.seat !== undefined || !target) return;
    const key = 'existing' in target ? target.existing : target.created;
    autoRows.set(key, [...(autoRows.get(key) ?? []), i]);
  });
  const autoLabel = new Map<number, string>();
  for (const [org, indexes] of autoRows) {
    const name = org.name.slice(0, LABEL_MAX - 6).trim();
    if (indexes.length === 1 && !usedLabels.has(name)) {
      autoLabel.set(indexes[0] ?? 0, name);
      usedLabels.add(name);
      continue;
    }
    let n = usedLabels.has(name) ? 2 : 1;
    for (const i of indexes) {
      while (usedLabels.has(`${name} ${n}`)) n++;
      autoLabel.set(i, `${name} ${n}`);
      usedLabels.add(`${name} ${n}`);
    }
  }

  const results: ImportCommitResult['rows'] = [];
  for (const [i, row] of request.rows.entries()) {
    const organization = await organizationOf(targets[i] ?? null);
    const person = await personOf(row, i);
    const label = row.seat ?? autoLabel.get(i) ?? '';
    let seat = seatByLabel.get(label);
    if (!seat) {
      seat = await repos.seats.insert({
        termId: term.id,
        bodyId: body.id,
        label,
        nominatingOrganizationId: organization?.id ?? null,
        reservedSector: organization?.sector ?? null, previousSeatId: null,
      });
      seatByLabel.set(label, seat);
      created.seats++;
    }
    let membership: Membership | null = null;
    if (person) {
      const data: Data<Membership> = {
        seatId: seat.id,
        personId: person.id,
        organizationId: organization?.id ?? null,
        role: row.role,
        title: row.title,
        startDate: row.startDate ?? request.startDate ?? term.startDate,
        endDate: row.endDate ?? null,
        endReason: row.endReason,
        decidedOn: null,
        source: row.source ?? null,
        endDecidedOn: null,
        endSource: null,
      };
      try {
        await checkMembership(forCandidate(data), data);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        throw new ProblemError({
          ...error.problem,
          detail: `${rowPrefix(i, row)}: ${error.problem.detail ?? error.problem.title} Nothing was imported.`,
          errors: error.problem.errors?.map((e) => ({ ...e, field: `rows.${i}.${ROW_FIELD[e.field] ?? e.field}` })),
        });
      }
      membership = await repos.memberships.insert(data);
      created.memberships++;
    }
    results.push({
      ...(row.line === undefined ? {} : { line: row.line }),
      seatId: seat.id,
      personId: person?.id ?? null,
      organizationId: organization?.id ?? null,
      membershipId: membership?.id ?? null,
    });
  }
  return { termId: term.id, bodyId: body.id, created, rows: results };
}
