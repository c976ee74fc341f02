/**
 * Text folding for search: case-, accent- and Danish-letter-insensitive, so "sorensen" finds
 * "Sørensen" and "aerø" finds "Ærø". Letters that do not decompose in Unicode (ø, æ, å's
 * digraph aa) are mapped by hand.
 */
const DANISH: Record<string, string> = { ø: 'o', æ: 'ae', å: 'a', ß: 'ss', đ: 'd', ł: 'l' };

export function foldForSearch(s: string): string {
  return s
    .toLowerCase()
    .replace(/aa/g, 'a')
    .replace(/[øæåßđł]/g, (c) => DANISH[c] ?? c)
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[\s\-‐–—]+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in the folded text. */
export function matchesSearch(haystack: string | readonly string[], query: string): boolean {
  const q = foldForSearch(query);
  if (!q) return true;
  const text = foldForSearch(typeof haystack === 'string' ? haystack : haystack.join(' '));
  return q.split(' ').every((word) => text.includes(word));
}

const collator = new Intl.Collator('da', { numeric: true, sensitivity: 'base' });
/** Danish alphabetical order (æ, ø, å last), numbers in natural order ("Plads 2" before "Plads 10"). */
export const compareDanish = (a: string, b: string): number => collator.compare(a, b);
