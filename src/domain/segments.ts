/**
 * Membership segments over time. A role or title change ends one segment the day before the
 * next one starts on the same seat with the same person; a mid-term replacement does the same
 * with another person. These pure functions find those links, so a timeline can read
 * "continues" (same person, new role or title) or "replaces / replaced by" (another person).
 */
import { addDays } from './dates';
import type { Membership } from './schemas';

/** How a segment follows its predecessor: the same person continues, or another person replaces them. */
export type SegmentLinkKind = 'continues' | 'replaces';

export type SegmentLike = Pick<Membership, 'id' | 'seatId' | 'personId' | 'startDate' | 'endDate'>;

export interface LinkedSegment<T extends SegmentLike> {
  segment: T;
  /** The segment on the same seat that ends the day before this one starts. */
  previous: T | null;
  /** How this segment follows `previous`. */
  previousLink: SegmentLinkKind | null;
  /** The segment on the same seat that starts the day after this one ends. */
  next: T | null;
  /** How `next` follows this segment. */
  nextLink: SegmentLinkKind | null;
}

/** The endReason a change writes on the segment it ends: same person, or another person. */
export const SEGMENT_END_REASONS = { continues: 'changed', replaces: 'replaced' } as const satisfies Record<
  SegmentLinkKind,
  string
>;

export function linkKind(previous: Pick<SegmentLike, 'personId'>, next: Pick<SegmentLike, 'personId'>): SegmentLinkKind {
  return previous.personId === next.personId ? 'continues' : 'replaces';
}

/**
 * Links each segment to its predecessor and successor on the same seat, in the order given.
 * On valid data (one holder per seat at a time) a segment has at most one of each. Where
 * invalid data makes a link ambiguous (two segments end, or start, on the same day of a seat),
 * or a segment ends before it starts, no link is guessed. Links are symmetric: a.next is b
 * exactly when b.previous is a.
 */
export function linkSegments<T extends SegmentLike>(memberships: readonly T[]): LinkedSegment<T>[] {
  // Both maps are keyed by a seat and a day: the segments starting on that day, and the
  // segments whose end is the day before it.
  const key = (seatId: string, day: string) => JSON.stringify([seatId, day]);
  const starting = new Map<string, T[]>();
  const endingBefore = new Map<string, T[]>();
  const add = (map: Map<string, T[]>, k: string, m: T) => {
    const list = map.get(k);
    if (list) list.push(m);
    else map.set(k, [m]);
  };
  const valid = (m: T) => m.endDate === null || m.startDate <= m.endDate;
  for (const m of memberships) {
    if (!valid(m)) continue;
    add(starting, key(m.seatId, m.startDate), m);
    if (m.endDate !== null) add(endingBefore, key(m.seatId, addDays(m.endDate, 1)), m);
  }
  /** The unique pair (ending, starting) that meets on this seat and day, if there is exactly one. */
  const pairAt = (k: string): [T, T] | undefined => {
    const ends = endingBefore.get(k);
    const starts = starting.get(k);
    if (ends?.length !== 1 || starts?.length !== 1) return undefined;
    const [previous] = ends;
    const [next] = starts;
    return previous && next && previous !== next ? [previous, next] : undefined;
  };

  return memberships.map((segment) => {
    const before = valid(segment) ? pairAt(key(segment.seatId, segment.startDate)) : undefined;
    const after =
      valid(segment) && segment.endDate !== null ? pairAt(key(segment.seatId, addDays(segment.endDate, 1))) : undefined;
    const previous = before?.[1] === segment ? before[0] : null;
    const next = after?.[0] === segment ? after[1] : null;
    return {
      segment,
      previous,
      previousLink: previous && linkKind(previous, segment),
      next,
      nextLink: next && linkKind(segment, next),
    };
  });
}

/**
 * The segments as chains of direct successors, each chain oldest first: a seat's history reads
 * as one chain per unbroken run of holders. Chains come in the order their first segment was given.
 */
export function segmentChains<T extends SegmentLike>(memberships: readonly T[]): T[][] {
  const linked = linkSegments(memberships);
  const bySegment = new Map(linked.map((l) => [l.segment, l]));
  return linked
    .filter((l) => l.previous === null)
    .map((head) => {
      const chain: T[] = [];
      for (let l: LinkedSegment<T> | undefined = head; l; l = l.next ? bySegment.get(l.next) : undefined) {
        chain.push(l.segment);
      }
      return chain;
    });
}
