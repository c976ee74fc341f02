/**
 * The roster as CSV for people with a spreadsheet (Danish Excel): UTF-8 with a byte order
 * mark, semicolons, CRLF, a Danish header row (Organ;Plads;Navn;Titel;Organisation;Sektor;
 * Rolle;Start;Slut), roles and sectors in Danish as the app shows them, ISO dates, every row
 * (no cap). No contact data: email and phone stay out of exports. A cell that a spreadsheet
 * would run as a formula (=, +, -, @) gets a leading ' (the importer removes it again).
 */
import { stringify } from 'csv-stringify/sync';
import type { IsoDate } from '../../src/domain/dates';
import type { Body, Role, Roster, Sector } from '../../src/domain/schemas';
import { compareDanish } from '../../src/domain/text';
import type { Repos } from '../store/store';
import { EXPORT_HEADERS, ROLE_LABELS_DA, SECTOR_LABELS_DA } from '../import/vocabulary';

export interface ExportRow {
  body: string;
  seat: string;
  name: string;
  title: string;
  organization: string;
  sector: Sector | null;
  role: Role | null;
  start: IsoDate | null;
  end: IsoDate | null;
}

/** One row per seat of the roster: its holder on the date, or blank name for a vacant seat. */
export function rosterRows(roster: Roster): ExportRow[] {
  return roster.entries.map((e) => ({
    body: roster.body.name,
    seat: e.seat.label,
    name: e.person?.name ?? '',
    title: e.membership?.title ?? '',
    organization: e.organization?.name ?? '',
    sector: e.sector,
    role: e.membership?.role ?? null,
    start: e.membership?.startDate ?? null,
    end: e.membership?.endDate ?? null,
  }));
}

export const bodyOrder = (a: Body, b: Body) =>
  (a.kind === b.kind ? 0 : a.kind === 'council' ? -1 : 1) || compareDanish(a.name, b.name);

/**
 * Every membership segment of every seat of the term (of one body, or of all bodies: the
 * council first), oldest first; a seat nobody held gets one row with a blank name.
 */
export async function termRows(store: Repos, termId: string, onlyBody?: Body): Promise<ExportRow[]> {
  const [bodies, seats, organizations] = await Promise.all([
    onlyBody ? Promise.resolve([onlyBody]) : store.bodies.list(),
    store.seats.list(onlyBody ? { termId, bodyId: onlyBody.id } : { termId }),
    store.organizations.list(),
  ]);
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const memberships = (
    await Promise.all(bodies.map((b) => store.memberships.list({ bodyId: b.id })))
  ).flat();
  const segmentsOf = new Map<string, typeof memberships>();
  for (const m of memberships) segmentsOf.set(m.seatId, [...(segmentsOf.get(m.seatId) ?? []), m]);
  const people = new Map((await store.people.list()).map((p) => [p.id, p]));

  const rows: ExportRow[] = [];
  for (const body of [...bodies].sort(bodyOrder)) {
    const bodySeats = seats.filter((s) => s.bodyId === body.id).sort((a, b) => compareDanish(a.label, b.label));
    for (const seat of bodySeats) {
      const segments = (segmentsOf.get(seat.id) ?? []).sort((a, b) => a.startDate.localeCompare(b.startDate));
      const nominator = seat.nominatingOrganizationId ? orgById.get(seat.nominatingOrganizationId) : undefined;
      if (segments.length === 0) {
        rows.push({
          body: body.name,
          seat: seat.label,
          name: '',
          title: '',
          organization: nominator?.name ?? '',
          sector: nominator?.sector ?? seat.reservedSector,
          role: null,
          start: null,
          end: null,
        });
      }
      for (const m of segments) {
        const org = (m.organizationId && orgById.get(m.organizationId)) || nominator;
        rows.push({
          body: body.name,
          seat: seat.label,
          name: people.get(m.personId)?.name ?? '',
          title: m.title,
          organization: org?.name ?? '',
          sector: org?.sector ?? seat.reservedSector,
          role: m.role,
          start: m.startDate,
          end: m.endDate,
        });
      }
    }
  }
  return rows;
}

export function toCsv(rows: readonly ExportRow[]): string {
  return stringify(
    rows.map((r) => [
      r.body,
      r.seat,
      r.name,
      r.title,
      r.organization,
      r.sector ? SECTOR_LABELS_DA[r.sector] : '',
      r.role ? ROLE_LABELS_DA[r.role] : '',
      r.start ?? '',
      r.end ?? '',
    ]),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: [...EXPORT_HEADERS],
      escape_formulas: true,
      quoted_match: /[\r\n]/,
    },
  );
}
