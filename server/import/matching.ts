/**
 * Who and what a row means. People match by name alone, after folding case, accents, Danish
 * letters, punctuation and spacing ("Sorensen" is "Sørensen", "Hans A Sørensen" is "Hans A.
 * Sørensen"). Organisations match by name or other name folded the same way and, failing
 * that, by a small edit distance on the folded form without spaces: none for up to 4
 * characters, 1 up to 12, 2 beyond ("LO Horsens Hedensted" is "LO Horsens-Hedensted",
 * "Dansk Byggeri Horsens" is "Dansk Bygeri Horsens"; "DI Horsens" is not "LO Horsens"), and
 * never across different numbers ("Testforening 1" is not "Testforening 2").
 * One best candidate is a match, several equally good ones are ambiguous. Pure.
 */
import type { Sector } from '../../src/domain/schemas';
import { fold } from './vocabulary';

/** The folded form without spaces: what names are compared by. */
export function compactKey(s: string): string {
  return fold(s).replace(/ /g, '');
}

/** How many edits a name of this (compact) length may differ by and still match. */
export function maxEdits(key: string): number {
  if (key.length <= 4) return 0;
  return key.length <= 12 ? 1 : 2;
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max (banded, so cheap for small max). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? Infinity) + 1, (current[j - 1] ?? Infinity) + 1, (previous[j - 1] ?? Infinity) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}

// People ----------------------------------------------------------------------------------

export interface PersonLike {
  id: string;
  name: string;
}

export interface PersonMatcher<P extends PersonLike> {
  /** Existing people whose folded name is the written one's. */
  find(name: string): P[];
}

export function personMatcher<P extends PersonLike>(people: readonly P[]): PersonMatcher<P> {
  const byKey = new Map<string, P[]>();
  for (const p of people) {
    const key = compactKey(p.name);
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  return { find: (name) => byKey.get(compactKey(name)) ?? [] };
}

// Organisations -----------------------------------------------------------------------------

export interface OrganizationLike {
  id: string;
  name: string;
  sector: Sector;
  otherNames: readonly string[];
}

export interface OrganizationCandidate<O> {
  organization: O;
  matchedName: string;
  distance: number;
}

interface Entry<O> {
  organization: O;
  name: string;
  key: string;
}

/** Finds organisations by name and other names; `add` lets clusters of new ones grow during an import. */
export class OrganizationMatcher<O extends { name: string; otherNames: readonly string[] }> {
  private readonly exact = new Map<string, Entry<O>[]>();
  private readonly entries: Entry<O>[] = [];

  constructor(organizations: readonly O[] = []) {
    for (const o of organizations) this.add(o);
  }

  add(organization: O, names: readonly string[] = [organization.name, ...organization.otherNames]): void {
    for (const name of names) {
      const key = compactKey(name);
      if (key === '') continue;
      const entry = { organization, name, key };
      this.entries.push(entry);
      this.exact.set(key, [...(this.exact.get(key) ?? []), entry]);
    }
  }

  /** The best candidates for a written name: every organisation at the smallest distance within the threshold. */
  find(written: string): OrganizationCandidate<O>[] {
    const key = compactKey(written);
    if (key === '') return [];
    const exact = this.exact.get(key);
    let found: Entry<O>[] = exact ?? [];
    let distance = 0;
    if (!exact) {
      const max = maxEdits(key);
      let best = max + 1;
      const digits = key.replace(/\D/g, '');
      for (const entry of this.entries) {
        // Numbers are not spelling: "Testforening 1" is not "Testforening 2".
        if (entry.key.replace(/\D/g, '') !== digits) continue;
        const d = editDistance(key, entry.key, Math.min(max, maxEdits(entry.key)));
        if (d > max || d > maxEdits(entry.key)) continue;
        if (d < best) {
          best = d;
          found = [entry];
        } else if (d === best) {
          found.push(entry);
        }
      }
      distance = best;
    }
    // Of an organisation's names that match equally, name the one written the same way.
    const sameness = (name: string) => (name === written.trim() ? 0 : fold(name) === fold(written) ? 1 : 2);
    found = [...found].sort((a, b) => sameness(a.name) - sameness(b.name));
    const byOrganization = new Map<O, OrganizationCandidate<O>>();
    for (const entry of found) {
      if (!byOrganization.has(entry.organization)) {
        byOrganization.set(entry.organization, { organization: entry.organization, matchedName: entry.name, distance });
      }
    }
    return [...byOrganization.values()];
  }
}
