/**
 * Reads a roster from CSV (csv-parse): the first non-empty line is the header row, columns are
 * found by their Danish or English header (navn/name, titel/title, organisation/organization,
 * sektor/sector, email, telefon/phone, rolle/role, plads/seat, start, slut/end, organ/body) or
 * by an explicit `columns` mapping from the review step. The delimiter is the one of ; , or
 * tab that the header row uses most (the CSV export writes ;). A cell that the export guarded
 * against spreadsheet formulas ('=...) is read back without the guard.
 * Pure: no I/O; values are kept as written and checked by the preview.
 */
import { parse } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import { CSV_DELIMITERS, IMPORT_FIELDS, type ImportColumns, type ImportField, type ImportIssue } from '../../src/domain/import';
import { emptyParsed, issue, linesOf, type ParseResult, type SourceRow } from './source-row';
import { fieldOfHeader, fold } from './vocabulary';

type Delimiter = (typeof CSV_DELIMITERS)[number];

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;

/** A cell as the preview sees it: trimmed, no invisible characters, no formula guard; '' is null. */
function cell(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').trim().replace(/^'(?=[=+\-@])/, '');
  return v === '' ? null : v;
}

/** Counts each candidate delimiter outside quotes in the header line; the most used wins (; on a tie). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ';';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

interface Located {
  record: string[];
  /** First and last line of the record (a quoted value may span lines). */
  line: number;
  end: number;
}

export function parseRosterCsv(content: string, columns: ImportColumns = {}): ParseResult {
  const lines = linesOf(content);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) {
    return { rows: [], skipped: [], errors: [issue(null, 'content', 'no_rows', 'The CSV is empty.')], csv: null };
  }
  const delimiter = detectDelimiter(lines[headerIndex] ?? '');
  const errors: ImportIssue[] = [];
  // Records and skipped records arrive in order: each starts after the previous one's last line.
  let lastEnd = 0;
  const nextStart = () => {
    let line = lastEnd + 1;
    while (line <= lines.length && (lines[line - 1] ?? '').trim() === '') line++;
    return line;
  };

  const located = parse(content, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[], context) => {
      const located: Located = { record, line: nextStart(), end: context.lines };
      lastEnd = context.lines;
      return located as unknown as string[];
    },
    on_skip: (err: CsvError | undefined) => {
      const line = nextStart();
      errors.push(issue(line, 'content', 'csv_syntax', `Line ${line} is not valid CSV (${err?.code ?? 'syntax error'}).`));
      lastEnd = Math.max(typeof err?.lines === 'number' ? err.lines : line, line);
      return undefined;
    },
  }) as unknown as Located[];

  const [header, ...body] = located;
  const headers = (header?.record ?? []).map((h) => cell(h) ?? '');
  const index = new Map<ImportField, number>();
  const mapping: Partial<Record<ImportField, string | null>> = {};
  // Explicit mappings first, then the usual header names for the columns still free.
  for (const field of IMPORT_FIELDS) {
    const explicit = columns[field];
    if (explicit === undefined) continue;
    mapping[field] = null;
    if (explicit === null) continue;
    const i = headers.findIndex((h) => fold(h) === fold(explicit));
    if (i < 0) {
      errors.push(issue(null, `columns.${field}`, 'unknown_column', 'No column has this header.'));
      continue;
    }
    index.set(field, i);
    mapping[field] = headers[i] ?? null;
  }
  for (const field of IMPORT_FIELDS) {
    if (columns[field] !== undefined) continue;
    const used = new Set(index.values());
    const i = headers.findIndex((h, j) => !used.has(j) && fieldOfHeader(h) === field);
    if (i >= 0) index.set(field, i);
    mapping[field] = i >= 0 ? (headers[i] ?? null) : null;
  }
  if (!index.has('name')) {
    errors.push(issue(header?.line ?? null, 'columns.name', 'missing_column', 'No column holds the names (e.g. "Navn").'));
  }
  if (!index.has('organization') && !index.has('seat')) {
    errors.push(
      issue(header?.line ?? null, 'columns.organization', 'missing_column', 'No column holds the organisations (e.g. "Organisation").'),
    );
  }

  const rows: SourceRow[] = [];
  for (const r of body) {
    const get = (field: ImportField) => {
      const i = index.get(field);
      return i === undefined ? null : cell(r.record[i]);
    };
    if (IMPORT_FIELDS.every((f) => get(f) === null)) continue;
    const parsed = emptyParsed();
    parsed.name = get('name');
    parsed.title = get('title') ?? '';
    parsed.organization = get('organization');
    parsed.sector = get('sector');
    parsed.email = get('email');
    parsed.phone = get('phone');
    parsed.role = get('role');
    parsed.seat = get('seat');
    parsed.startDate = get('startDate');
    parsed.endDate = get('endDate');
    const rowErrors: ImportIssue[] = [];
    if (parsed.name === null && parsed.seat === null) {
      rowErrors.push(issue(r.line, 'name', 'missing_name', 'The row has no name (a vacant seat needs a seat label).'));
    }
    if (parsed.organization === null && parsed.seat === null) {
      rowErrors.push(issue(r.line, 'organization', 'missing_organization', 'The row has no organisation.'));
    }
    const span = lines.slice(r.line - 1, Math.max(r.line, r.end));
    while (span.length > 1 && (span.at(-1) ?? '').trim() === '') span.pop();
    const raw = span.join('\n');
    rows.push({ line: r.line, raw, parsed, body: get('body'), errors: rowErrors });
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push(issue(null, 'content', 'no_rows', 'The CSV has a header row but no rows.'));
  }
  return { rows, skipped: [], errors, csv: { delimiter, headers, columns: mapping } };
}
