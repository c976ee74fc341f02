/**
 * Reads a roster written as a list, like the council's own description
 * (server/seed/horsens-alliancen.txt):
 *
 *   - Peter Sørensen, Borgmester, Horsens Kommune           name, title, organisation
 *   - Charlotte Lyrskov, Konst. direktør, Teknik og Miljø, Horsens Kommune
 *                                                            the middle parts are the title
 *   - Bo Ulsøe, Formand for BusinessHorsens                  "Title for/af/i/hos/ved/på Org"
 *
 * When the text has bulleted lines (-, –, •, * ...), only those are read and prose around
 * them is ignored; otherwise every non-empty line is. A bulleted line without a comma (e.g.
 * a list of fora) is not a roster line: it is reported in `skipped` with its line number.
 * Pure: no I/O, no matching against the database (that is matching.ts).
 */
import type { ImportIssue } from '../../src/domain/import';
import { fold } from './vocabulary';
import { emptyParsed, issue, linesOf, type ParseResult, type SkippedLine, type SourceRow } from './source-row';

const BULLET = /^(?:[-–—•*·‣◦▪●○■►➢>]\s*)+/u;
/** Spaces that are not plain spaces, and invisible characters that text from the web carries. */
const ODD_SPACE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** "Formand for X", "Indehaver af X", "Direktør i X", "Chair of X": the organisation follows the word. */
const PREPOSITION = / (?:for|af|i|hos|ved|på|of|at) /giu;

export interface TextParseOptions {
  /** True for a name that is an organisation already known (in the database); helps split "Title for Org". */
  isKnownOrganization?: (name: string) => boolean;
}

function clean(line: string): string {
  return line.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Strips a closing full stop or semicolon: "Casa Group." is "Casa Group". */
function stripClosingPunctuation(s: string): string {
  return s.replace(/[.;:]+$/u, '').trim();
}

function hasLetter(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** Splits "Formand for BusinessHorsens" into title and organisation, if a preposition is there. */
function splitAtPreposition(text: string, isKnown: (name: string) => boolean): [string, string] | undefined {
  const splits = [...text.matchAll(PREPOSITION)]
    .map((m): [string, string] => [text.slice(0, m.index).trim(), text.slice(m.index + m[0].length).trim()])
    .filter(([title, org]) => hasLetter(title) && hasLetter(org));
  return splits.find(([, org]) => isKnown(org)) ?? splits[0];
}

export function parseRosterText(content: string, options: TextParseOptions = {}): ParseResult {
  const lines = linesOf(content).map((raw, i) => ({ line: i + 1, raw, text: clean(raw) }));
  const bulleted = lines.filter((l) => BULLET.test(l.text) && hasLetter(l.text.replace(BULLET, '')));
  const useBullets = bulleted.length > 0;

  const candidates: { line: number; raw: string; parts: string[] }[] = [];
  const skipped: SkippedLine[] = [];
  for (const l of lines) {
    if (l.text === '') continue;
    const isBullet = BULLET.test(l.text);
    if (useBullets && !isBullet) continue;
    const body = l.text.replace(BULLET, '').trim();
    if (!hasLetter(body)) {
      if (isBullet) skipped.push({ line: l.line, raw: l.raw, reason: 'empty_bullet' });
      continue;
    }
    if (!body.includes(',')) {
      skipped.push({ line: l.line, raw: l.raw, reason: 'no_comma' });
      continue;
    }
    const parts = body
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    candidates.push({ line: l.line, raw: l.raw, parts });
  }

  // Organisations written as the last of three or more parts help read two-part lines.
  const writtenOrgs = new Set(
    candidates.filter((c) => c.parts.length >= 3).map((c) => fold(stripClosingPunctuation(c.parts.at(-1) ?? ''))),
  );
  const isKnown = (name: string) => writtenOrgs.has(fold(name)) || (options.isKnownOrganization?.(name) ?? false);

  const rows = candidates.map(({ line, raw, parts }): SourceRow => {
    const parsed = emptyParsed();
    const errors: ImportIssue[] = [];
    const [name = '', ...rest] = parts;
    parsed.name = name;
    if (!hasLetter(name)) {
      errors.push(issue(line, 'name', 'not_a_name', 'The text before the first comma is not a name.'));
    }
    if (rest.length >= 2) {
      parsed.organization = stripClosingPunctuation(rest.at(-1) ?? '');
      parsed.title = rest.slice(0, -1).join(', ');
    } else {
      const second = stripClosingPunctuation(rest[0] ?? '');
      const split = isKnown(second) ? undefined : splitAtPreposition(second, isKnown);
      if (split) {
        [parsed.title, parsed.organization] = split;
      } else if (isKnown(second)) {
        parsed.organization = second;
      } else {
        parsed.title = second;
        errors.push(
          issue(line, 'organization', 'missing_organization', 'No organisation found: write "Name, Title, Organisation".'),
        );
      }
    }
    return { line, raw, parsed, body: null, errors };
  });

  const errors =
    rows.length === 0
      ? [issue(null, 'content', 'no_rows', 'No roster lines found: write one "- Name, Title, Organisation" a line.')]
      : [];
  return { rows, skipped, errors, csv: null };
}
