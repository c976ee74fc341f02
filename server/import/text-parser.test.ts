import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPRESENTATIVES } from '../seed/horsens-alliancen';
import { parseRosterText } from './text-parser';

const SEED_TEXT = readFileSync(new URL('../seed/horsens-alliancen.txt', import.meta.url), 'utf8');

const triples = (text: string) =>
  parseRosterText(text).rows.map((r) => [r.parsed.name, r.parsed.title, r.parsed.organization]);

describe('parseRosterText on the seed document', () => {
  const result = parseRosterText(SEED_TEXT);

  it('reads the 22 representatives, in order, with no errors', () => {
    expect(result.rows).toHaveLength(22);
    expect(result.errors).toEqual([]);
    expect(result.rows.flatMap((r) => r.errors)).toEqual([]);
  });

  it.each(REPRESENTATIVES.map((rep, i) => [i + 1, ...rep] as const))(
    'representative %i: %s, title "%s", organisation "%s"',
    (position, name, title, organization) => {
      const row = result.rows[position - 1];
      expect(row?.parsed).toMatchObject({ name, title, organization });
      // The row points at its own line of the document.
      expect(SEED_TEXT.split('\n')[(row?.line ?? 0) - 1]).toBe(row?.raw);
      expect(row?.raw).toContain(name);
    },
  );

  it('reads "Formand for X" and "Indehaver af X" as title and organisation', () => {
    expect(result.rows.find((r) => r.parsed.name === 'Bo Ulsøe')?.parsed).toMatchObject({
      title: 'Formand',
      organization: 'BusinessHorsens',
    });
    expect(result.rows.find((r) => r.parsed.name === 'Daniel Bach')?.parsed).toMatchObject({
      title: 'Indehaver',
      organization: 'Bubblemedia',
    });
  });

  it('keeps the departments of Horsens Kommune in the title', () => {
    const titles = result.rows.filter((r) => r.parsed.organization === 'Horsens Kommune').map((r) => r.parsed.title);
    expect(titles).toEqual([
      'Borgmester',
      '1. viceborgmester',
      'Kommunaldirektør',
      'Konst. direktør, Teknik og Miljø',
      'Direktør, Uddannelse og Arbejdsmarked',
    ]);
  });

  it('ignores the prose and reports the bulleted fora, which have no comma, as skipped lines', () => {
    expect(result.skipped.map((s) => [s.raw.trim(), s.reason])).toEqual([
      ['• Erhvervstaskforce', 'no_comma'],
      ['• Horsens Uddannelsesråd', 'no_comma'],
      ['• Jobtaskforce.', 'no_comma'],
    ]);
    expect(result.skipped.every((s) => SEED_TEXT.split('\n')[s.line - 1] === s.raw)).toBe(true);
  });
});

describe('parseRosterText on hostile text', () => {
  it('reads plain lines (no bullets) and skips empty lines, keeping line numbers', () => {
    const result = parseRosterText('\n\nAnne Testesen, Formand, Fiktiv Forening\n\n\nBo Prøvesen, Direktør, Opdigtet A/S\n');
    expect(result.rows.map((r) => [r.line, r.parsed.name, r.parsed.title, r.parsed.organization])).toEqual([
      [3, 'Anne Testesen', 'Formand', 'Fiktiv Forening'],
      [6, 'Bo Prøvesen', 'Direktør', 'Opdigtet A/S'],
    ]);
  });

  it('reads Windows and old Mac line endings alike, and a byte order mark', () => {
    const lines = ['- Anne Testesen, Formand, Fiktiv Forening', '- Bo Prøvesen, Direktør, Opdigtet A/S'];
    const unix = triples(lines.join('\n'));
    expect(triples('\uFEFF' + lines.join('\r\n') + '\r\n')).toEqual(unix);
    expect(triples(lines.join('\r'))).toEqual(unix);
    expect(parseRosterText(lines.join('\r\n')).rows.map((r) => r.raw)).toEqual(lines);
  });

  it('reports stray bullets and bulleted lines without commas as skipped, and reads the rest', () => {
    const text = ['-', '•   ', '- Anne Testesen Formand Fiktiv Forening', '* * Bo Prøvesen, Direktør, Opdigtet A/S', '–'].join('\n');
    const result = parseRosterText(text);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, 'empty_bullet'],
      [2, 'empty_bullet'],
      [3, 'no_comma'],
      [5, 'empty_bullet'],
    ]);
    expect(result.rows.map((r) => [r.line, r.parsed.name])).toEqual([[4, 'Bo Prøvesen']]);
  });

  it('answers a document error for text with no roster line at all', () => {
    for (const text of ['', '\n\n  \n', 'Bare prosa uden kommaer.\nOg en linje mere']) {
      const result = parseRosterText(text);
      expect(result.rows).toEqual([]);
      expect(result.errors).toEqual([expect.objectContaining({ field: 'content', code: 'no_rows', line: null })]);
    }
  });

  it('flags a line with a title but no organisation, with its line number', () => {
    const result = parseRosterText('- Anne Testesen, Borgmester\n- Bo Prøvesen, Direktør, Opdigtet A/S');
    expect(result.rows[0]?.parsed).toMatchObject({ name: 'Anne Testesen', title: 'Borgmester', organization: null });
    expect(result.rows[0]?.errors).toEqual([
      expect.objectContaining({ line: 1, field: 'organization', code: 'missing_organization' }),
    ]);
    expect(result.rows[1]?.errors).toEqual([]);
  });

  it('reads a two-part line whose second part is an organisation written elsewhere in the text', () => {
    const text = '- Anne Testesen, Fiktiv Forening\n- Bo Prøvesen, Direktør, Fiktiv Forening';
    expect(triples(text)).toEqual([
      ['Anne Testesen', '', 'Fiktiv Forening'],
      ['Bo Prøvesen', 'Direktør', 'Fiktiv Forening'],
    ]);
  });

  it('splits "Title for Org" at the preposition before a known organisation, else at the first', () => {
    const text = [
      '- Anne Testesen, Uddannelsesdekan for ingeniørerne i Opdigtet Akademi',
      '- Bo Prøvesen, Direktør, Opdigtet Akademi',
      '- Cai Eksempel, Direktør for Fiktiv Forening i Testby',
    ].join('\n');
    expect(triples(text)).toEqual([
      ['Anne Testesen', 'Uddannelsesdekan for ingeniørerne', 'Opdigtet Akademi'],
      ['Bo Prøvesen', 'Direktør', 'Opdigtet Akademi'],
      ['Cai Eksempel', 'Direktør', 'Fiktiv Forening i Testby'],
    ]);
  });

  it('keeps names with hyphens, particles, initials and apostrophes whole', () => {
    const text = [
      '- Anne-Marie van der Testen, Formand, Fiktiv Forening',
      "- Jean-Luc d'Eksempel, Direktør, Opdigtet A/S",
      '- Hans A. O. de la Prøve, Rektor, Testskolen',
    ].join('\n');
    expect(triples(text).map((t) => t[0])).toEqual(['Anne-Marie van der Testen', "Jean-Luc d'Eksempel", 'Hans A. O. de la Prøve']);
  });

  it('keeps emoji and Danish letters, and cleans odd spaces and invisible characters', () => {
    const text = '-\u00A0Søren\u200B Ærø 🎉,\tFormand ,  Ålborg   Testforening 🎈 .';
    expect(triples(text)).toEqual([['Søren Ærø 🎉', 'Formand', 'Ålborg Testforening 🎈']]);
  });

  it('reads a very long line without choking, leaving length limits to the preview', () => {
    const long = 'x'.repeat(100_000);
    const result = parseRosterText(`- Anne Testesen, ${long}, Fiktiv Forening`);
    expect(result.rows[0]?.parsed.title).toHaveLength(100_000);
    expect(result.rows[0]?.parsed.organization).toBe('Fiktiv Forening');
  });

  it('drops empty parts from doubled commas and a closing full stop', () => {
    expect(triples('- Anne Testesen,, Formand,, Fiktiv Forening.')).toEqual([['Anne Testesen', 'Formand', 'Fiktiv Forening']]);
  });

  it('flags a line whose first part is not a name', () => {
    const result = parseRosterText('- 1234, Formand, Fiktiv Forening');
    expect(result.rows[0]?.errors).toEqual([expect.objectContaining({ line: 1, field: 'name', code: 'not_a_name' })]);
  });

  it('uses a known organisation from the database to read a two-part line', () => {
    const result = parseRosterText('- Anne Testesen, Opdigtet Kommune', {
      isKnownOrganization: (name) => name === 'Opdigtet Kommune',
    });
    expect(result.rows[0]?.parsed).toMatchObject({ title: '', organization: 'Opdigtet Kommune' });
    expect(result.rows[0]?.errors).toEqual([]);
  });
});
