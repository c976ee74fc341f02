import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { isActiveOn, membershipViolations, termStatus, termViolations } from '../../src/domain/rules';
import {
  BodyInputSchema,
  MembershipInputSchema,
  OrganizationInputSchema,
  PersonInputSchema,
  SeatInputSchema,
  TermInputSchema,
  type Membership,
} from '../../src/domain/schemas';
import { linkSegments, SEGMENT_END_REASONS } from '../../src/domain/segments';
import { freshEmptyStore, STORE_KIND } from '../../tests/contract/test-stores';
import { REPRESENTATIVES } from './horsens-alliancen';
import { countWorld, generateWorld, loadWorld, loadWorldBulk, mulberry32, SYNTHETIC_TODAY, type SyntheticWorld } from './synthetic';

const groupBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

let world: SyntheticWorld;
beforeAll(() => {
  world = generateWorld({ people: 2000, seed: 42 });
});

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });
});

describe('generateWorld', () => {
  it('gives the same world for the same seed and another for another seed', () => {
    const again = generateWorld({ people: 2000, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(world));
    const other = generateWorld({ people: 2000, seed: 43 });
    expect(other.people.map((p) => p.name)).not.toEqual(world.people.map((p) => p.name));
    expect(other.memberships.length).not.toBe(world.memberships.length);
  });

  it('has the shape of issue 8 for 2000 people', () => {
    const counts = countWorld(world);
    expect(counts.terms).toBe(10);
    expect(counts.bodies).toBeGreaterThanOrEqual(18);
    expect(counts.bodies).toBeLessThanOrEqual(22);
    expect(counts.organizations).toBeGreaterThanOrEqual(180);
    expect(counts.organizations).toBeLessThanOrEqual(220);
    expect(counts.people).toBe(2000);
    expect(counts.memberships).toBeGreaterThanOrEqual(17_000);
    expect(counts.memberships).toBeLessThanOrEqual(23_000);
    // Most people hold a seat at some time.
    expect(new Set(world.memberships.map((m) => m.personId)).size).toBeGreaterThan(0.85 * counts.people);
  });

  it('scales with the number of people', () => {
    const small = countWorld(generateWorld({ people: 200, seed: 42 }));
    expect(small).toMatchObject({ terms: 10, bodies: 2, organizations: 20, people: 200 });
    expect(small.memberships).toBeGreaterThanOrEqual(1500);
    expect(small.memberships).toBeLessThanOrEqual(3200);
  });

  it('refuses sizes and seeds it cannot honour', () => {
    expect(() => generateWorld({ people: 5 })).toThrow(RangeError);
    expect(() => generateWorld({ people: 2000.5 })).toThrow(RangeError);
    expect(() => generateWorld({ people: 200, seed: -1 })).toThrow(RangeError);
  });

  it('has consecutive four-year terms, the last one current today', () => {
    expect(world.terms.map((t) => t.label)).toEqual([
      '1990-1993', '1994-1997', '1998-2001', '2002-2005', '2006-2009',
      '2010-2013', '2014-2017', '2018-2021', '2022-2025', '2026-2029',
    ]);
    for (const [i, t] of world.terms.entries()) {
      expect(termViolations(t, world.terms)).toEqual([]);
      const next = world.terms[i + 1];
      if (next) expect(addDays(t.endDate, 1)).toBe(next.startDate);
    }
    expect(termStatus(world.terms.at(-1)!, SYNTHETIC_TODAY)).toBe('current');
    // Nothing happens after "today".
    expect(world.memberships.filter((m) => m.startDate > SYNTHETIC_TODAY)).toEqual([]);
  });

  it('nests fora under councils', () => {
    const byId = new Map(world.bodies.map((b) => [b.id, b]));
    const councils = world.bodies.filter((b) => b.kind === 'council');
    expect(councils.length).toBeGreaterThanOrEqual(3);
    for (const [i, body] of world.bodies.entries()) {
      if (body.kind === 'council') {
        expect(body.parentId).toBeNull();
      } else {
        expect(byId.get(body.parentId!)?.kind).toBe('council');
        // Parents come first, so a loader can write in order.
        expect(world.bodies.findIndex((b) => b.id === body.parentId)).toBeLessThan(i);
      }
    }
  });

  it('writes records that pass their input schemas unchanged', () => {
    const schemas = [
      [world.terms, TermInputSchema],
      [world.bodies, BodyInputSchema],
      [world.organizations, OrganizationInputSchema],
      [world.people, PersonInputSchema],
      [world.seats, SeatInputSchema],
      [world.memberships, MembershipInputSchema],
    ] as const;
    for (const [records, schema] of schemas) {
      for (const record of records) {
        const parsed = schema.safeParse(record);
        if (!parsed.success) throw new Error(`${record.id}: ${parsed.error.message}`);
        expect(parsed.data).toEqual(withoutId(record));
      }
    }
    const ids = Object.values(world)
      .filter(Array.isArray)
      .flatMap((records: { id: string }[]) => records.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every membership within the domain rules over the whole timeline', () => {
    const seatById = new Map(world.seats.map((s) => [s.id, s]));
    const termById = new Map(world.terms.map((t) => [t.id, t]));
    const seatOf = (m: Pick<Membership, 'seatId'>) => seatById.get(m.seatId)!;
    // Terms do not overlap (above) and every membership lies inside its term (checked here),
    // so memberships of different terms never overlap: comparing within a body and term is
    // comparing with every membership of the body, in linear rather than quadratic time.
    const groups = groupBy(world.memberships, (m) => `${seatOf(m).bodyId}|${seatOf(m).termId}`);
    let checked = 0;
    for (const memberships of groups.values()) {
      const first = memberships[0]!;
      const term = termById.get(seatOf(first).termId)!;
      for (const m of memberships) {
        const violations = membershipViolations(m, {
          seat: seatOf(m),
          term,
          memberships,
          bodyOfSeat: (id) => seatById.get(id)?.bodyId,
          termEndOfSeat: () => term.endDate,
        });
        if (violations.length) throw new Error(`${m.id}: ${JSON.stringify(violations)}`);
        checked++;
      }
    }
    expect(checked).toBe(world.memberships.length);
  });

  it('chains role, title and holder changes as segments, with vacancies between some', () => {
    const linked = linkSegments(world.memberships);
    const counts = { continues: 0, replaces: 0, vacated: 0 };
    for (const { segment, next, nextLink } of linked) {
      if (segment.endReason === SEGMENT_END_REASONS.continues) {
        expect(nextLink, segment.id).toBe('continues');
        const changed = next!.role !== segment.role || next!.title !== segment.title;
        expect(changed, segment.id).toBe(true);
        counts.continues++;
      } else if (segment.endReason === SEGMENT_END_REASONS.replaces) {
        expect(nextLink, segment.id).toBe('replaces');
        counts.replaces++;
      } else if (segment.endReason !== null && next === null) {
        counts.vacated++;
      }
    }
    expect(counts.continues).toBeGreaterThan(world.memberships.length * 0.2);
    expect(counts.replaces).toBeGreaterThan(world.memberships.length * 0.03);
    expect(counts.vacated).toBeGreaterThan(world.memberships.length * 0.03);
    expect(world.memberships.filter((m) => m.role === 'chair').length).toBeGreaterThan(world.bodies.length * 8);
    // Today: some seats are vacant, and each body with seats in the current term has a holder.
    const current = world.terms.at(-1)!;
    const currentSeats = new Set(world.seats.filter((s) => s.termId === current.id).map((s) => s.id));
    const heldToday = new Set(
      world.memberships
        .filter((m) => currentSeats.has(m.seatId) && isActiveOn({ startDate: m.startDate, endDate: m.endDate ?? current.endDate }, SYNTHETIC_TODAY))
        .map((m) => m.seatId),
    );
    expect(heldToday.size).toBeLessThan(currentSeats.size);
    expect(heldToday.size).toBeGreaterThan(currentSeats.size * 0.8);
  });

  it('names organisations with spelling variants and all four sectors', () => {
    const sectors = new Set(world.organizations.map((o) => o.sector));
    expect([...sectors].sort()).toEqual(['business', 'education', 'municipality', 'union']);
    const withVariants = world.organizations.filter((o) => o.otherNames.length > 0);
    expect(withVariants.length).toBeGreaterThan(world.organizations.length * 0.1);
    expect(new Set(world.organizations.map((o) => o.name)).size).toBe(world.organizations.length);
  });

  it('makes up Danish names, never a real seed person, and only clearly fake contact data', () => {
    const names = world.people.map((p) => p.name);
    expect(names.filter((n) => /[æøåÆØÅ]/.test(n)).length).toBeGreaterThan(names.length * 0.2);
    const real = new Set(REPRESENTATIVES.map(([name]) => name));
    expect(names.filter((n) => real.has(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    for (const p of world.people) {
      if (p.email !== null) expect(p.email).toMatch(/^[a-z0-9.-]+@example\.org$/);
      if (p.phone !== null) expect(p.phone).toMatch(/^00 \d\d \d\d \d\d$/);
      expect(p.notes).toMatch(/^Syntetisk testperson/);
    }
    for (const m of world.memberships) if (m.source !== null) expect(m.source).toMatch(/^https:\/\/example\.org\//);
  });
});

/** The world's first terms only (still valid: fewer memberships cannot break a rule). */
function firstTerms(w: SyntheticWorld, n: number): SyntheticWorld {
  const terms = w.terms.slice(0, n);
  const termIds = new Set(terms.map((t) => t.id));
  const seats = w.seats.filter((s) => termIds.has(s.termId));
  const seatIds = new Set(seats.map((s) => s.id));
  return { ...w, terms, seats, memberships: w.memberships.filter((m) => seatIds.has(m.seatId)) };
}

describe('loadWorld', () => {
  // On the memory store in the node project, and on PGlite and PostgreSQL in theirs, where the
  // database's constraints (one holder per seat, one chair per body, ...) check the world too.
  // A SQL store writes about a thousand records a second, so it gets the first two terms.
  it('writes the world through the store, in batches, with references mapped to the store ids', async () => {
    const generated = generateWorld({ people: 200, seed: 3 });
    const small = STORE_KIND === 'memory' ? generated : firstTerms(generated, 2);
    const store = await freshEmptyStore();
    const progress: number[] = [];
    const counts = await loadWorld(store, small, { batchSize: 700, onProgress: (written) => progress.push(written) });
    expect(counts).toEqual(countWorld(small));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(progress).toHaveLength(Math.ceil(total / 700));
    expect(progress.at(-1)).toBe(total);

    const [terms, bodies, organizations, people, seats, memberships] = await Promise.all([
      store.terms.list(),
      store.bodies.list(),
      store.organizations.list(),
      store.people.list(),
      store.seats.list(),
      store.memberships.list(),
    ]);
    expect({
      terms: terms.length,
      bodies: bodies.length,
      organizations: organizations.length,
      people: people.length,
      seats: seats.length,
      memberships: memberships.length,
    }).toEqual(counts);
    const seatIds = new Set(seats.map((s) => s.id));
    const personIds = new Set(people.map((p) => p.id));
    expect(memberships.every((m) => seatIds.has(m.seatId) && personIds.has(m.personId))).toBe(true);
    expect(new Set(memberships.map((m) => m.seatId)).size).toBeGreaterThan(0.9 * seats.length);
    // Same data as generated, apart from the ids the store chose.
    expect(people.map((p) => p.name).sort()).toEqual(small.people.map((p) => p.name).sort());
    const { events } = await store.audit.list({ limit: 1 });
    expect(events[0]?.actor).toBe('system');
  });
});

describe('loadWorldBulk', () => {
  // One importAll: on PGlite and PostgreSQL the database's constraints check the whole world.
  it('loads the world in one import, keeping the generated ids, with one audit event per record', async () => {
    const small = generateWorld({ people: 200, seed: 5 });
    const store = await freshEmptyStore();
    const counts = await loadWorldBulk(store, small);
    expect(counts).toEqual(countWorld(small));
    const [people, memberships] = await Promise.all([store.people.list(), store.memberships.list()]);
    expect(people.map((p) => p.id).sort()).toEqual(small.people.map((p) => p.id).sort());
    expect(memberships).toHaveLength(small.memberships.length);
    const first = small.memberships[0] as (typeof small.memberships)[number];
    expect(await store.memberships.get(first.id)).toEqual({ ...first, version: 1 });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const { events, total: audited } = await store.audit.list({ limit: 1 });
    expect(audited).toBe(total);
    expect(events[0]).toMatchObject({ actor: 'system', action: 'create', entity: 'memberships' });
    await expect(loadWorldBulk(store, small)).rejects.toThrow(/already holds data/);
  });
});
