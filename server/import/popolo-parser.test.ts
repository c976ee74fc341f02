import { describe, expect, it } from 'vitest';
import { parsePopolo } from './popolo-parser';

const doc = {
  persons: [
    { id: 'p1', name: 'Testa Eksempel' },
    { id: 'p2', name: 'Bo Prøvesen' },
  ],
  organizations: [
    { id: 'council', name: 'Fiktivt Testråd', classification: 'council' },
    { id: 'forum', name: 'Fiktivt Testforum', classification: 'forum', parent_id: 'council' },
    { id: 'o1', name: 'Fiktiv Forening', classification: 'union', other_names: [{ name: 'Fiktiv-Foreningen' }] },
  ],
  posts: [
    { id: 's1', label: 'Fiktiv Forening 1', organization_id: 'council' },
    { id: 's2', label: 'Ledig plads', organization_id: 'council' },
    { id: 's3', label: 'Forumplads', organization_id: 'forum' },
  ],
  memberships: [
    { id: 'm1', person_id: 'p1', organization_id: 'council', post_id: 's1', on_behalf_of_id: 'o1', role: 'member', label: 'Formand', start_date: '2018-01-01', end_date: '2019-12-31' },
    { id: 'm2', person_id: 'p2', organization_id: 'council', post_id: 's1', on_behalf_of_id: 'o1', role: 'chair', start_date: '2020-01-01', sources: [{ url: 'https://example.org/b/1' }] },
    { id: 'm3', person_id: 'p1', organization_id: 'forum', post_id: 's3', role: 'member' },
  ],
};

describe('parsePopolo', () => {
  it('reads the memberships of the body with the target name, and its posts nobody holds as vacant rows', () => {
    const result = parsePopolo(JSON.stringify(doc), 'fiktivt testråd');
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.parsed.name, r.parsed.title, r.parsed.organization, r.parsed.sector, r.parsed.role, r.parsed.seat, r.parsed.startDate, r.parsed.endDate, r.parsed.source])).toEqual([
      [1, 'Testa Eksempel', 'Formand', 'Fiktiv Forening', 'union', 'member', 'Fiktiv Forening 1', '2018-01-01', '2019-12-31', null],
      [2, 'Bo Prøvesen', '', 'Fiktiv Forening', 'union', 'chair', 'Fiktiv Forening 1', '2020-01-01', null, 'https://example.org/b/1'],
      [3, null, '', null, null, null, 'Ledig plads', null, null, null],
    ]);
    expect(result.rows.map((r) => r.personKey)).toEqual(['popolo:p1', 'popolo:p2', undefined]);
    expect(result.rows[0]?.organizationOtherNames).toEqual(['Fiktiv-Foreningen']);
  });

  it('picks the other body by its name, and answers a document error when no body is named so', () => {
    expect(parsePopolo(JSON.stringify(doc), 'Fiktivt Testforum').rows.map((r) => r.parsed.seat)).toEqual(['Forumplads']);
    expect(parsePopolo(JSON.stringify(doc), 'Et andet råd').errors).toEqual([
      expect.objectContaining({ field: 'organizations', code: 'body_not_found' }),
    ]);
  });

  it('takes the only body with posts whatever its name', () => {
    const one = { ...doc, posts: doc.posts.slice(0, 2), memberships: doc.memberships.slice(0, 2) };
    expect(parsePopolo(JSON.stringify(one), 'Et andet råd').rows.map((r) => r.parsed.seat)).toEqual(['Fiktiv Forening 1', 'Fiktiv Forening 1', 'Ledig plads']);
  });

  it('flags memberships whose person or organisation is not in the document', () => {
    const broken = { ...doc, memberships: [{ ...doc.memberships[0], person_id: 'nobody', on_behalf_of_id: 'nothing' }] };
    const result = parsePopolo(JSON.stringify(broken), 'Fiktivt Testråd');
    expect(result.rows[0]?.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [1, 'organization', 'unknown_reference'],
      [1, 'name', 'unknown_reference'],
    ]);
  });

  it('answers document errors for JSON that is malformed or not Popolo', () => {
    expect(parsePopolo('{"persons": [', 'x').errors.map((e) => e.code)).toEqual(['malformed_json']);
    expect(parsePopolo('{"persons": "Testa"}', 'x').errors.map((e) => [e.field, e.code])).toEqual([['persons', 'invalid_popolo']]);
    expect(parsePopolo('{}', 'x').errors.map((e) => e.code)).toEqual(['no_rows']);
  });
});
