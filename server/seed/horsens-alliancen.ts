/**
 * The seed roster, transcribed from ../shared/seed/horsens-alliancen.txt (the council's own
 * description) and nothing else: the council, its three goals and fora, the 2018-2021 term,
 * and its 22 representatives with their titles as written. What the text does not say is not
 * invented: no contact data, no forum members, and every role is "member".
 * See docs/decisions/002-seed-data.md for how titles and sectors were read.
 */
import type { Sector } from '../../src/domain/schemas';
import type { Repos } from '../store/store';

export const COUNCIL = {
  name: 'Horsens Alliancen',
  purpose: [
    'Forbedre erhvervslivets vækst- og udviklingsmuligheder',
    'Løfte uddannelsesniveauet i Horsens Kommune',
    'Sikre, at flere kommer i selvforsørgelse.',
  ],
};

/** The three fora, each with the goal it serves (the text lists goals and fora in the same order). */
export const FORA = ['Erhvervstaskforce', 'Horsens Uddannelsesråd', 'Jobtaskforce'].map((name, i) => ({
  name,
  purpose: COUNCIL.purpose[i] ?? '',
}));

export const TERM = { label: '2018-2021', startDate: '2018-01-01', endDate: '2021-12-31' };

export const ORGANIZATIONS: { name: string; sector: Sector; otherNames: string[] }[] = [
  { name: 'Horsens Kommune', sector: 'municipality', otherNames: [] },
  { name: 'BusinessHorsens', sector: 'business', otherNames: [] },
  { name: 'DI Horsens', sector: 'business', otherNames: [] },
  { name: 'LO Horsens-Hedensted', sector: 'union', otherNames: ['LO Horsens Hedensted'] },
  { name: 'Horsens Haandværker- og Industriforening', sector: 'business', otherNames: [] },
  { name: 'Dansk Byggeri Horsens', sector: 'business', otherNames: [] },
  { name: 'Horsens Statsskole', sector: 'education', otherNames: [] },
  { name: 'VIA UC', sector: 'education', otherNames: [] },
  { name: 'Learnmark', sector: 'education', otherNames: [] },
  { name: 'Insero', sector: 'business', otherNames: [] },
  { name: 'Vitus Bering Park', sector: 'education', otherNames: [] },
  { name: 'Bubblemedia', sector: 'business', otherNames: [] },
  { name: 'Rema1000/Reitan', sector: 'business', otherNames: [] },
  { name: 'Velux', sector: 'business', otherNames: [] },
  { name: 'Casa Group', sector: 'business', otherNames: [] },
];

/** The 22 representatives in the text's order: name, title as written, organisation as written. */
export const REPRESENTATIVES: [name: string, title: string, organization: string][] = [
  ['Peter Sørensen', 'Borgmester', 'Horsens Kommune'],
  ['Martin Ravn', '1. viceborgmester', 'Horsens Kommune'],
  ['Bo Ulsøe', 'Formand', 'BusinessHorsens'],
  ['Johannes Aagaard Saugbjerg', 'Formand', 'DI Horsens'],
  ['Hans A. Sørensen', 'Formand', 'LO Horsens-Hedensted'],
  ['Lone Dybdal', 'næstformand', 'LO Horsens Hedensted'],
  ['Jesper Gubbe Møller', 'Formand', 'Horsens Haandværker- og Industriforening'],
  ['Jens Arne Pedersen', 'Formand', 'Dansk Byggeri Horsens'],
  ['Mette Frost', 'Næstformand', 'BusinessHorsens'],
  ['Flemming Steen Jensen', 'Rektor', 'Horsens Statsskole'],
  ['Lotte Thøgersen', 'Uddannelsesdekan for ingeniøruddannelserne', 'VIA UC'],
  ['Niels Yde', 'Direktør', 'Learnmark'],
  ['Kim Søgård Kristensen', 'Direktør', 'Insero'],
  ['Ulla Sparre', 'Direktør', 'Vitus Bering Park'],
  ['Anders Killmann Petersen', 'Direktør', 'BusinessHorsens'],
  ['Daniel Bach', 'Indehaver', 'Bubblemedia'],
  ['Henrik Burkal', 'Adm. Direktør', 'Rema1000/Reitan'],
  ['Kristian E. Justesen', 'Adm. Direktør', 'Velux'],
  ['Per Hansen', 'direktør', 'Casa Group'],
  ['Peter Sinding Poulsen', 'Kommunaldirektør', 'Horsens Kommune'],
  ['Charlotte Lyrskov', 'Konst. direktør, Teknik og Miljø', 'Horsens Kommune'],
  ['Tanja Nyborg', 'Direktør, Uddannelse og Arbejdsmarked', 'Horsens Kommune'],
];

/** Loads the seed roster into an empty store, in one transaction. */
export async function seedHorsensAlliancen(store: { transaction: <R>(fn: (tx: Repos) => Promise<R>) => Promise<R> }) {
  return store.transaction(async (tx) => {
    const council = await tx.bodies.insert({
      name: COUNCIL.name,
      kind: 'council',
      parentId: null,
      purpose: COUNCIL.purpose.map((goal, i) => `${i + 1}. ${goal}`).join('\n'),
    });
    for (const forum of FORA) {
      await tx.bodies.insert({ name: forum.name, kind: 'forum', parentId: council.id, purpose: forum.purpose });
    }
    const term = await tx.terms.insert(TERM);
    const orgByName = new Map<string, { id: string; sector: Sector; name: string }>();
    for (const o of ORGANIZATIONS) {
      const org = await tx.organizations.insert(o);
      for (const n of [o.name, ...o.otherNames]) orgByName.set(n, org);
    }
    const seatsPerOrg = new Map<string, number>();
    const total = new Map<string, number>();
    for (const [, , orgName] of REPRESENTATIVES) {
      const id = orgByName.get(orgName)?.id ?? '';
      total.set(id, (total.get(id) ?? 0) + 1);
    }
    for (const [name, title, orgName] of REPRESENTATIVES) {
      const org = orgByName.get(orgName);
      if (!org) throw new Error(`Seed organisation missing: ${orgName}`);
      const n = (seatsPerOrg.get(org.id) ?? 0) + 1;
      seatsPerOrg.set(org.id, n);
      const seat = await tx.seats.insert({
        termId: term.id,
        bodyId: council.id,
        label: (total.get(org.id) ?? 1) > 1 ? `${org.name} ${n}` : org.name,
        nominatingOrganizationId: org.id,
        reservedSector: org.sector, previousSeatId: null,
      });
      const person = await tx.people.insert({ name, email: null, phone: null, notes: '' });
      await tx.memberships.insert({
        seatId: seat.id,
        personId: person.id,
        organizationId: org.id,
        role: 'member',
        title,
        startDate: TERM.startDate,
        endDate: null,
        endReason: null,
        decidedOn: null,
        source: null,
        endDecidedOn: null,
        endSource: null,
      });
    }
    return { councilId: council.id, termId: term.id };
  });
}
