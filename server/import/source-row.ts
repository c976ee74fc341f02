/**
 * What every import format's parser produces: rows with their fields as written and the line
 * they came from, plus problems with the document as a whole. Matching (matching.ts) and the
 * preview (preview.ts) take it from here, the same for text, CSV and Popolo.
 */
import type { CSV_DELIMITERS, ImportField, ImportIssue, ImportParsed } from '../../src/domain/import';

export interface SourceRow {
  line: number;
  raw: string;
  parsed: ImportParsed;
  /** The body the row names (CSV column "Organ"), if any. */
  body: string | null;
  /** Rows with the same person key are one person (Popolo: the person's id). */
  personKey?: string;
  /** Other names of the organisation given by the document itself (Popolo). */
  organizationOtherNames?: string[];
  errors: ImportIssue[];
}

export interface SkippedLine {
  line: number;
  raw: string;
  reason: string;
}

export interface ParseResult {
  rows: SourceRow[];
  skipped: SkippedLine[];
  /** Problems with the document as a whole. */
  errors: ImportIssue[];
  csv: {
    delimiter: (typeof CSV_DELIMITERS)[number];
    headers: string[];
    columns: Partial<Record<ImportField, string | null>>;
  } | null;
}

export function emptyParsed(): ImportParsed {
  return {
    name: null,
    title: '',
    organization: null,
    sector: null,
    role: null,
    email: null,
    phone: null,
    seat: null,
    startDate: null,
    endDate: null,
    source: null,
  };
}

export function issue(line: number | null, field: string, code: string, message: string): ImportIssue {
  return { line, field, code, message };
}

/** Lines of a text, without a byte order mark, split at \n, \r\n or \r. */
export function linesOf(content: string): string[] {
  return content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
