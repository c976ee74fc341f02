import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseRosterCsv } from './csv-parser';

const fields = (content: string, columns = {}) =>
  parseRosterCsv(content, columns).rows.map((r) => [r.line, r.parsed.name, r.parsed.title, r.parsed.organization]);

describe('parseRosterCsv', () => {
  it('finds Danish headers in any order, with ; and a byte order mark', () => {
    const csv = '\uFEFFOrganisation;Navn;Titel;Sektor;Rolle\r\nFiktiv Forening;Anne Testesen;Formand;Erhvervslivet;Medlem\r\n';
    const result = parseRosterCsv(csv);
    expect(result.csv).toMatchObject({ delimiter: ';', headers: ['Organisation', 'Navn', 'Titel', 'Sektor', 'Rolle'] });
    expect(result.csv?.columns).toMatchObject({ name: 'Navn', title: 'Titel', organization: 'Organisation', sector: 'Sektor', role: 'Rolle', email: null });
    expect(result.rows[0]?.parsed).toMatchObject({
      name: 'Anne Testesen',
      title: 'Formand',
      organization: 'Fiktiv Forening',
      sector: 'Erhvervslivet',
      role: 'Medlem',
    });
    expect(result.errors).toEqual([]);
  });

  it('finds English headers, comma or tab separated', () => {
    const rows = [['Name', 'Title', 'Organization', 'E-mail', 'Phone'], ['Bo Prøvesen', 'Director', 'Opdigtet A/S', 'bo@example.org', '12345678']];
    for (const d of [',', '\t']) {
      const result = parseRosterCsv(rows.map((r) => r.join(d)).join('\n'));
      expect(result.csv?.delimiter).toBe(d);
      expect(result.rows[0]?.parsed).toMatchObject({ name: 'Bo Prøvesen', email: 'bo@example.org', phone: '12345678' });
    }
  });

  it('counts delimiters outside quotes only, and prefers ; on a tie', () => {
    expect(detectDelimiter('"Navn, fulde";Titel')).toBe(';');
    expect(detectDelimiter('Navn,Titel;Organisation')).toBe(';');
    expect(detectDelimiter('Navn,Titel,Organisation;x')).toBe(',');
    expect(detectDelimiter('Navn')).toBe(';');
  });

  it('gives each row the line it starts on, past empty lines and quoted line breaks', () => {
    const csv = ['Navn;Titel;Organisation', '', 'Anne Testesen;"Formand,', 'og kasserer";Fiktiv Forening', '', '', 'Bo Prøvesen;Direktør;Opdigtet A/S'].join('\r\n');
    const result = parseRosterCsv(csv);
    expect(fields(csv)).toEqual([
      [3, 'Anne Testesen', 'Formand,\r\nog kasserer', 'Fiktiv Forening'],
      [7, 'Bo Prøvesen', 'Direktør', 'Opdigtet A/S'],
    ]);
    expect(result.rows[0]?.raw).toBe('Anne Testesen;"Formand,\nog kasserer";Fiktiv Forening');
  });

  it('takes an explicit column mapping over the usual names, and can leave a column out', () => {
    const csv = 'Medlem;Navn;Hvor\nAnne Testesen;Fiktiv Forening;Testby';
    expect(fields(csv, { name: 'medlem', organization: 'NAVN' })).toEqual([[2, 'Anne Testesen', '', 'Fiktiv Forening']]);
    const withoutTitle = parseRosterCsv('Navn;Titel;Organisation\nAnne Testesen;Formand;Fiktiv Forening', { title: null });
    expect(withoutTitle.rows[0]?.parsed.title).toBe('');
    expect(withoutTitle.csv?.columns.title).toBeNull();
  });

  it('reports a mapping to a header that is not there, and missing name and organisation columns', () => {
    const result = parseRosterCsv('Fornavn;Firma\nAnne;Fiktiv Forening', { email: 'Mail' });
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['columns.email', 'unknown_column'],
      ['columns.name', 'missing_column'],
      ['columns.organization', 'missing_column'],
    ]);
    expect(result.csv?.headers).toEqual(['Fornavn', 'Firma']);
  });

  it('reports rows without a name or organisation with their line, and skips empty rows', () => {
    const csv = 'Navn;Titel;Organisation\n;Formand;Fiktiv Forening\n;;\nBo Prøvesen;Direktør;\n';
    const result = parseRosterCsv(csv);
    expect(result.rows.map((r) => [r.line, r.errors.map((e) => [e.line, e.field, e.code])])).toEqual([
      [2, [[2, 'name', 'missing_name']]],
      [4, [[4, 'organization', 'missing_organization']]],
    ]);
  });

  it('reads a seat without a name as a vacant seat', () => {
    const result = parseRosterCsv('Plads;Navn;Organisation\nTestplads 1;;Fiktiv Forening');
    expect(result.rows[0]).toMatchObject({ parsed: { seat: 'Testplads 1', name: null }, errors: [] });
  });

  it('removes the guard the export puts before formula characters', () => {
    const result = parseRosterCsv("Navn;Titel;Organisation\nAnne Testesen;'=1+1;'-Fiktiv Forening");
    expect(result.rows[0]?.parsed).toMatchObject({ title: '=1+1', organization: '-Fiktiv Forening' });
  });

  it('reports a broken quote as a CSV syntax error on its line and keeps the rows before it', () => {
    const csv = 'Navn;Titel;Organisation\nAnne Testesen;Formand;Fiktiv Forening\nBo Prøvesen;"Direktør;Opdigtet A/S\n';
    const result = parseRosterCsv(csv);
    expect(result.rows.map((r) => r.parsed.name)).toEqual(['Anne Testesen']);
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, field: 'content', code: 'csv_syntax' })]);
  });

  it('answers a document error for an empty file or a header without rows', () => {
    expect(parseRosterCsv('').errors.map((e) => e.code)).toEqual(['no_rows']);
    expect(parseRosterCsv('\r\n \r\n').errors.map((e) => e.code)).toEqual(['no_rows']);
    expect(parseRosterCsv('Navn;Organisation\r\n').errors.map((e) => e.code)).toEqual(['no_rows']);
  });
});
