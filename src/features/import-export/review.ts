/**
 * The review table's state: one draft per preview row, which the reviewer edits (name, title,
 * organisation, sector, the choice between candidates, leave out), and the commit rows built
 * from the drafts on top of the server's proposal. Pure functions, no React.
 */
import type { ImportCommitRow, ImportPreviewRow } from '../../domain/import';
import type { FieldError } from '../../domain/schemas';
import { SECTORS } from '../../domain/schemas';

export type Sector = (typeof SECTORS)[number];

/** `personChoice` / `organizationChoice`: an existing record's id, NEW, NONE, or '' (not chosen yet). */
export const NEW = 'new';
export const NONE = 'none';

export interface RowDraft {
  include: boolean;
  personChoice: string;
  name: string;
  title: string;
  organizationChoice: string;
  organizationName: string;
  sector: Sector;
}

export function initialDraft(row: ImportPreviewRow): RowDraft {
  const { person, organization, parsed } = row;
  return {
    include: row.errors.length === 0,
    personChoice:
      person.status === 'matched' ? (person.personId ?? '') : person.status === 'new' ? NEW : person.status === 'none' ? NONE : '',
    name: parsed.name ?? '',
    title: parsed.title,
    organizationChoice:
      organization.status === 'matched'
        ? (organization.organizationId ?? '')
        : organization.status === 'new'
          ? NEW
          : organization.status === 'none'
            ? NONE
            : '',
    organizationName: organization.name ?? parsed.organization ?? '',
    sector: organization.proposedSector ?? 'business',
  };
}

/** Problems the reviewer must settle before the commit is sent (no server round trip needed). */
export function draftProblems(draft: RowDraft): ('choosePerson' | 'chooseOrganization' | 'nameRequired' | 'organizationRequired')[] {
  if (!draft.include) return [];
  const problems: ReturnType<typeof draftProblems> = [];
  if (draft.personChoice === '') problems.push('choosePerson');
  else if (draft.personChoice === NEW && draft.name.trim() === '') problems.push('nameRequired');
  if (draft.organizationChoice === '') problems.push('chooseOrganization');
  else if (draft.organizationChoice === NEW && draft.organizationName.trim() === '') problems.push('organizationRequired');
  return problems;
}

/** The commit row for a draft: the server's proposal (role, seat, dates, source, contact) with the reviewer's edits. */
export function commitRow(row: ImportPreviewRow, draft: RowDraft): ImportCommitRow {
  const base = row.proposal;
  const proposedPerson = base?.person ?? null;
  const newPerson = proposedPerson && proposedPerson.id === undefined ? proposedPerson : null;
  const proposedOrg = base?.organization ?? null;
  const sameNewOrg =
    proposedOrg && proposedOrg.id === undefined && proposedOrg.name === draft.organizationName.trim() ? proposedOrg : null;
  return {
    line: row.line,
    person:
      draft.personChoice === NONE
        ? null
        : draft.personChoice === NEW
          ? newPerson && newPerson.name === draft.name.trim()
            ? newPerson
            : { name: draft.name.trim() }
          : { id: draft.personChoice },
    organization:
      draft.organizationChoice === NONE
        ? null
        : draft.organizationChoice === NEW
          ? { ...(sameNewOrg ?? {}), name: draft.organizationName.trim(), sector: draft.sector }
          : { id: draft.organizationChoice },
    title: draft.title.trim(),
    role: base?.role ?? 'member',
    ...(base?.seat === undefined ? {} : { seat: base.seat }),
    ...(base?.startDate === undefined ? {} : { startDate: base.startDate }),
    ...(base?.endDate === undefined || base.endDate === null ? {} : { endDate: base.endDate }),
    ...(base?.source === undefined ? {} : { source: base.source }),
  };
}

/**
 * Puts the commit's field errors (`rows.N.organization.name`) back on the review rows:
 * N counts the rows sent, `sent[N]` is the review row's index.
 */
export function errorsByRow(errors: readonly FieldError[], sent: readonly number[]): Map<number, FieldError[]> {
  const byRow = new Map<number, FieldError[]>();
  for (const error of errors) {
    const match = /^rows\.(\d+)\.?(.*)$/.exec(error.field);
    const index = match ? sent[Number(match[1])] : undefined;
    if (index === undefined || !match) continue;
    byRow.set(index, [...(byRow.get(index) ?? []), { ...error, field: match[2] ?? '' }]);
  }
  return byRow;
}

/** A 409 from a roster rule names its row only in the detail ("Row 3 (line 25): ..."). */
export function rowOfDetail(detail: string | undefined, sent: readonly number[]): number | undefined {
  const match = detail ? /^Row (\d+)/.exec(detail) : null;
  return match ? sent[Number(match[1]) - 1] : undefined;
}
