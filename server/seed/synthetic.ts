/**
 * A clearly fake but realistic council world for load tests, benchmarks and demos
 * (`npm run seed:synthetic`). See docs/decisions/007-synthetic-world.md for its shape.
 *
 * `generateWorld` is pure and deterministic: the same options give the same world, byte for
 * byte (a seeded mulberry32, no Math.random, no clock). Records carry generated ids
 * ("syn-person-17"); `loadWorld` writes them through a Store, which assigns its own ids, in
 * batches of one transaction each. Every record satisfies its *InputSchema and the domain
 * rules (membershipViolations, termViolations) over the whole timeline.
 *
 * Work is linear in the number of people: regions of about 500 people, each with one
 * council, four fora and 50 organisations; ten memberships per person.
 */
import type { IsoDate } from '../../src/domain/dates';
import {
  BodyInputSchema,
  MembershipInputSchema,
  OrganizationInputSchema,
  PersonInputSchema,
  SeatInputSchema,
  TermInputSchema,
  type Body,
  type Membership,
  type Organization,
  type Person,
  type Role,
  type Seat,
  type Sector,
  type Term,
} from '../../src/domain/schemas';
import { SEGMENT_END_REASONS } from '../../src/domain/segments';
import type { AuditEvent, Dump, Repos, Store } from '../store/store';
import { REPRESENTATIVES } from './horsens-alliancen';

/** The real seed's people: never generated. */
const REAL_SEED_NAMES = REPRESENTATIVES.map(([name]) => name);

// World ----------------------------------------------------------------------------------

/** A generated record: the store's fields except the version, with a generated id. */
export type Generated<T> = Omit<T, 'version'>;

export interface SyntheticWorld {
  /** The options it was generated from (defaults filled in). */
  options: Required<WorldOptions>;
  terms: Generated<Term>[];
  /** Parents before their children (each council before its fora). */
  bodies: Generated<Body>[];
  organizations: Generated<Organization>[];
  people: Generated<Person>[];
  seats: Generated<Seat>[];
  memberships: Generated<Membership>[];
}

export interface WorldOptions {
  /** How many people; every other count scales with it (bodies N/100, organisations N/10, memberships about 10 N). */
  people: number;
  /** The PRNG seed (an unsigned 32-bit integer; default 1). */
  seed?: number;
  /** The world's "today": the current term holds no change after it. Default SYNTHETIC_TODAY. */
  today?: IsoDate;
}

/** Fixed, so the world depends on the seed only: inside the current term 2026-2029. */
export const SYNTHETIC_TODAY: IsoDate = '2026-11-27';
export const TERM_COUNT = 10;
export const FIRST_TERM_YEAR = 1990;
export const TERM_YEARS = 4;
export const MAX_PEOPLE = 999_999;

/** What a synthetic world holds: the roster's entities (no renewals or nominations). */
export type WorldCounts = Record<(typeof LOAD_ORDER)[number], number>;

export function countWorld(world: SyntheticWorld): WorldCounts {
  return {
    terms: world.terms.length,
    bodies: world.bodies.length,
    organizations: world.organizations.length,
    people: world.people.length,
    seats: world.seats.length,
    memberships: world.memberships.length,
  };
}

// PRNG -----------------------------------------------------------------------------------

/** mulberry32: a small, fast 32-bit PRNG; numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }
  /** An index drawn by weight. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= at(weights, i);
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [at(items, j), at(items, i)];
    }
    return items;
  }
}

function at<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new Error(`synthetic: index ${i} out of range (${items.length})`);
  return v;
}

// Days -----------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (date: IsoDate) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const isoCache = new Map<number, IsoDate>();
function isoOf(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

// Word lists (common Danish names; invented towns) ----------------------------------------

const FIRST_NAMES = [
  'Anders', 'Asger', 'Bent', 'Bjarne', 'Bjørn', 'Børge', 'Carsten', 'Christian', 'Claus', 'Emil', 'Erik', 'Esben',
  'Finn', 'Frederik', 'Gunnar', 'Henning', 'Jakob', 'Jens', 'Jesper', 'Jørgen', 'Jørn', 'Kasper', 'Knud', 'Kåre',
  'Lars', 'Leif', 'Mads', 'Magnus', 'Malthe', 'Mikkel', 'Morten', 'Niels', 'Ole', 'Oskar', 'Palle', 'Poul',
  'Preben', 'Rasmus', 'Simon', 'Steen', 'Svend', 'Søren', 'Thomas', 'Torben', 'Troels', 'Ulrik', 'Villads', 'Øjvind',
  'Åge', 'Anne', 'Astrid', 'Bente', 'Birgitte', 'Birthe', 'Bodil', 'Camilla', 'Dorthe', 'Else', 'Freja', 'Gitte',
  'Grethe', 'Hanne', 'Helle', 'Ida', 'Inge', 'Jette', 'Karen', 'Kirsten', 'Lene', 'Line', 'Louise', 'Lærke',
  'Maja', 'Malene', 'Marianne', 'Mette', 'Nanna', 'Pernille', 'Rikke', 'Signe', 'Sofie', 'Susanne', 'Sørine', 'Tove',
  'Trine', 'Vibeke', 'Åse', 'Bjørg', 'Gry', 'Kærsti',
] as const;

const SURNAMES = [
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen',
  'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Frederiksen', 'Laursen', 'Henriksen', 'Lund',
  'Schmidt', 'Eriksen', 'Holm', 'Clausen', 'Simonsen', 'Svendsen', 'Andreasen', 'Iversen', 'Østergaard',
  'Jeppesen', 'Vestergaard', 'Nissen', 'Lauridsen', 'Kjær', 'Jespersen', 'Mogensen', 'Skov', 'Søndergaard',
  'Bertelsen', 'Nørgaard', 'Kjærgaard', 'Dahl', 'Friis', 'Kjeldsen', 'Bøgh', 'Grøn', 'Bæk', 'Høj', 'Dalsgaard',
  'Brøndum', 'Lykke', 'Krogh', 'Thygesen', 'Bruun', 'Damgaard', 'Toft', 'Holst', 'Hedegaard', 'Lindholm',
  'Overgaard', 'Vinther', 'Bonde', 'Storgaard', 'Højgaard', 'Fogh', 'Sønderby', 'Bødker', 'Møllegaard', 'Rønn',
  'Brønnum', 'Åkjær', 'Kløve', 'Fæster',
] as const;

const MIDDLE_NAMES = [
  'Kjær', 'Skov', 'Lund', 'Holm', 'Dahl', 'Bøgh', 'Grøn', 'Bæk', 'Høj', 'Vinther', 'Toft', 'Østergaard', 'Krogh',
  'Friis', 'Bonde', 'Lykke', 'Brøndum', 'Nørgaard', 'Damgaard', 'Søgaard',
] as const;

/** Invented town names, composed: "Kløverstrup", "Møllehøj", "Lærkebæk". */
const TOWN_HEADS = [
  'Kløver', 'Mølle', 'Lærke', 'Bøge', 'Skær', 'Hjør', 'Ege', 'Rønne', 'Fjord', 'Ås', 'Vænge', 'Stær', 'Hvede',
  'Tjørne', 'Æble', 'Hassel', 'Birke', 'Lyng', 'Sønder', 'Nørre', 'Øster', 'Vester', 'Ravne', 'Trane', 'Mose',
  'Klit', 'Hede', 'Bæver', 'Ørne', 'Sol',
];
const TOWN_TAILS = ['strup', 'høj', 'bæk', 'løse', 'rup', 'sted', 'holm', 'lev', 'by', 'kær', 'ved', 'vig', 'dal', 'havn'];

const SECTOR_TITLES: Record<Sector | 'independent', readonly string[]> = {
  municipality: [
    'Borgmester', 'Viceborgmester', 'Rådmand', 'Byrådsmedlem', 'Kommunaldirektør', 'Direktør, Børn og Unge',
    'Direktør, Teknik og Miljø', 'Direktør, Beskæftigelse', 'Jobcenterchef', 'Erhvervschef',
    'Konst. direktør, Kultur og Fritid', 'Formand for Beskæftigelsesudvalget', 'Uddannelseschef',
  ],
  business: [
    'Adm. direktør', 'Direktør', 'Indehaver', 'Medindehaver', 'Bestyrelsesformand', 'Formand', 'Næstformand',
    'HR-chef', 'Produktionschef', 'Partner', 'Salgsdirektør', 'Økonomichef', 'Udviklingschef', 'Fabrikschef',
  ],
  union: [
    'Formand', 'Næstformand', 'Afdelingsformand', 'Faglig sekretær', 'Kredsformand', 'Faglig konsulent',
    'Regionsformand', 'Tillidsrepræsentant',
  ],
  education: [
    'Rektor', 'Prorektor', 'Direktør', 'Uddannelseschef', 'Forstander', 'Uddannelsesdekan', 'Vicerektor',
    'Skoleleder', 'Studiechef', 'Afdelingsleder',
  ],
  independent: ['Selvstændig konsulent', 'Tidligere borgmester', 'Professor', 'Pensionist', 'Iværksætter', ''],
};

const DEPARTURE_REASONS = [
  'Fratrådt efter eget ønske',
  'Nyt job',
  'Stoppet i organisationen',
  'Flyttet fra området',
  'Udpeget til et andet råd',
  'Organisationen har udpeget en ny repræsentant',
  'Gået på pension',
  'Valgt til byrådet',
] as const;
const TERM_END_REASON = 'Valgperiodens udløb';

type SectorOrIndependent = Sector | 'independent';
type Weights = Record<SectorOrIndependent, number>;

const COUNCIL_WEIGHTS: Weights = { municipality: 0.15, business: 0.42, union: 0.18, education: 0.2, independent: 0.05 };

const FORUM_THEMES: { name: string; purpose: string; weights: Weights }[] = [
  { name: 'Erhvervstaskforce', purpose: 'Styrke vækst og udvikling i det lokale erhvervsliv', weights: { municipality: 0.1, business: 0.7, union: 0.05, education: 0.1, independent: 0.05 } },
  { name: 'Uddannelsesråd', purpose: 'Løfte uddannelsesniveauet blandt unge og voksne', weights: { municipality: 0.15, business: 0.15, union: 0.1, education: 0.55, independent: 0.05 } },
  { name: 'Jobtaskforce', purpose: 'Få flere i job og selvforsørgelse', weights: { municipality: 0.25, business: 0.3, union: 0.35, education: 0.05, independent: 0.05 } },
  { name: 'Klimaforum', purpose: 'Fremme grøn omstilling i virksomheder og kommune', weights: { municipality: 0.2, business: 0.5, union: 0.05, education: 0.15, independent: 0.1 } },
  { name: 'Ungeforum', purpose: 'Give alle unge en vej til uddannelse eller job', weights: { municipality: 0.2, business: 0.2, union: 0.15, education: 0.4, independent: 0.05 } },
  { name: 'Rekrutteringsforum', purpose: 'Sikre kvalificeret arbejdskraft til områdets virksomheder', weights: { municipality: 0.15, business: 0.45, union: 0.25, education: 0.15, independent: 0 } },
  { name: 'Turismeforum', purpose: 'Udvikle turisme og oplevelsesøkonomi', weights: { municipality: 0.15, business: 0.7, union: 0.05, education: 0.05, independent: 0.05 } },
  { name: 'Bosætningsforum', purpose: 'Tiltrække nye borgere og tilflyttere', weights: { municipality: 0.35, business: 0.35, union: 0.1, education: 0.1, independent: 0.1 } },
  { name: 'Iværksætterforum', purpose: 'Hjælpe nye virksomheder godt fra start', weights: { municipality: 0.1, business: 0.65, union: 0, education: 0.2, independent: 0.05 } },
  { name: 'Integrationsforum', purpose: 'Flere nydanskere i job og uddannelse', weights: { municipality: 0.3, business: 0.25, union: 0.25, education: 0.15, independent: 0.05 } },
];

const COUNCIL_NAMES = [(t: string) => `${t} Alliancen`, (t: string) => `Partnerskabsrådet ${t}`, (t: string) => `${t} Vækstråd`];
const COUNCIL_GOALS = [
  'Forbedre vilkårene for vækst i områdets virksomheder',
  'Løfte uddannelsesniveauet i kommunen',
  'Få flere borgere i job og selvforsørgelse',
];

type OrgTemplate = (town: string, rng: Rng) => string;
const ORG_TEMPLATES: Record<Sector, readonly OrgTemplate[]> = {
  municipality: [
    (t) => `Jobcenter ${t}`,
    (t) => `Ungdommens Uddannelsesvejledning ${t}`,
    (t) => `${t} Forsyning`,
    (t) => `${t} Bibliotekerne`,
    (t) => `${t} Erhvervsservice`,
  ],
  business: [
    (t) => `${t} Erhvervsforening`,
    (t) => `DI ${t}`,
    (t) => `Dansk Erhverv ${t}`,
    (t) => `${t} Håndværkerforening`,
    (t) => `${t} Handelsstandsforening`,
    (t) => `${t} Havn`,
    (t) => `${t} Sparekasse`,
    (t) => `${t} Bryghus`,
    (t) => `${t} Transport A/S`,
    (t) => `${t} Hotel & Konference`,
    (_t, r) => `${r.pick(SURNAMES)} Maskinfabrik A/S`,
    (_t, r) => `${r.pick(SURNAMES)} & ${r.pick(SURNAMES)} ApS`,
    (_t, r) => `${r.pick(SURNAMES)}s Tømrerforretning`,
    (_t, r) => `${r.pick(SURNAMES)} Elektro`,
    (_t, r) => `${r.pick(SURNAMES)} Rådgivning`,
    (_t, r) => `${r.pick(SURNAMES)} Landbrug`,
    (t, r) => `${t} ${r.pick(['Vognmandsforretning', 'Møbelfabrik', 'Stålindustri', 'Software', 'Emballage'])}`,
    (_t, r) => `Nordisk ${r.pick(['Emballage', 'Stål', 'Software', 'Træ', 'Fødevarer', 'Energi', 'Plast', 'Møbler'])} A/S`,
  ],
  union: [
    (t) => `3F ${t}`,
    (t) => `HK ${t}`,
    (t) => `FOA ${t}`,
    (t) => `Dansk Metal ${t}`,
    (t) => `FH ${t}`,
    (t) => `Serviceforbundet ${t}`,
    (t) => `BUPL ${t}`,
    (t) => `${t} Lærerkreds`,
    (t) => `El-forbundet ${t}`,
    (t) => `Blik og Rør ${t}`,
    (t) => `Socialpædagogerne ${t}`,
    (t) => `Dansk Sygeplejeråd ${t}`,
    (t) => `Akademikerne ${t}`,
  ],
  education: [
    (t) => `${t} Gymnasium`,
    (t) => `${t} Handelsgymnasium`,
    (t) => `${t} Erhvervsskole`,
    (t) => `${t} Tekniske Skole`,
    (t) => `VUC ${t}`,
    (t) => `Professionshøjskolen ${t}`,
    (t) => `${t} Produktionsskole`,
    (t) => `${t} Sprogcenter`,
    (t) => `${t} Efterskole`,
    (t) => `${t} Videnpark`,
    (t) => `${t} Social- og Sundhedsskole`,
    (t) => `${t} Ungdomsskole`,
    (t) => `${t} Universitetscenter`,
  ],
};

/** Other names under which an organisation is written: old spelling, abbreviations, punctuation. */
function spellingVariants(name: string, town: string): string[] {
  const variants = [
    name.replace(/å/g, 'aa').replace(/Å/g, 'Aa'),
    name.replace(/ & /g, ' og '),
    name.replace(/-/g, ' '),
    name.replace(/ (A\/S|ApS)$/, ''),
    name.replace(/^DI /, 'Dansk Industri '),
    name.replace(/^3F /, 'Fagligt Fælles Forbund '),
    name.replace(/^FH /, 'Fagbevægelsens Hovedorganisation '),
    name.replace(/^VUC (.+)$/, '$1 VUC'),
    name.replace(/^Professionshøjskolen /, 'UC '),
    name.replace(/^Jobcenter /, 'Jobcentret '),
    name.replace(/^Dansk Metal /, 'Metal '),
    name.replace(/^(.+) Erhvervsforening$/, 'Erhvervsforeningen $1'),
    name.replace(/^(.+) Social- og Sundhedsskole$/, 'SOSU $1'),
    name === `${town} Kommune` ? `${town} kommune` : name,
    // Written without Danish letters, as older systems do.
    name.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/Æ/g, 'Ae').replace(/Ø/g, 'Oe'),
  ];
  return [...new Set(variants.filter((v) => v !== name))];
}

// Generation -----------------------------------------------------------------------------

interface OrgGen {
  index: number;
  sector: Sector;
  /** People (indexes) who represent it. */
  pool: number[];
  slotCount: number;
}

interface SlotGen {
  /** The nominating organisation (index), or null for a personally appointed member. */
  org: number | null;
  sector: SectorOrIndependent;
  /** The holder at the end of the previous term, who may be reappointed. */
  last?: { person: number; title: string };
}

interface BodyGen {
  index: number;
  region: number;
  founded: number;
  weights: Weights;
  slots: SlotGen[];
  /** Slot index of the chair at the end of the previous term. */
  lastChair?: number;
}

interface RegionGen {
  town: string;
  slug: string;
  /** Organisation indexes by sector, each a cyclic queue for spreading seats. */
  orgsBySector: Record<Sector, number[]>;
  queues: Record<Sector, { order: number[]; next: number }>;
  /** The municipality itself ("X Kommune"), which holds several seats. */
  municipality: number;
  independents: number[];
}

interface Stint {
  person: number;
  title: string;
  start: number;
  end: number | null;
  departure: string | null;
}

/** Splits total into n near-equal whole parts. */
function split(total: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor((total * (i + 1)) / n) - Math.floor((total * i) / n));
}

function asciiSlug(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function generateWorld(input: WorldOptions): SyntheticWorld {
  const options: Required<WorldOptions> = { seed: 1, today: SYNTHETIC_TODAY, ...input };
  const { people: peopleCount, seed, today } = options;
  if (!Number.isInteger(peopleCount) || peopleCount < 20 || peopleCount > MAX_PEOPLE) {
    throw new RangeError(`people must be a whole number from 20 to ${MAX_PEOPLE}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) throw new RangeError('seed must be a 32-bit unsigned integer');
  const rng = new Rng(seed);
  const todayDay = dayOf(today);

  const world: SyntheticWorld = { options, terms: [], bodies: [], organizations: [], people: [], seats: [], memberships: [] };

  // Sizes: all proportional to the number of people.
  const bodyCount = Math.max(2, Math.round(peopleCount / 100));
  const regionCount = Math.max(1, Math.round(bodyCount / 5));
  const orgCount = Math.max(10, Math.round(peopleCount / 10));

  // Terms: consecutive four-year terms, the last one current around SYNTHETIC_TODAY.
  for (let i = 0; i < TERM_COUNT; i++) {
    const first = FIRST_TERM_YEAR + i * TERM_YEARS;
    const last = first + TERM_YEARS - 1;
    world.terms.push({ id: `syn-term-${i + 1}`, label: `${first}-${last}`, startDate: `${first}-01-01`, endDate: `${last}-12-31` });
  }

  // Towns: unique invented names, one per region.
  const towns = rng.shuffle(TOWN_HEADS.flatMap((h) => TOWN_TAILS.map((t) => h + t)));
  const townOf = (r: number) => {
    const base = at(towns, r % towns.length);
    return r < towns.length ? base : `${base} ${Math.floor(r / towns.length) + 1}`;
  };

  // Regions, their organisations and bodies (with their seat slots).
  const usedOrgNames = new Set<string>();
  const regions: RegionGen[] = [];
  const orgs: OrgGen[] = [];
  const bodies: BodyGen[] = [];
  const bodiesPerRegion = split(bodyCount, regionCount);
  const orgsPerRegion = split(orgCount, regionCount);
  for (let r = 0; r < regionCount; r++) {
    const town = townOf(r);
    const region: RegionGen = {
      town,
      slug: asciiSlug(town),
      orgsBySector: { municipality: [], business: [], union: [], education: [] },
      queues: {
        municipality: { order: [], next: 0 },
        business: { order: [], next: 0 },
        union: { order: [], next: 0 },
        education: { order: [], next: 0 },
      },
      municipality: -1,
      independents: [],
    };
    regions.push(region);
    const n = at(orgsPerRegion, r);
    const union = Math.max(1, Math.round(n * 0.17));
    const education = Math.max(1, Math.round(n * 0.2));
    const municipality = Math.max(1, Math.round(n * 0.05));
    const sectors: Sector[] = [
      ...Array<Sector>(municipality).fill('municipality'),
      ...Array<Sector>(union).fill('union'),
      ...Array<Sector>(education).fill('education'),
      ...Array<Sector>(Math.max(1, n - municipality - union - education)).fill('business'),
    ];
    for (const [k, sector] of sectors.entries()) {
      let name = k === 0 ? `${town} Kommune` : '';
      for (let attempt = 0; !name || usedOrgNames.has(name); attempt++) {
        const candidate = rng.pick(ORG_TEMPLATES[sector])(town, rng);
        name = attempt < 20 ? candidate : `${candidate} ${attempt}`;
      }
      usedOrgNames.add(name);
      const variants = spellingVariants(name, town);
      const otherNames = variants.length > 0 && rng.chance(0.35) ? rng.shuffle(variants).slice(0, rng.int(1, Math.min(2, variants.length))) : [];
      const index = world.organizations.length;
      world.organizations.push({ id: `syn-org-${index + 1}`, name, sector, otherNames });
      orgs.push({ index, sector, pool: [], slotCount: 0 });
      region.orgsBySector[sector].push(index);
      if (k === 0) region.municipality = index;
    }

    const themes = rng.shuffle([...FORUM_THEMES]);
    const councilIndex = world.bodies.length;
    const councilName = rng.pick(COUNCIL_NAMES)(town);
    world.bodies.push({
      id: `syn-body-${councilIndex + 1}`,
      name: councilName,
      kind: 'council',
      parentId: null,
      purpose: [...COUNCIL_GOALS.map((g, i) => `${i + 1}. ${g}`), 'Syntetiske testdata (seed:synthetic).'].join('\n'),
    });
    bodies.push({ index: councilIndex, region: r, founded: 0, weights: COUNCIL_WEIGHTS, slots: [] });
    for (let f = 1; f < at(bodiesPerRegion, r); f++) {
      const theme = at(themes, (f - 1) % themes.length);
      const round = Math.floor((f - 1) / themes.length);
      const index = world.bodies.length;
      world.bodies.push({
        id: `syn-body-${index + 1}`,
        name: `${theme.name} ${town}${round > 0 ? ` ${round + 1}` : ''}`,
        kind: 'forum',
        parentId: `syn-body-${councilIndex + 1}`,
        purpose: theme.purpose,
      });
      // Some fora were founded in a later term.
      bodies.push({ index, region: r, founded: rng.chance(0.5) ? 0 : rng.int(1, 4), weights: theme.weights, slots: [] });
    }
  }

  /** The next organisation of a sector in a region, round robin over a shuffled order. */
  const nextOrg = (region: RegionGen, sector: Sector): number => {
    if (sector === 'municipality' && rng.chance(0.6)) return region.municipality;
    const queue = region.queues[sector];
    if (queue.next >= queue.order.length) {
      queue.order = rng.shuffle([...region.orgsBySector[sector]]);
      queue.next = 0;
    }
    return at(queue.order, queue.next++);
  };
  const sectorKeys: SectorOrIndependent[] = ['municipality', 'business', 'union', 'education', 'independent'];
  const newSlot = (body: BodyGen): SlotGen => {
    const region = at(regions, body.region);
    const sector = at(sectorKeys, rng.weighted(sectorKeys.map((s) => body.weights[s])));
    if (sector === 'independent') return { org: null, sector };
    const org = nextOrg(region, sector);
    at(orgs, org).slotCount++;
    return { org, sector };
  };
  for (const body of bodies) {
    const kind = at(world.bodies, body.index).kind;
    const size = kind === 'council' ? rng.int(46, 58) : rng.int(28, 40);
    for (let s = 0; s < size; s++) body.slots.push(newSlot(body));
  }

  // People: each region gets people in proportion to its seats, each organisation a pool in
  // proportion to its seats (at least two), a few are personally appointed members.
  const slotsOfRegion = regions.map((_, r) => bodies.filter((b) => b.region === r).reduce((n, b) => n + b.slots.length, 0));
  const totalSlots = slotsOfRegion.reduce((a, b) => a + b, 0);
  let assigned = 0;
  let cumulative = 0;
  const usedNames = new Set<string>();
  const realNames = new Set(REAL_SEED_NAMES);
  for (const [r, region] of regions.entries()) {
    cumulative += at(slotsOfRegion, r);
    const upTo = r === regions.length - 1 ? peopleCount : Math.round((peopleCount * cumulative) / totalSlots);
    const count = upTo - assigned;
    const regionOrgs = Object.values(region.orgsBySector).flat().sort((a, b) => a - b);
    const independents = Math.max(1, Math.round(count * 0.04));
    const forOrgs = count - independents;
    const weights = regionOrgs.map((o) => at(orgs, o).slotCount + 1);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => Math.max(1, Math.floor((forOrgs * w) / weightSum)));
    let remaining = forOrgs - shares.reduce((a, b) => a + b, 0);
    for (let i = 0; remaining > 0; i = (i + 1) % shares.length, remaining--) shares[i] = at(shares, i) + 1;
    for (let i = shares.length - 1; remaining < 0; i = (i - 1 + shares.length) % shares.length) {
      if (at(shares, i) > 1) {
        shares[i] = at(shares, i) - 1;
        remaining++;
      }
    }
    const addPerson = () => {
      const index = world.people.length;
      world.people.push(makePerson(index, rng, usedNames, realNames, seed));
      return index;
    };
    for (const [i, o] of regionOrgs.entries()) {
      for (let k = 0; k < at(shares, i); k++) at(orgs, o).pool.push(addPerson());
    }
    for (let k = 0; k < independents; k++) region.independents.push(addPerson());
    assigned = upTo;
  }

  // The timeline: term by term, body by body, seat by seat.
  let membershipSeq = 0;
  for (const [ti, term] of world.terms.entries()) {
    const termStart = dayOf(term.startDate);
    const termEnd = dayOf(term.endDate);
    /** Changes happen up to "today" only; a term that starts later has no holders yet. */
    const horizon = Math.min(termEnd, todayDay);
    for (const body of bodies) {
      if (body.founded > ti) continue;
      const region = at(regions, body.region);
      const bodyRecord = at(world.bodies, body.index);

      // A few seats move to another organisation of the same sector at the new term.
      if (ti > body.founded) {
        for (const slot of body.slots) {
          if (slot.sector === 'independent' || !rng.chance(0.04)) continue;
          slot.org = nextOrg(region, slot.sector);
          slot.last = undefined;
        }
      }

      // Seats of this term, labelled by their organisation (numbered when it has several).
      const perOrg = new Map<number | null, number>();
      for (const slot of body.slots) perOrg.set(slot.org, (perOrg.get(slot.org) ?? 0) + 1);
      const numbered = new Map<number | null, number>();
      const seatIds = body.slots.map((slot) => {
        const k = (numbered.get(slot.org) ?? 0) + 1;
        numbered.set(slot.org, k);
        const base = slot.org === null ? 'Personligt udpeget medlem' : at(world.organizations, slot.org).name;
        const label = slot.org === null || (perOrg.get(slot.org) ?? 0) > 1 ? `${base} ${k}` : base;
        const id = `syn-seat-${world.seats.length + 1}`;
        world.seats.push({
          id,
          termId: term.id,
          bodyId: bodyRecord.id,
          label,
          nominatingOrganizationId: slot.org === null ? null : at(world.organizations, slot.org).id,
          reservedSector: slot.org === null ? null : at(orgs, slot.org).sector,
          previousSeatId: null,
        });
        return id;
      });
      if (termStart > horizon) {
        for (const slot of body.slots) slot.last = undefined;
        continue;
      }

      const roleOf = roleTimeline(rng, body, termStart, horizon, region.municipality);

      // Reappointments first, so nobody else takes their person in this body.
      const used = new Set<number>();
      const carried = body.slots.map((slot) => {
        const keep = slot.last && rng.chance(0.6) && !used.has(slot.last.person) ? slot.last : undefined;
        if (keep) used.add(keep.person);
        return keep;
      });

      for (const [s, slot] of body.slots.entries()) {
        const pool = slot.org === null ? region.independents : at(orgs, slot.org).pool;
        const titles = SECTOR_TITLES[slot.sector];
        const stints = holderStints(rng, { termStart, termEnd, horizon, carried: carried[s], pool, used, titles });
        const lastStint = stints.at(-1);
        slot.last =
          lastStint && (lastStint.end === null || lastStint.end === termEnd) && termEnd <= horizon
            ? { person: lastStint.person, title: lastStint.title }
            : undefined;
        for (const [i, stint] of stints.entries()) {
          const next = stints[i + 1];
          const endReason =
            stint.end === null
              ? null
              : next && next.start === stint.end + 1
                ? SEGMENT_END_REASONS.replaces
                : stint.end === termEnd
                  ? TERM_END_REASON
                  : stint.departure;
          const segments = segmentsOf(rng, stint, { slot: s, roleOf, termEnd, horizon, titles });
          // The next term reappoints with the title the holder has by then.
          if (slot.last && i === stints.length - 1) slot.last = { ...slot.last, title: at(segments, segments.length - 1).title };
          for (const [j, seg] of segments.entries()) {
            const last = j === segments.length - 1;
            const decided = rng.chance(0.85) ? seg.start - rng.int(0, 45) : null;
            world.memberships.push({
              id: `syn-membership-${++membershipSeq}`,
              seatId: at(seatIds, s),
              personId: `syn-person-${stint.person + 1}`,
              organizationId: slot.org === null ? null : at(world.organizations, slot.org).id,
              role: seg.role,
              title: seg.title,
              startDate: isoOf(seg.start),
              endDate: last ? (stint.end === null ? null : isoOf(stint.end)) : isoOf(seg.end),
              endReason: last ? endReason : SEGMENT_END_REASONS.continues,
              decidedOn: decided === null ? null : isoOf(decided),
              source:
                decided !== null && rng.chance(0.5) ? `https://example.org/${region.slug}/beslutninger/${isoOf(decided)}` : null,
              endDecidedOn: null,
              endSource: null,
            });
          }
        }
      }
    }
  }
  return world;
}

/**
 * Who chairs and who is vice-chair of a body during a term: one chair and one vice-chair slot
 * at a time, sometimes changing once mid-term (often the vice-chair takes over). Roles belong
 * to seats, so one chair per body at a time holds however the holders change.
 */
function roleTimeline(rng: Rng, body: BodyGen, termStart: number, horizon: number, municipality: number) {
  const n = body.slots.length;
  const other = (not: number) => (not + rng.int(1, n - 1)) % n;
  const mayorSlot = body.slots.findIndex((s) => s.org === municipality);
  let chair =
    body.lastChair !== undefined && rng.chance(0.5)
      ? body.lastChair
      : mayorSlot >= 0 && rng.chance(0.4)
        ? mayorSlot
        : rng.int(0, n - 1);
  let vice = other(chair);
  const intervals = [{ from: termStart, chair, vice }];
  if (horizon - termStart > 240 && rng.chance(0.3)) {
    const from = rng.int(termStart + 120, horizon - 60);
    const newChair = rng.chance(0.5) ? vice : other(chair);
    vice = rng.chance(0.5) ? chair : other(newChair);
    if (vice === newChair) vice = other(newChair);
    chair = newChair;
    intervals.push({ from, chair, vice });
  }
  body.lastChair = chair;
  const roleOf = (slot: number, day: number): Role => {
    let current = at(intervals, 0);
    for (const interval of intervals) if (interval.from <= day) current = interval;
    return current.chair === slot ? 'chair' : current.vice === slot ? 'vice-chair' : 'member';
  };
  return Object.assign(roleOf, { changes: intervals.slice(1).map((i) => i.from) });
}
type RoleTimeline = ReturnType<typeof roleTimeline>;

/** The people who hold a seat in one term, one after another, with vacancies between some. */
function holderStints(
  rng: Rng,
  ctx: {
    termStart: number;
    termEnd: number;
    horizon: number;
    carried: { person: number; title: string } | undefined;
    pool: readonly number[];
    used: Set<number>;
    titles: readonly string[];
  },
): Stint[] {
  const { termStart, termEnd, horizon, pool, used, titles } = ctx;
  const stints: Stint[] = [];
  let cursor = termStart;
  let carried = ctx.carried;
  if (!carried) {
    if (rng.chance(0.01)) return stints; // vacant the whole term
    if (rng.chance(0.07)) cursor += rng.int(14, 200); // nominated late
  }
  while (cursor <= horizon) {
    let person: number;
    let title: string;
    if (carried) {
      ({ person, title } = carried);
      if (rng.chance(0.15)) title = rng.pick(titles);
      carried = undefined;
    } else {
      const picked = pickPerson(rng, pool, used);
      if (picked === undefined) break; // nobody left to nominate: vacant
      person = picked;
      used.add(person);
      title = rng.pick(titles);
    }
    const lastDeparture = horizon - 1;
    if (cursor + 90 <= lastDeparture && rng.chance(0.36)) {
      const end = rng.int(cursor + 90, lastDeparture);
      stints.push({ person, title, start: cursor, end, departure: rng.pick(DEPARTURE_REASONS) });
      const r = rng.float();
      if (r < 0.55) cursor = end + 1; // replaced the next day
      else if (r < 0.93) cursor = end + 1 + rng.int(7, 150); // vacant for a while
      else break; // vacant for the rest of the term
    } else {
      const explicitEnd = termEnd <= horizon && rng.chance(0.2);
      stints.push({ person, title, start: cursor, end: explicitEnd ? termEnd : null, departure: null });
      break;
    }
  }
  return stints;
}

function pickPerson(rng: Rng, pool: readonly number[], used: Set<number>): number | undefined {
  if (pool.length === 0) return undefined;
  const start = rng.int(0, pool.length - 1);
  for (let k = 0; k < pool.length; k++) {
    const p = at(pool, (start + k) % pool.length);
    if (!used.has(p)) return p;
  }
  return undefined;
}

/** A stint cut into segments at title changes and at the body's role changes for this seat. */
function segmentsOf(
  rng: Rng,
  stint: Stint,
  ctx: { slot: number; roleOf: RoleTimeline; termEnd: number; horizon: number; titles: readonly string[] },
): { start: number; end: number; role: Role; title: string }[] {
  const { slot, roleOf, termEnd, horizon, titles } = ctx;
  const until = stint.end ?? termEnd;
  const cuts = new Map<number, 'title' | 'role'>();
  // Title changes (promotions, new jobs): up to "today", at least a month into the stint.
  const latest = Math.min(until, horizon);
  for (let k = 0; k < 3 && stint.start + 30 <= latest && rng.chance(k === 0 ? 0.7 : 0.35); k++) {
    cuts.set(rng.int(stint.start + 30, latest), 'title');
  }
  for (const day of roleOf.changes) {
    if (day > stint.start && day <= until && roleOf(slot, day - 1) !== roleOf(slot, day)) cuts.set(day, 'role');
  }
  const days = [...cuts.keys()].sort((a, b) => a - b);
  const segments: { start: number; end: number; role: Role; title: string }[] = [];
  let start = stint.start;
  let title = stint.title;
  for (const day of days) {
    segments.push({ start, end: day - 1, role: roleOf(slot, start), title });
    if (cuts.get(day) === 'title' || rng.chance(0.1)) title = otherTitle(rng, titles, title);
    start = day;
  }
  segments.push({ start, end: until, role: roleOf(slot, start), title });
  return segments;
}

function otherTitle(rng: Rng, titles: readonly string[], current: string): string {
  const options = titles.filter((t) => t !== current);
  return options.length > 0 ? rng.pick(options) : `${current} (konst.)`;
}

function makePerson(index: number, rng: Rng, usedNames: Set<string>, realNames: Set<string>, seed: number): Generated<Person> {
  let name = '';
  let first = '';
  let last = '';
  for (let attempt = 0; !name || usedNames.has(name) || realNames.has(name); attempt++) {
    first = rng.pick(FIRST_NAMES);
    last = rng.pick(SURNAMES);
    const middle = attempt > 3 || rng.chance(0.3) ? ` ${rng.pick(MIDDLE_NAMES)}` : '';
    const second = attempt > 10 ? ` ${rng.pick(FIRST_NAMES)}` : '';
    name = `${first}${second}${middle} ${last}`;
  }
  usedNames.add(name);
  const digits = String(index + 1).padStart(6, '0');
  return {
    id: `syn-person-${index + 1}`,
    name,
    email: rng.chance(0.9) ? `${asciiSlug(first)}.${asciiSlug(last)}.${index + 1}@example.org` : null,
    // Clearly fake: Danish numbers never start with 00.
    phone: rng.chance(0.7) ? `00 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)}` : null,
    notes: `Syntetisk testperson (seed:synthetic, seed ${seed}).`,
  };
}

// Loading --------------------------------------------------------------------------------

export interface LoadOptions {
  /** Writes per transaction (default 1000); Infinity for one transaction. */
  batchSize?: number;
  /** The audit trail's actor (default 'system'). */
  actor?: string;
  /** Called after each committed batch. */
  onProgress?: (written: number, total: number) => void;
}

type Write = { [K in keyof SyntheticRecordMap]: { entity: K; record: Generated<SyntheticRecordMap[K]> } }[keyof SyntheticRecordMap];
interface SyntheticRecordMap {
  terms: Term;
  bodies: Body;
  organizations: Organization;
  people: Person;
  seats: Seat;
  memberships: Membership;
}

export const LOAD_ORDER = ['terms', 'bodies', 'organizations', 'people', 'seats', 'memberships'] as const;

/**
 * Writes a world through the Store, parents before children, each record parsed with its
 * *InputSchema first. The store assigns ids; references are mapped from the generated ids.
 * Each batch is one transaction, so a failure leaves whole batches behind, never half a record.
 */
export async function loadWorld(
  store: Pick<Store, 'transaction'>,
  world: SyntheticWorld,
  { batchSize = 1000, actor = 'system', onProgress }: LoadOptions = {},
): Promise<WorldCounts> {
  const writes: Write[] = LOAD_ORDER.flatMap((entity) =>
    (world[entity] as Generated<SyntheticRecordMap[typeof entity]>[]).map((record) => ({ entity, record }) as Write),
  );
  const ids = new Map<string, string>();
  const ref = (id: string): string => {
    const mapped = ids.get(id);
    if (mapped === undefined) throw new Error(`synthetic: ${id} is referred to before it was written`);
    return mapped;
  };
  const refOrNull = (id: string | null) => (id === null ? null : ref(id));
  const insert = async (tx: Repos, w: Write): Promise<string> => {
    switch (w.entity) {
      case 'terms':
        return (await tx.terms.insert(TermInputSchema.parse(w.record))).id;
      case 'bodies': {
        const data = BodyInputSchema.parse(w.record);
        return (await tx.bodies.insert({ ...data, parentId: refOrNull(data.parentId) })).id;
      }
      case 'organizations':
        return (await tx.organizations.insert(OrganizationInputSchema.parse(w.record))).id;
      case 'people':
        return (await tx.people.insert(PersonInputSchema.parse(w.record))).id;
      case 'seats': {
        const data = SeatInputSchema.parse(w.record);
        return (
          await tx.seats.insert({
            ...data,
            termId: ref(data.termId),
            bodyId: ref(data.bodyId),
            nominatingOrganizationId: refOrNull(data.nominatingOrganizationId),
          })
        ).id;
      }
      case 'memberships': {
        const data = MembershipInputSchema.parse(w.record);
        return (
          await tx.memberships.insert({
            ...data,
            seatId: ref(data.seatId),
            personId: ref(data.personId),
            organizationId: refOrNull(data.organizationId),
          })
        ).id;
      }
    }
  };
  const size = Math.max(1, batchSize);
  for (let from = 0; from < writes.length; from += size) {
    const batch = writes.slice(from, from + size);
    // A failed batch fails the load, so ids mapped inside it never outlive a rollback.
    await store.transaction(async (tx) => {
      for (const w of batch) ids.set(w.record.id, await insert(tx, w));
    }, { actor });
    onProgress?.(Math.min(from + size, writes.length), writes.length);
  }
  return countWorld(world);
}

// Bulk loading -------------------------------------------------------------------------------

/**
 * The world as a Dump (the db:export format): each record with its generated id and version 1,
 * parsed with its *InputSchema, and one 'create' event per record in the audit trail (what
 * loadWorld's writes would have recorded). `at` is the time those events carry.
 */
export function worldDump(world: SyntheticWorld, { actor = 'system', at = new Date().toISOString() } = {}): Dump {
  const stamp = <T extends { id: string }>(id: string, data: Omit<T, 'id' | 'version'>): T => ({ id, version: 1, ...data }) as unknown as T;
  const records: Dump['records'] = {
    terms: world.terms.map((r) => stamp<Term>(r.id, TermInputSchema.parse(r))),
    bodies: world.bodies.map((r) => stamp<Body>(r.id, BodyInputSchema.parse(r))),
    organizations: world.organizations.map((r) => stamp<Organization>(r.id, OrganizationInputSchema.parse(r))),
    people: world.people.map((r) => stamp<Person>(r.id, PersonInputSchema.parse(r))),
    seats: world.seats.map((r) => stamp<Seat>(r.id, SeatInputSchema.parse(r))),
    memberships: world.memberships.map((r) => stamp<Membership>(r.id, MembershipInputSchema.parse(r))),
    renewals: [],
    nominations: [],
  };
  const audit: AuditEvent[] = [];
  for (const entity of LOAD_ORDER) {
    for (const record of records[entity]) {
      audit.push({
        seq: audit.length + 1,
        at,
        actor,
        action: 'create',
        entity,
        entityId: record.id,
        before: null,
        after: record,
      });
    }
  }
  return { format: 'alliance-roster-dump', formatVersion: 1, exportedAt: at, records, audit };
}

/**
 * Loads a world into an EMPTY store in one transaction through Store.importAll (one
 * INSERT ... SELECT per table on a SQL store, checked by the same constraints), keeping the
 * generated ids. Hundreds of times faster than loadWorld on PGlite; refuses a store with data
 * (StoreNotEmptyError). Nothing is written when any record is refused.
 */
export async function loadWorldBulk(store: Pick<Store, 'importAll'>, world: SyntheticWorld, options: { actor?: string } = {}): Promise<WorldCounts> {
  await store.importAll(worldDump(world, options));
  return countWorld(world);
}
