import { beforeEach, describe, expect, it } from 'vitest';
import { popoloValidator } from '../tests/popolo-validator';
import { PopoloDocumentSchema, type ImportCommitResult, type PopoloDocument } from '../src/domain/import';
import { createMockBackend } from '../mocks/backend';
import type { Body, Membership, Seat, Term } from '../src/domain/schemas';
import { TERM } from './seed/horsens-alliancen';
import { TODAY, client, expectFieldError, expectProblem, must, setup, type Api, type TestContext } from './test-helpers';
import { download, emptyBackend, importUnedited, preview, readableRoster } from './import/import-test-helpers';

const HEADER = 'Organ;Plads;Navn;Titel;Organisation;Sektor;Rolle;Start;Slut';
const BOM = [0xef, 0xbb, 0xbf];
const validate = popoloValidator();

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1);

async function patchMembership(api: Api, m: Membership, changes: Partial<Membership>) {
  const res = await api.patch<Membership>(`/api/memberships/${m.id}`, changes, { 'If-Match': `"${m.version}"` });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/**
 * The seeded term with history: Peter Sørensen's seat in two segments (member, then chair from
 * 2020 with a decision link), Per Hansen leaving after 2020-06-30 (vacant since), a council
 * seat nobody held, and a Jobtaskforce seat.
 */
async function addHistory({ api, seed }: TestContext) {
  const peter = seed.holding('Peter Sørensen');
  await patchMembership(api, peter.membership, { endDate: '2019-12-31', endReason: 'Ny rolle' });
  await api.create('/api/memberships', {
    seatId: peter.seat.id,
    personId: peter.person.id,
    organizationId: peter.membership.organizationId,
    role: 'chair',
    title: 'Borgmester',
    startDate: '2020-01-01',
    source: 'https://example.org/beslutning/1',
  });
  await patchMembership(api, seed.holding('Per Hansen').membership, { endDate: '2020-06-30', endReason: 'Fratrådt' });
  await api.create<Seat>('/api/seats', {
    termId: seed.term.id,
    bodyId: seed.council.id,
    label: 'Testplads',
    nominatingOrganizationId: seed.organization('Velux').id,
    reservedSector: 'business',
  });
  const forumSeat = await api.create<Seat>('/api/seats', {
    termId: seed.term.id,
    bodyId: seed.forum('Jobtaskforce').id,
    label: 'Bubblemedia',
    nominatingOrganizationId: seed.organization('Bubblemedia').id,
  });
  await api.create('/api/memberships', {
    seatId: forumSeat.id,
    personId: seed.person('Daniel Bach').id,
    organizationId: seed.organization('Bubblemedia').id,
    title: 'Indehaver',
    startDate: '2019-03-01',
  });
}

describe('GET /api/export/roster.csv', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await setup();
  });

  it('downloads the council roster on a date as semicolon CSV with a byte order mark and a Danish file name', async () => {
    const res = await download(ctx.app, `/api/export/roster.csv?bodyId=${ctx.seed.council.id}&asOf=2019-06-01`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="medlemsliste-horsens-alliancen-2019-06-01.csv"; filename*=UTF-8''medlemsliste-Horsens-Alliancen-2019-06-01.csv`,
    );
    expect([...res.bytes.slice(0, 3)]).toEqual(BOM);
    const rows = lines(res.text);
    expect(rows[0]).toBe(HEADER);
    expect(rows).toHaveLength(23);
    expect(rows).toContain(
      'Horsens Alliancen;Horsens Kommune 5;Tanja Nyborg;Direktør, Uddannelse og Arbejdsmarked;Horsens Kommune;Kommunen;Medlem;2018-01-01;',
    );
    expect(rows).toContain('Horsens Alliancen;LO Horsens-Hedensted 2;Lone Dybdal;næstformand;LO Horsens-Hedensted;Faglige organisationer;Medlem;2018-01-01;');
  });

  it('defaults to the council today', async () => {
    const res = await download(ctx.app, '/api/export/roster.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`medlemsliste-horsens-alliancen-${TODAY}.csv`);
    expect(lines(res.text)).toHaveLength(23);
  });

  it('keeps contact data out of the export', async () => {
    const { person } = ctx.seed.holding('Daniel Bach');
    const res = await ctx.api.patch(`/api/people/${person.id}`, { email: 'fiktiv@example.org', phone: '+45 11 22 33 44' }, { 'If-Match': `"${person.version}"` });
    expect(res.status, res.text).toBe(200);
    const csv = (await download(ctx.app, `/api/export/roster.csv?asOf=2019-06-01`)).text;
    expect(csv).toContain('Daniel Bach');
    expect(csv).not.toMatch(/example\.org|11 22 33 44|@/);
    expect(JSON.stringify(await (await ctx.app.request(`/api/export/popolo?termId=${ctx.seed.term.id}`)).json())).not.toMatch(
      /example\.org|11 22 33 44|email|phone|contact_details/,
    );
  });

  it('exports a whole term: every segment of every seat of every body, vacant seats with a blank name', async () => {
    await addHistory(ctx);
    const res = await download(ctx.app, `/api/export/roster.csv?termId=${ctx.seed.term.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('filename="medlemsliste-periode-2018-2021.csv"');
    const rows = lines(res.text);
    expect(rows).toHaveLength(1 + 22 + 1 + 1 + 1);
    expect(rows.filter((r) => r.includes(';Horsens Kommune 1;'))).toEqual([
      'Horsens Alliancen;Horsens Kommune 1;Peter Sørensen;Borgmester;Horsens Kommune;Kommunen;Medlem;2018-01-01;2019-12-31',
      'Horsens Alliancen;Horsens Kommune 1;Peter Sørensen;Borgmester;Horsens Kommune;Kommunen;Formand;2020-01-01;',
    ]);
    expect(rows).toContain('Horsens Alliancen;Casa Group;Per Hansen;direktør;Casa Group;Erhvervslivet;Medlem;2018-01-01;2020-06-30');
    expect(rows).toContain('Horsens Alliancen;Testplads;;;Velux;Erhvervslivet;;;');
    // The council first, then the fora.
    expect(rows.at(-1)).toBe('Jobtaskforce;Bubblemedia;Daniel Bach;Indehaver;Bubblemedia;Erhvervslivet;Medlem;2019-03-01;');
    const councilOnly = lines((await download(ctx.app, `/api/export/roster.csv?termId=${ctx.seed.term.id}&bodyId=${ctx.seed.council.id}`)).text);
    expect(councilOnly).toEqual(rows.slice(0, -1));
  });

  it('guards cells a spreadsheet would run as formulas, and quotes line breaks', async () => {
    const { membership } = ctx.seed.holding('Kristian E. Justesen');
    await patchMembership(ctx.api, membership, { title: '=HYPERLINK("https://example.org")\nanden linje' });
    const rows = (await download(ctx.app, '/api/export/roster.csv?asOf=2019-06-01')).text;
    expect(rows).toContain(`;"'=HYPERLINK(""https://example.org"")\nanden linje";Velux;`);
  });

  it.each([
    ['asOf with termId', (c: TestContext) => `termId=${c.seed.term.id}&asOf=2019-06-01`, 'asOf', 'exclusive'],
    ['a bad date', () => 'asOf=1. juni', 'asOf', 'invalid_format'],
    ['an unknown parameter', () => 'format=xlsx', 'format', 'unrecognized_keys'],
  ])('answers 400 for %s', async (_case, query, field, code) => {
    expectFieldError(await ctx.api.get(`/api/export/roster.csv?${query(ctx)}`), field, code);
  });

  it('answers 404 for an unknown term or body', async () => {
    expectProblem(await ctx.api.get('/api/export/roster.csv?termId=no-such-term'), 404);
    expectProblem(await ctx.api.get(`/api/export/roster.csv?termId=${ctx.seed.term.id}&bodyId=no-such-body`), 404);
    expectProblem(await ctx.api.get('/api/export/roster.csv?bodyId=no-such-body'), 404);
    expectProblem(await ctx.api.get('/api/export/popolo?termId=no-such-term'), 404);
    expectFieldError(await ctx.api.get('/api/export/popolo'), 'termId', 'invalid_type');
  });
});

describe('CSV round trip', () => {
  it('gives the same roster: export on a date, import into an empty database, export again', async () => {
    const seeded = await setup();
    const first = (await download(seeded.app, '/api/export/roster.csv?asOf=2019-06-01')).text;
    const empty = await emptyBackend();
    await importUnedited(empty.api, { format: 'csv', content: first, termId: empty.term.id, bodyId: empty.council.id });
    const second = (await download(empty.app, '/api/export/roster.csv?asOf=2019-06-01')).text;
    expect(second).toBe(first);
    expect(await readableRoster(empty.api, empty.council.id, '2019-06-01')).toEqual(
      await readableRoster(seeded.api, seeded.seed.council.id, '2019-06-01'),
    );
  });

  it('gives the same term with role changes and vacancies: every segment, every date', async () => {
    const seeded = await setup();
    await addHistory(seeded);
    const path = (termId: string, bodyId: string) => `/api/export/roster.csv?termId=${termId}&bodyId=${bodyId}`;
    const first = (await download(seeded.app, path(seeded.seed.term.id, seeded.seed.council.id))).text;
    const empty = await emptyBackend();
    const { result } = await importUnedited(empty.api, { format: 'csv', content: first, termId: empty.term.id, bodyId: empty.council.id });
    expect(result.created).toEqual({ people: 22, organizations: 15, seats: 23, memberships: 23 });
    expect((await download(empty.app, path(empty.term.id, empty.council.id))).text).toBe(first);
    for (const date of ['2019-06-01', '2020-03-01', '2021-12-31']) {
      expect(await readableRoster(empty.api, empty.council.id, date)).toEqual(
        await readableRoster(seeded.api, seeded.seed.council.id, date),
      );
    }
  });

  // On the memory store in every project: this measures the import and export code, not the
  // database (a SQL store spends two statements on each of the 15,000 inserts).
  it('imports and exports 5,000 rows completely, within seconds', async () => {
    const started = Date.now();
    const n = 5000;
    const csv = [
      'Navn;Titel;Organisation;Sektor',
      ...Array.from({ length: n }, (_, i) => `Testperson ${i + 1} Eksempelsen;Testtitel ${i % 7};Fiktiv Forening ${i % 40};Erhvervslivet`),
    ].join('\r\n');
    const { app } = await createMockBackend({ seed: false, today: () => TODAY });
    const empty = { app, api: client(app), council: { id: '' }, term: { id: '' } };
    empty.council = await empty.api.create<Body>('/api/bodies', { name: 'Fiktivt Testråd', kind: 'council' });
    empty.term = await empty.api.create<Term>('/api/terms', TERM);
    const answer = await preview(empty.api, { format: 'csv', content: csv, termId: empty.term.id, bodyId: empty.council.id });
    expect(answer.summary).toMatchObject({ rows: n, rowsWithErrors: 0, people: { new: n }, organizations: { new: 40 } });
    const res = await empty.api.post<ImportCommitResult>('/api/import/commit', {
      termId: empty.term.id,
      bodyId: empty.council.id,
      rows: answer.rows.map((r) => r.proposal),
    });
    expect(res.status, res.text.slice(0, 500)).toBe(201);
    expect(res.body.created).toEqual({ people: n, organizations: 40, seats: n, memberships: n });

    const exported = await download(empty.app, `/api/export/roster.csv?bodyId=${empty.council.id}&asOf=2019-06-01`);
    const rows = lines(exported.text);
    expect(rows).toHaveLength(n + 1);
    expect(new Set(rows.slice(1).map((r) => r.split(';')[2])).size).toBe(n);
    expect(rows).toContain('Fiktivt Testråd;Fiktiv Forening 7 1;Testperson 8 Eksempelsen;Testtitel 0;Fiktiv Forening 7;Erhvervslivet;Medlem;2018-01-01;');
    const term = lines((await download(empty.app, `/api/export/roster.csv?termId=${empty.term.id}`)).text);
    expect(term).toHaveLength(n + 1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('GET /api/export/popolo', () => {
  const exportPopolo = async (api: Api, termId: string) => {
    const res = await api.get<PopoloDocument>(`/api/export/popolo?termId=${termId}`);
    expect(res.status, res.text).toBe(200);
    return res;
  };

  /** The document with ids replaced by what they name, sorted, so two databases compare. */
  function readable(doc: PopoloDocument) {
    const name = new Map<string, string>([...doc.persons, ...doc.organizations].map((x) => [x.id, x.name]));
    const post = new Map(doc.posts.map((p) => [p.id, `${name.get(p.organization_id ?? '')}/${p.label}`]));
    const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
    return {
      persons: sorted(doc.persons.map((p) => p.name)),
      organizations: sorted(doc.organizations.map(({ id: _id, parent_id, ...o }) => ({ ...o, parent: name.get(parent_id ?? '') }))),
      posts: sorted(doc.posts.map(({ id: _id, organization_id, ...p }) => ({ ...p, body: name.get(organization_id ?? '') }))),
      memberships: sorted(
        doc.memberships.map(({ id: _id, person_id, organization_id, post_id, on_behalf_of_id, ...m }) => ({
          ...m,
          person: name.get(person_id ?? ''),
          body: name.get(organization_id ?? ''),
          post: post.get(post_id ?? ''),
          onBehalfOf: name.get(on_behalf_of_id ?? ''),
        })),
      ),
    };
  }

  it('exports the seeded term in a shape that validates against the official Popolo schemas', async () => {
    const ctx = await setup();
    const res = await exportPopolo(ctx.api, ctx.seed.term.id);
    expect(res.headers.get('content-disposition')).toContain('filename="popolo-periode-2018-2021.json"');
    const doc = PopoloDocumentSchema.parse(res.body);
    expect(validate(res.body as Record<string, unknown>)).toEqual([]);
    expect([doc.persons.length, doc.organizations.length, doc.posts.length, doc.memberships.length]).toEqual([22, 4 + 15, 22, 22]);
    const council = ctx.seed.council;
    expect(doc.organizations[0]).toEqual({ id: council.id, name: 'Horsens Alliancen', classification: 'council', description: council.purpose });
    expect(doc.organizations.filter((o) => o.classification === 'forum').map((o) => [o.name, o.parent_id])).toEqual([
      ['Erhvervstaskforce', council.id],
      ['Horsens Uddannelsesråd', council.id],
      ['Jobtaskforce', council.id],
    ]);
    const lo = ctx.seed.organization('LO Horsens-Hedensted');
    expect(doc.organizations).toContainEqual({ id: lo.id, name: lo.name, classification: 'union', other_names: [{ name: 'LO Horsens Hedensted' }] });
    const { person, seat, membership } = ctx.seed.holding('Charlotte Lyrskov');
    expect(doc.posts).toContainEqual({ id: seat.id, label: 'Horsens Kommune 4', organization_id: council.id, start_date: TERM.startDate, end_date: TERM.endDate });
    expect(doc.memberships).toContainEqual({
      id: membership.id,
      person_id: person.id,
      organization_id: council.id,
      post_id: seat.id,
      on_behalf_of_id: ctx.seed.organization('Horsens Kommune').id,
      role: 'member',
      label: 'Konst. direktør, Teknik og Miljø',
      start_date: '2018-01-01',
    });
    expect(doc.persons).toContainEqual({ id: person.id, name: 'Charlotte Lyrskov' });
  });

  it('exports a term with role changes, vacancies, a seat nobody held and a forum, still valid', async () => {
    const ctx = await setup();
    await addHistory(ctx);
    const res = await exportPopolo(ctx.api, ctx.seed.term.id);
    expect(validate(res.body as Record<string, unknown>)).toEqual([]);
    const doc = PopoloDocumentSchema.parse(res.body);
    expect([doc.posts.length, doc.memberships.length]).toEqual([24, 24]);
    const peter = ctx.seed.holding('Peter Sørensen');
    expect(doc.memberships.filter((m) => m.post_id === peter.seat.id).map((m) => [m.role, m.start_date, m.end_date, m.sources])).toEqual([
      ['member', '2018-01-01', '2019-12-31', undefined],
      ['chair', '2020-01-01', undefined, [{ url: 'https://example.org/beslutning/1', note: 'Beslutning' }]],
    ]);
    const testplads = must(doc.posts.find((p) => p.label === 'Testplads'));
    expect(doc.memberships.some((m) => m.post_id === testplads.id)).toBe(false);
    expect(doc.posts.at(-1)).toMatchObject({ label: 'Bubblemedia', organization_id: ctx.seed.forum('Jobtaskforce').id });
  });

  it('uses a validator that catches what the schemas forbid', () => {
    const errors = validate({
      persons: [{ id: 'p', name: 42 }],
      organizations: [{ id: 'o', name: 'Fiktiv', contact_details: [{ value: '12345678' }] }],
      posts: [{ id: 's', label: 'Testplads', start_date: '1. januar 2018' }],
      memberships: [{ id: 'm', person_id: 'p', end_date: '31/12/2021', links: [{ note: 'uden url' }] }],
    });
    expect(errors).toEqual([
      'persons/0/name: must be string,null',
      "organizations/0/contact_details/0: must have required property 'type'",
      expect.stringMatching(/^posts\/0\/start_date: must match pattern/),
      expect.stringMatching(/^memberships\/0\/end_date: must match pattern/),
      "memberships/0/links/0: must have required property 'url'",
    ]);
    expect(validate({ persons: [] })).toEqual(['organizations: missing', 'posts: missing', 'memberships: missing']);
  });

  it('round trip: the seeded term imported from its Popolo export into an empty database exports the same', async () => {
    const seeded = await setup();
    const first = (await exportPopolo(seeded.api, seeded.seed.term.id)).body;
    const empty = await emptyBackend();
    const { result } = await importUnedited(empty.api, {
      format: 'popolo',
      content: JSON.stringify(first),
      termId: empty.term.id,
      bodyId: empty.council.id,
    });
    expect(result.created).toEqual({ people: 22, organizations: 15, seats: 22, memberships: 22 });
    const second = (await exportPopolo(empty.api, empty.term.id)).body;
    expect(validate(second as Record<string, unknown>)).toEqual([]);
    // The empty database has the council only (no fora) and no purpose: compare the rest.
    const withoutBodies = (doc: PopoloDocument) => {
      const r = readable(doc);
      return { ...r, organizations: r.organizations.filter((o) => !/"classification":"(council|forum)"/.test(o)) };
    };
    expect(withoutBodies(second)).toEqual(withoutBodies(first));
    expect(await readableRoster(empty.api, empty.council.id, '2019-06-01')).toEqual(
      await readableRoster(seeded.api, seeded.seed.council.id, '2019-06-01'),
    );
  });

  it('round trip with role changes and vacancies: the same segments; a seat nobody held loses its nominator', async () => {
    const seeded = await setup();
    await addHistory(seeded);
    const first = (await exportPopolo(seeded.api, seeded.seed.term.id)).body;
    const empty = await emptyBackend();
    const { preview: answer } = await importUnedited(empty.api, {
      format: 'popolo',
      content: JSON.stringify(first),
      termId: empty.term.id,
      bodyId: empty.council.id,
    });
    // Only the council's posts are imported: 22 seats, one of them in two segments, and the empty one.
    expect(answer.rows).toHaveLength(24);
    const second = (await exportPopolo(empty.api, empty.term.id)).body;
    const councilOf = (doc: PopoloDocument) => {
      const r = readable(doc);
      const inCouncil = (x: string) => x.includes('"body":"Horsens Alliancen"');
      return { persons: r.persons, posts: r.posts.filter(inCouncil), memberships: r.memberships.filter(inCouncil) };
    };
    expect(councilOf(second)).toEqual(councilOf(first));
    for (const date of ['2019-06-01', '2020-03-01', '2020-12-31']) {
      const expected = (await readableRoster(seeded.api, seeded.seed.council.id, date)).map((e) =>
        e.seat === 'Testplads' ? { ...e, organization: null, sector: null } : e,
      );
      expect(await readableRoster(empty.api, empty.council.id, date)).toEqual(expected);
    }
  });
});
