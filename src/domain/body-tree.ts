/**
 * Bodies in the order people think of them: the council first, then its fora under it
 * (alphabetically, Danish order), each with its depth for indenting. A body whose parent is
 * missing from the list is shown at the top level rather than lost.
 */
import type { Body } from './schemas';
import { compareDanish } from './text';

export interface BodyInTree<B> {
  body: B;
  /** 0 for the council (a top-level body), 1 for a forum under it, and so on. */
  depth: number;
}

type TreeBody = Pick<Body, 'id' | 'name' | 'kind' | 'parentId'>;

const byKindThenName = (a: TreeBody, b: TreeBody) =>
  (a.kind === b.kind ? 0 : a.kind === 'council' ? -1 : 1) || compareDanish(a.name, b.name);

export function bodiesInTreeOrder<B extends TreeBody>(bodies: readonly B[]): BodyInTree<B>[] {
  const ids = new Set(bodies.map((b) => b.id));
  const children = new Map<string | null, B[]>();
  for (const b of bodies) {
    const parent = b.parentId !== null && ids.has(b.parentId) && b.parentId !== b.id ? b.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), b]);
  }
  const out: BodyInTree<B>[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const b of [...(children.get(parent) ?? [])].sort(byKindThenName)) {
      if (seen.has(b.id)) continue;
      seen.add(b.id);
      out.push({ body: b, depth });
      visit(b.id, depth + 1);
    }
  };
  visit(null, 0);
  // A cycle (which the API refuses) would leave bodies unvisited: show them at the top level.
  for (const b of [...bodies].sort(byKindThenName)) if (!seen.has(b.id)) out.push({ body: b, depth: 0 });
  return out;
}

/** The ids of a body and every body under it (a body cannot be placed under any of these). */
export function bodyAndDescendants(bodies: readonly TreeBody[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const b of bodies) {
      if (b.parentId !== null && result.has(b.parentId) && !result.has(b.id)) {
        result.add(b.id);
        grew = true;
      }
    }
  }
  return result;
}
