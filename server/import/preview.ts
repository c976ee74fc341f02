/**
 * POST /api/import/preview: parses the content (text, CSV or Popolo), matches every row's
 * person and organisation against the database and against the rows before it, checks the
 * values, and proposes the commit row. Reads only; writes nothing.
 */
import { IsoDateSchema, type IsoDate } from '../../src/domain/dates';
import {
  IMPORT_MAX_ROWS,
  ImportCommitRowSchema,
  type ImportCommitRow,
  type ImportIssue,
  type ImportPreview,
  type ImportPreviewRequestSchema,
  type ImportPreviewRow,
  type OrganizationMatch,
  type PersonMatch,
} from '../../src/domain/import';
import type { Body, Organization, Person, Sector, Term } from '../../src/domain/schemas';
import type { z } from 'zod';
import { zodProblem } from '../http/problem';
import { compareDanish } from '../../src/domain/text';
import type { Repos } from '../store/store';
import { parseRosterCsv } from './csv-parser';
import { OrganizationMatcher, compactKey, personMatcher } from './matching';
import { parsePopolo } from './popolo-parser';
import { issue, type ParseResult } from './source-row';
import { parseRosterText } from './text-parser';
import { DEFAULT_SECTOR, fold, guessSector, roleOf, sectorOf } from './vocabulary';

type PreviewRequest = z.output<typeof ImportPreviewRequestSchema>;

/** A new organisation that one or more rows name (perhaps spelt differently). */
interface NewOrganization {
  name: string;
  otherNames: string[];
  writtenSector?: Sector;
}

/** ISO dates, and the Danish forms a spreadsheet writes (1-1-2018, 01.01.2018, 1/1/2018). */
export function readDate(written: string): IsoDate | undefined {
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(written);
  const iso = danish ? `${danish[3]}-${danish[2]?.padStart(2, '0')}-${danish[1]?.padStart(2, '0')}` : written;
  return IsoDateSchema.safeParse(iso).success ? iso : undefined;
}

/** Field of a commit-row path, as the preview names it (the parsed field). */
function previewField(path: string): string {
  const [head, sub] = path.split('.');
  if (head === 'person') return sub === 'email' || sub === 'phone' ? sub : 'name';
  if (head === 'organization') return sub === 'sector' ? 'sector' : 'organization';
  return head ?? path;
}

function parse(request: PreviewRequest, body: Body, organizations: OrganizationMatcher<Organization>): ParseResult {
  switch (request.format) {
    case 'text':
      return parseRosterText(request.content, {
        isKnownOrganization: (name) => organizations.find(name).some((c) => c.distance === 0),
      });
    case 'csv':
      return parseRosterCsv(request.content, request.columns);
    case 'popolo':
      return parsePopolo(request.content, body.name);
  }
}

export async function buildPreview(
  store: Repos,
  request: PreviewRequest,
  { term, body }: { term: Term; body: Body },
): Promise<ImportPreview> {
  const [people, organizations] = await Promise.all([store.people.list(), store.organizations.list()]);
  const existingOrganizations = new OrganizationMatcher(organizations);
  const existingPeople = personMatcher<Person>(people);
  const parsed = parse(request, body, existingOrganizations);
  const documentErrors = [...parsed.errors];
  if (parsed.rows.length > IMPORT_MAX_ROWS) {
    documentErrors.push(issue(null, 'content', 'too_many_rows', `A commit takes at most ${IMPORT_MAX_ROWS} rows; split the file.`));
  }

  // Pass 1: which existing organisation, or which new one, each row names.
  const newOrganizations = new OrganizationMatcher<NewOrganization>();
  const organizationOf = parsed.rows.map((row) => {
    const written = row.parsed.organization;
    if (written === null) return { kind: 'none' as const };
    const candidates = existingOrganizations.find(written);
    if (candidates.length > 0) return { kind: 'existing' as const, candidates };
    const sameNew = newOrganizations.find(written)[0]?.organization;
    const writtenSector = row.parsed.sector === null ? undefined : sectorOf(row.parsed.sector);
    if (sameNew) {
      const known = [sameNew.name, ...sameNew.otherNames];
      const extra = [written, ...(row.organizationOtherNames ?? [])].filter((n) => !known.includes(n));
      sameNew.otherNames.push(...extra);
      newOrganizations.add(sameNew, extra);
      sameNew.writtenSector ??= writtenSector;
      return { kind: 'new' as const, organization: sameNew };
    }
    const created: NewOrganization = {
      name: written,
      otherNames: [...new Set(row.organizationOtherNames ?? [])].filter((n) => n !== written),
      writtenSector,
    };
    newOrganizations.add(created);
    return { kind: 'new' as const, organization: created };
  });

  // Pass 2: people, values, proposals.
  const personRefs = new Map<string, string>();
  const rows = parsed.rows.map((row, i): ImportPreviewRow => {
    const errors: ImportIssue[] = [...row.errors];
    const fail = (field: string, code: string, message: string) => errors.push(issue(row.line, field, code, message));
    const p = row.parsed;

    let person: PersonMatch;
    if (p.name === null) {
      person = { status: 'none', candidates: [] };
    } else {
      const found = existingPeople.find(p.name);
      const candidates = found
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => compareDanish(a.name, b.name) || a.id.localeCompare(b.id));
      if (found.length === 1) person = { status: 'matched', personId: found[0]?.id, candidates };
      else if (found.length > 1) person = { status: 'ambiguous', candidates };
      else {
        const key = row.personKey ?? `name:${compactKey(p.name)}`;
        const ref = personRefs.get(key) ?? `person-${personRefs.size + 1}`;
        personRefs.set(key, ref);
        person = { status: 'new', ref, candidates: [] };
      }
    }

    const target = organizationOf[i] ?? { kind: 'none' as const };
    let organization: OrganizationMatch;
    if (target.kind === 'none') {
      organization = { status: 'none', candidates: [], name: null, proposedSector: null, sectorSource: null };
    } else if (target.kind === 'existing') {
      const candidates = target.candidates
        .map((c) => ({
          id: c.organization.id,
          name: c.organization.name,
          sector: c.organization.sector,
          matchedName: c.matchedName,
          distance: c.distance,
        }))
        .sort((a, b) => compareDanish(a.name, b.name) || a.id.localeCompare(b.id));
      const only = target.candidates.length === 1 ? target.candidates[0]?.organization : undefined;
      organization = only
        ? { status: 'matched', organizationId: only.id, candidates, name: only.name, proposedSector: null, sectorSource: null }
        : { status: 'ambiguous', candidates, name: null, proposedSector: null, sectorSource: null };
    } else {
      const o = target.organization;
      const guessed = guessSector(o.name);
      organization = {
        status: 'new',
        candidates: [],
        name: o.name,
        proposedSector: o.writtenSector ?? guessed ?? DEFAULT_SECTOR,
        sectorSource: o.writtenSector ? 'written' : guessed ? 'guessed' : 'default',
      };
    }

    if (p.sector !== null && sectorOf(p.sector) === undefined) {
      fail('sector', 'invalid_value', 'Not a sector: use Kommunen, Erhvervslivet, Faglige organisationer or Uddannelse og viden.');
    }
    const role = p.role === null ? 'member' : roleOf(p.role);
    if (role === undefined) fail('role', 'invalid_value', 'Not a role: use Formand, Næstformand or Medlem.');
    const startDate = p.startDate === null ? undefined : readDate(p.startDate);
    if (p.startDate !== null && startDate === undefined) fail('startDate', 'invalid_date', 'Not a date (YYYY-MM-DD or DD-MM-YYYY).');
    const endDate = p.endDate === null ? undefined : readDate(p.endDate);
    if (p.endDate !== null && endDate === undefined) fail('endDate', 'invalid_date', 'Not a date (YYYY-MM-DD or DD-MM-YYYY).');
    if (endDate && endDate < (startDate ?? term.startDate)) fail('endDate', 'end_before_start', 'The end date is before the start date.');
    if (row.body !== null && fold(row.body) !== fold(body.name)) {
      fail('body', 'other_body', 'The row belongs to another council or forum than the one imported into.');
    }

    const candidate: ImportCommitRow = {
      line: row.line,
      person:
        person.status === 'matched'
          ? { id: person.personId }
          : person.status === 'new'
            ? {
                ref: person.ref,
                name: p.name ?? '',
                ...(p.email === null ? {} : { email: p.email }),
                ...(p.phone === null ? {} : { phone: p.phone }),
              }
            : null,
      organization:
        target.kind === 'new'
          ? { name: target.organization.name, sector: organization.proposedSector ?? DEFAULT_SECTOR, otherNames: target.organization.otherNames }
          : organization.status === 'matched'
            ? { id: organization.organizationId }
            : null,
      title: p.title,
      role: role ?? 'member',
      ...(p.seat === null ? {} : { seat: p.seat }),
      ...(startDate ? { startDate } : {}),
      ...(endDate ? { endDate } : {}),
      ...(p.source === null ? {} : { source: p.source }),
    };
    const checked = ImportCommitRowSchema.safeParse(candidate);
    if (!checked.success) {
      for (const e of zodProblem(checked.error).problem.errors ?? []) fail(previewField(e.field), e.code, e.message);
    }
    const decided = person.status !== 'ambiguous' && organization.status !== 'ambiguous';
    return {
      line: row.line,
      raw: row.raw,
      parsed: p,
      person,
      organization,
      errors,
      proposal: errors.length === 0 && decided && checked.success ? checked.data : null,
    };
  });

  const distinct = (values: (string | undefined)[]) => new Set(values.filter((v) => v !== undefined)).size;
  const count = <T extends { status: string }>(matches: T[], status: string) => matches.filter((m) => m.status === status).length;
  return {
    format: request.format,
    termId: term.id,
    bodyId: body.id,
    csv: parsed.csv,
    errors: documentErrors,
    skipped: parsed.skipped,
    rows,
    summary: {
      rows: rows.length,
      rowsWithErrors: rows.filter((r) => r.errors.length > 0).length,
      people: {
        new: distinct(rows.map((r) => (r.person.status === 'new' ? r.person.ref : undefined))),
        matched: distinct(rows.map((r) => r.person.personId)),
        ambiguous: count(rows.map((r) => r.person), 'ambiguous'),
      },
      organizations: {
        new: new Set(organizationOf.flatMap((o) => (o.kind === 'new' ? [o.organization] : []))).size,
        matched: distinct(rows.map((r) => r.organization.organizationId)),
        ambiguous: count(rows.map((r) => r.organization), 'ambiguous'),
      },
    },
  };
}
