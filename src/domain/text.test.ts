import { describe, expect, it } from 'vitest';
import { compareDanish, foldForSearch, matchesSearch } from './text';

describe('foldForSearch', () => {
  it.each([
    ['Sørensen', 'sorensen'],
    ['Ærø', 'aero'],
    ['Ålborg', 'alborg'],
    ['Aagaard', 'agard'],
    ['ØSTERGAARD', 'ostergard'],
    ['Café Müller', 'cafe muller'],
    ['Straße', 'strasse'],
    ['LO Horsens-Hedensted', 'lo horsens hedensted'],
    ['LO Horsens – Hedensted', 'lo horsens hedensted'],
    ['  Bo \t Ulsøe\n', 'bo ulsoe'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('folds a decomposed å (a + combining ring) like a precomposed one', () => {
    expect(foldForSearch('A\u030Alborg')).toBe(foldForSearch('Ålborg'));
  });
});

describe('matchesSearch', () => {
  it.each([
    ['sorensen', 'Sørensen'],
    ['ulsoe', 'Bo Ulsøe'],
    ['thogersen', 'Lotte Thøgersen'],
    ['aagaard', 'Johannes Aagaard Saugbjerg'],
    ['agard', 'Johannes Aagaard Saugbjerg'],
    ['aero', 'Ærø Kommune'],
    ['aerø', 'Ærø Kommune'],
    ['alborg', 'Ålborg'],
    ['Sørensen', 'sorensen'],
  ])('finds %j in %j', (query, haystack) => {
    expect(matchesSearch(haystack, query)).toBe(true);
  });

  it.each([
    ['SØRENSEN', 'sørensen'],
    ['sørensen', 'SØRENSEN'],
    ['bo ULSØE', 'Bo Ulsøe'],
  ])('ignores case: %j finds %j', (query, haystack) => {
    expect(matchesSearch(haystack, query)).toBe(true);
  });

  it.each([
    ['LO Horsens Hedensted', 'LO Horsens-Hedensted'],
    ['lo horsens-hedensted', 'LO Horsens Hedensted'],
    ['hedensted horsens', 'LO Horsens-Hedensted'],
    ['saugbjerg johannes', 'Johannes Aagaard Saugbjerg'],
    ['  bo   ulsøe  ', 'Bo Ulsøe'],
    ['jo saug', 'Johannes Aagaard Saugbjerg'],
  ])('matches every word of a multi-word query, in any order: %j finds %j', (query, haystack) => {
    expect(matchesSearch(haystack, query)).toBe(true);
  });

  it.each([
    ['sorensen', 'Lotte Thøgersen'],
    ['bo hansen', 'Bo Ulsøe'],
    ['LO Horsens Vejle', 'LO Horsens-Hedensted'],
    ['ulsoee', 'Bo Ulsøe'],
  ])('does not find %j in %j', (query, haystack) => {
    expect(matchesSearch(haystack, query)).toBe(false);
  });

  it('searches every string of a list, such as a name and its other names', () => {
    const names = ['Landsorganisationen i Danmark', 'LO Horsens-Hedensted'];
    expect(matchesSearch(names, 'lo hedensted')).toBe(true);
    expect(matchesSearch(names, 'landsorganisationen horsens')).toBe(true);
    expect(matchesSearch(names, 'landsorganisationen vejle')).toBe(false);
  });

  it.each(['', '   ', ' - '])('matches everything with the empty query %j', (query) => {
    expect(matchesSearch('Bo Ulsøe', query)).toBe(true);
    expect(matchesSearch([], query)).toBe(true);
  });

  it('matches nothing in an empty haystack once the query has a word', () => {
    expect(matchesSearch('', 'bo')).toBe(false);
    expect(matchesSearch([], 'bo')).toBe(false);
  });
});

describe('compareDanish', () => {
  const sorted = (names: string[]) => [...names].sort(compareDanish);

  it('orders æ, ø and å after z, in that order', () => {
    expect(sorted(['Ålborg', 'Ørsted', 'Zink', 'Ærø', 'Andersen'])).toEqual([
      'Andersen',
      'Zink',
      'Ærø',
      'Ørsted',
      'Ålborg',
    ]);
  });

  it('orders the lower-case letters the same way', () => {
    expect(sorted(['å', 'ø', 'æ', 'z', 'a'])).toEqual(['a', 'z', 'æ', 'ø', 'å']);
  });

  it('orders numbers naturally: "Plads 2" before "Plads 10"', () => {
    expect(compareDanish('Plads 2', 'Plads 10')).toBeLessThan(0);
    expect(sorted(['Plads 10', 'Plads 1', 'Plads 2', 'Plads 21', 'Plads 3'])).toEqual([
      'Plads 1',
      'Plads 2',
      'Plads 3',
      'Plads 10',
      'Plads 21',
    ]);
  });

  it('ignores case', () => {
    expect(compareDanish('sørensen', 'SØRENSEN')).toBe(0);
    expect(compareDanish('bo', 'Bo')).toBe(0);
  });

  it('sorts "aa" as å, as Danish does', () => {
    expect(compareDanish('Aagaard', 'Zink')).toBeGreaterThan(0);
    expect(compareDanish('Aagaard', 'Ørsted')).toBeGreaterThan(0);
  });
});
