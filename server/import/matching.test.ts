import { describe, expect, it } from 'vitest';
import { ORGANIZATIONS } from '../seed/horsens-alliancen';
import { OrganizationMatcher, compactKey, editDistance, maxEdits, personMatcher } from './matching';
import { guessSector, roleOf, sectorOf } from './vocabulary';

const seedOrgs = ORGANIZATIONS.map((o, i) => ({ ...o, id: `org-${i + 1}` }));
const matcher = new OrganizationMatcher(seedOrgs);
const best = (written: string) => matcher.find(written).map((c) => [c.organization.name, c.distance]);

describe('organisation matching', () => {
  it.each([
    ['LO Horsens-Hedensted', 0],
    ['LO Horsens Hedensted', 0],
    ['lo horsens hedensted', 0],
    ['LO  Horsens – Hedensted', 0],
    ['LO HorsensHedensted', 0],
    ['LO Horsens-Hedenstedt', 1],
    ['LO Horsns-Hedensted', 1],
    ['LO Horsens-Hedenstd', 1],
  ])('finds LO Horsens-Hedensted for "%s" at distance %i', (written, distance) => {
    expect(best(written)).toEqual([['LO Horsens-Hedensted', distance]]);
  });

  it('says which name matched: the name or one of the other names', () => {
    const withOtherName = new OrganizationMatcher([
      { id: 'a', name: 'Fiktiv Erhvervsforening', sector: 'business' as const, otherNames: ['FEF Testby'] },
    ]);
    expect(withOtherName.find('FEF-Testby')[0]).toMatchObject({ matchedName: 'FEF Testby', distance: 0 });
    expect(withOtherName.find('Fiktiv Erhvervsforenin')[0]).toMatchObject({ matchedName: 'Fiktiv Erhvervsforening', distance: 1 });
  });

  it.each([
    ['Horsens Haandværker og Industriforening', 'Horsens Haandværker- og Industriforening', 0],
    ['Horsens Håndværker- og Industriforening', 'Horsens Haandværker- og Industriforening', 0],
    ['Busines Horsens', 'BusinessHorsens', 1],
    ['Rema 1000 / Reitan', 'Rema1000/Reitan', 0],
    ['VIA University College', undefined, undefined],
    ['Horsens Statskole', 'Horsens Statsskole', 1],
  ])('"%s" is %s (distance %s)', (written, name, distance) => {
    expect(best(written)).toEqual(name === undefined ? [] : [[name, distance]]);
  });

  it('does not mistake similar short names or other numbers for spelling differences', () => {
    expect(best('DI Horsens')).toEqual([['DI Horsens', 0]]);
    expect(best('LO Horsens')).toEqual([]);
    expect(best('DI Vejle')).toEqual([]);
    const numbered = new OrganizationMatcher([
      { id: 'a', name: 'Testforening 1', sector: 'business' as const, otherNames: [] },
    ]);
    expect(numbered.find('Testforening 2')).toEqual([]);
    expect(numbered.find('Testforning 1').map((c) => c.distance)).toEqual([1]);
  });

  it('returns every organisation at the smallest distance: two equally close ones are ambiguous', () => {
    const twins = new OrganizationMatcher([
      { id: 'a', name: 'Testlaug Alfa', sector: 'business' as const, otherNames: [] },
      { id: 'b', name: 'Testlaug Alpa', sector: 'business' as const, otherNames: [] },
    ]);
    expect(twins.find('Testlaug Alva').map((c) => c.organization.id)).toEqual(['a', 'b']);
    expect(twins.find('Testlaug Alfa').map((c) => c.organization.id)).toEqual(['a']);
  });

  it('grows: an organisation added during an import is found by its other spellings', () => {
    const growing = new OrganizationMatcher<{ name: string; otherNames: string[] }>();
    const created = { name: 'Fiktiv Fagforening Nord', otherNames: [] };
    growing.add(created);
    expect(growing.find('Fiktiv Fagforening-Nord')[0]?.organization).toBe(created);
    expect(growing.find('Fiktiv Fagforenig Nord')[0]?.organization).toBe(created);
  });
});

describe('person matching', () => {
  const people = [
    { id: 'p1', name: 'Peter Sørensen' },
    { id: 'p2', name: 'Hans A. Sørensen' },
    { id: 'p3', name: 'Testperson Dobbelt' },
    { id: 'p4', name: 'Testperson  Dobbelt' },
  ];
  const find = (name: string) => personMatcher(people).find(name).map((p) => p.id);

  it.each([
    ['Peter Sørensen', ['p1']],
    ['Peter Sorensen', ['p1']],
    ['peter sørensen', ['p1']],
    ['PETER SØRENSEN', ['p1']],
    ['  Peter   Sørensen ', ['p1']],
    ['Hans A Sørensen', ['p2']],
    ['Hans A. Sorensen', ['p2']],
    ['HansA. Sørensen', ['p2']],
    ['Peter Sørensson', []],
    ['Peter', []],
  ])('"%s" finds %j', (name, ids) => {
    expect(find(name)).toEqual(ids);
  });

  it('finds every person with the same folded name, so the preview can call it ambiguous', () => {
    expect(find('testperson dobbelt')).toEqual(['p3', 'p4']);
  });
});

describe('edit distance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['kitten', 'sitting', 3],
  ])('between "%s" and "%s" is %i', (a, b, d) => {
    expect(editDistance(a, b, 10)).toBe(d);
  });

  it('stops at max + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows no edit up to 4 characters, 1 up to 12, 2 beyond', () => {
    expect([compactKey('VIA'), compactKey('Velux'), compactKey('DI Horsens'), compactKey('Horsens Kommune')].map(maxEdits)).toEqual([
      0, 1, 1, 2,
    ]);
  });
});

describe('vocabulary', () => {
  it.each([
    ['Horsens Kommune', 'municipality'],
    ['LO Horsens-Hedensted', 'union'],
    ['3F Fiktivby', 'union'],
    ['Horsens Statsskole', 'education'],
    ['VIA UC', 'education'],
    ['Vitus Bering Park', 'education'],
    ['BusinessHorsens', 'business'],
    ['DI Horsens', 'business'],
    ['Dansk Byggeri Horsens', 'business'],
    ['Horsens Haandværker- og Industriforening', 'business'],
    ['Casa Group', 'business'],
    ['Learnmark', undefined],
    ['Velux', undefined],
    ['Bubblemedia', undefined],
  ])('guesses the sector of %s: %s', (name, sector) => {
    expect(guessSector(name)).toBe(sector);
  });

  it('reads roles and sectors in Danish, English or as codes', () => {
    expect(['Formand', 'chair', 'Chair', 'FORMAND'].map(roleOf)).toEqual(['chair', 'chair', 'chair', 'chair']);
    expect(['Næstformand', 'naestformand', 'vice-chair', 'Vice chair'].map(roleOf)).toEqual(Array(4).fill('vice-chair'));
    expect(['Medlem', 'member'].map(roleOf)).toEqual(['member', 'member']);
    expect(roleOf('Boss')).toBeUndefined();
    expect(['Kommunen', 'municipality', 'Erhvervslivet', 'Faglige organisationer', 'Uddannelse og viden', 'Trade unions'].map(sectorOf)).toEqual([
      'municipality',
      'municipality',
      'business',
      'union',
      'education',
      'union',
    ]);
    expect(sectorOf('Kirken')).toBeUndefined();
  });
});
