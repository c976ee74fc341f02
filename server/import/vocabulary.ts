/**
 * The words the importer and the CSV export share: Danish and English header names, role and
 * sector words, the Danish labels the export writes, and the sector guess for a new
 * organisation from words in its name (docs/decisions/006-import-export.md).
 */
import { ROLES, SECTORS, type Role, type Sector } from '../../src/domain/schemas';
import type { ImportField } from '../../src/domain/import';
import { foldForSearch } from '../../src/domain/text';

/** Case-, accent-, hyphen- and punctuation-insensitive form used for every comparison here. */
export function fold(s: string): string {
  return foldForSearch(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The header the CSV export writes for each column, in order (Danish; the importer reads these too). */
export const EXPORT_HEADERS = ['Organ', 'Plads', 'Navn', 'Titel', 'Organisation', 'Sektor', 'Rolle', 'Start', 'Slut'] as const;

/** Header names (folded) that the importer recognises for each field, Danish and English. */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  name: ['navn', 'name', 'fulde navn', 'full name', 'medlem', 'member', 'person'],
  title: ['titel', 'title', 'stilling', 'position', 'job title'],
  organization: ['organisation', 'organization', 'org', 'udpeget af', 'on behalf of'],
  sector: ['sektor', 'sector'],
  email: ['email', 'e mail', 'mail'],
  phone: ['telefon', 'phone', 'tlf', 'telefonnummer', 'mobil', 'mobile'],
  role: ['rolle', 'role'],
  seat: ['plads', 'seat', 'post'],
  startDate: ['start', 'startdato', 'start date', 'fra', 'from'],
  endDate: ['slut', 'slutdato', 'end', 'end date', 'til', 'to'],
  body: ['organ', 'body', 'rad', 'rad eller forum', 'forum'],
};

const FIELD_OF_HEADER = new Map<string, ImportField>(
  Object.entries(HEADER_ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as ImportField] as const)),
);

/** The field a header names, if it is one of the usual names. */
export function fieldOfHeader(header: string): ImportField | undefined {
  return FIELD_OF_HEADER.get(fold(header));
}

// Roles and sectors -------------------------------------------------------------------------

/** Danish labels as the SPA shows them; the CSV export writes these. */
export const ROLE_LABELS_DA: Record<Role, string> = { chair: 'Formand', 'vice-chair': 'Næstformand', member: 'Medlem' };
export const SECTOR_LABELS_DA: Record<Sector, string> = {
  municipality: 'Kommunen',
  business: 'Erhvervslivet',
  union: 'Faglige organisationer',
  education: 'Uddannelse og viden',
};
const ROLE_LABELS_EN: Record<Role, string> = { chair: 'Chair', 'vice-chair': 'Vice-chair', member: 'Member' };
const SECTOR_LABELS_EN: Record<Sector, string> = {
  municipality: 'Municipality',
  business: 'Business',
  union: 'Trade unions',
  education: 'Education and knowledge',
};

function lookup<T extends string>(codes: readonly T[], labels: Record<T, string>[], extra: Record<string, T>) {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(fold(code), code);
    for (const l of labels) map.set(fold(l[code]), code);
  }
  for (const [word, code] of Object.entries(extra)) map.set(fold(word), code);
  return (written: string): T | undefined => map.get(fold(written));
}

/** A role written as its code or in Danish or English ("Formand", "Vice-chair", "medlem"). */
export const roleOf = lookup(ROLES, [ROLE_LABELS_DA, ROLE_LABELS_EN], {
  forperson: 'chair',
  formand: 'chair',
  chairman: 'chair',
  chairperson: 'chair',
  'vice chair': 'vice-chair',
  'vice formand': 'vice-chair',
  viceformand: 'vice-chair',
});

/** A sector written as its code or in Danish or English ("Kommunen", "Trade unions", "erhverv"). */
export const sectorOf = lookup(SECTORS, [SECTOR_LABELS_DA, SECTOR_LABELS_EN], {
  kommune: 'municipality',
  erhverv: 'business',
  erhvervsliv: 'business',
  fagbevaegelsen: 'union',
  'faglig organisation': 'union',
  fagforening: 'union',
  uddannelse: 'education',
  'uddannelse og forskning': 'education',
  education: 'education',
  knowledge: 'education',
});

/**
 * Words in an organisation's (folded) name that reveal its sector, tried in this order. Only
 * clear words: anything else gets the default (business) and is marked for the reviewer.
 */
const SECTOR_WORDS: [RegExp, Sector][] = [
  [/\bkommune(?:n|s)?\b|\bmunicipality\b/, 'municipality'],
  [/\b(?:lo|fh|3f|hk|foa|krifa|dansk metal)\b|fagforening|fagbevaegelse|\btrade union|\bunion\b/, 'union'],
  [
    /skole|gymnasi|\b(?:uc|vuc|eud|eux|hf)\b|universitet|university|akademi|academy|college|seminari|uddannelse|\bpark\b|videnpark/,
    'education',
  ],
  [/business|erhverv|industri|handel|byggeri|\b(?:di|a s|aps|group|koncern)\b/, 'business'],
];

export const DEFAULT_SECTOR: Sector = 'business';

/** The sector an organisation's name suggests, or undefined when its words say nothing. */
export function guessSector(name: string): Sector | undefined {
  const folded = fold(name);
  return SECTOR_WORDS.find(([words]) => words.test(folded))?.[1];
}
