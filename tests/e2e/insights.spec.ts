/**
 * Dashboard, sector balance, timeline and print against the real server. The timeline journey
 * builds its own clearly fake forum (two seats, two fake people, a role change and a vacancy)
 * and removes it again afterwards, so other specs see the seed as it was. Screenshots of each
 * page go to test-results/insights-*.png.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';

const suffix = Math.random().toString(36).slice(2, 7);
const FORUM = `Testforum Tidslinje ${suffix}`;
const ANNA = `Testperson Eksempelsen ${suffix}`;
const BO = `Testperson Prøvesen ${suffix}`;

interface Rec {
  id: string;
  version: number;
}

async function post<T>(request: APIRequestContext, path: string, data: unknown, version?: number): Promise<T> {
  const res = await request.post(path, { data, headers: version ? { 'If-Match': `"${version}"` } : {} });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** The fake forum in the seeded term 2018-2021: Anna is member, then chair from 1 March 2019; Bo leaves on 30 June 2020. */
async function arrange(request: APIRequestContext): Promise<string> {
  const [term] = (await (await request.get('/api/terms?q=2018-2021')).json()) as (Rec & { startDate: string })[];
  const bodies = (await (await request.get('/api/bodies')).json()) as (Rec & { kind: string; parentId: string | null })[];
  const council = bodies.find((b) => b.kind === 'council' && b.parentId === null);
  const forum = await post<Rec>(request, '/api/bodies', { name: FORUM, kind: 'forum', parentId: council?.id ?? null, purpose: '' });
  const anna = await post<Rec>(request, '/api/people', { name: ANNA });
  const bo = await post<Rec>(request, '/api/people', { name: BO });
  const seat1 = await post<Rec>(request, '/api/seats', { termId: term?.id, bodyId: forum.id, label: 'Testplads A', reservedSector: 'business' });
  const seat2 = await post<Rec>(request, '/api/seats', { termId: term?.id, bodyId: forum.id, label: 'Testplads B', reservedSector: 'union' });
  const m1 = await post<Rec>(request, '/api/memberships', { seatId: seat1.id, personId: anna.id, role: 'member', title: 'Testtitel', startDate: '2018-01-01' });
  await post(request, `/api/memberships/${m1.id}/change`, { effectiveDate: '2019-03-01', role: 'chair' }, m1.version);
  const m2 = await post<Rec>(request, '/api/memberships', { seatId: seat2.id, personId: bo.id, role: 'member', title: '', startDate: '2018-01-01' });
  await post(request, `/api/memberships/${m2.id}/end`, { endDate: '2020-06-30', endReason: 'Fratrådt' }, m2.version);
  return forum.id;
}

async function cleanUp(request: APIRequestContext) {
  const bodies = (await (await request.get(`/api/bodies?q=${encodeURIComponent(suffix)}`)).json()) as Rec[];
  for (const body of bodies) {
    const memberships = (await (await request.get(`/api/memberships?bodyId=${body.id}`)).json()) as Rec[];
    for (const m of memberships) await request.delete(`/api/memberships/${m.id}`, { headers: { 'If-Match': `"${m.version}"` } });
    const seats = (await (await request.get(`/api/seats?bodyId=${body.id}`)).json()) as Rec[];
    for (const s of seats) await request.delete(`/api/seats/${s.id}`, { headers: { 'If-Match': `"${s.version}"` } });
    await request.delete(`/api/bodies/${body.id}`, { headers: { 'If-Match': `"${body.version}"` } });
  }
  const people = (await (await request.get(`/api/people?q=${encodeURIComponent(suffix)}`)).json()) as Rec[];
  for (const p of people) await request.delete(`/api/people/${p.id}`, { headers: { 'If-Match': `"${p.version}"` } });
}

test.afterAll(async ({ request }) => {
  await cleanUp(request);
});

test.describe('dashboard, charts and timeline', () => {
  test('the dashboard is the first page, in Danish and English', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Overblik' }).first()).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Seneste ændringer' }).getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sektorbalance' }).getByText('Erhvervslivet')).toBeVisible();
    await page.screenshot({ path: 'test-results/insights-dashboard-da.png', fullPage: true });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expectNoAxeViolations(page, { label: '/ (English)' });
  });

  test('balance chart and timeline, by mouse and keyboard, in Danish and English', async ({ page, request }) => {
    const forumId = await arrange(request);

    // The council's balance on a date, with its table.
    await page.goto('/insights?asOf=2019-06-01');
    const chart = page.getByRole('img', { name: /^Søjlediagram over besatte og ledige pladser i Horsens Alliancen/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('svg').first()).toBeVisible();
    const table = page.getByRole('table', { name: 'Pladser i Horsens Alliancen pr. 1. juni 2019' });
    await expect(table.getByRole('row', { name: /^I alt/ })).toContainText('22');
    await page.getByRole('region', { name: 'Sektorbalance pr. 1. juni 2019' }).screenshot({ path: 'test-results/insights-balance-da.png' });
    await expectNoAxeViolations(page);

    // The fake forum's timeline: a role change is two bars, the vacancy a gap.
    await page.goto(`/insights?bodyId=${forumId}&asOf=2020-09-01`);
    const timeline = page.getByRole('region', { name: /^Tidslinje over pladserne i Testforum Tidslinje/ });
    await expect(timeline.getByRole('link', { name: new RegExp(`^${ANNA},`) })).toHaveCount(2);
    await expect(timeline.getByText('Ledig', { exact: true })).toBeVisible();
    await timeline.screenshot({ path: 'test-results/insights-timeline-da.png' });

    // Keyboard: Tab from the scroll region to the first bar; its details appear.
    await timeline.focus();
    await page.keyboard.press('Tab');
    const first = timeline.getByRole('link', { name: new RegExp(`^${ANNA}, Medlem`) });
    await expect(first).toBeFocused();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText(ANNA);
    await expect(tooltip).toContainText('1. januar 2018 – 28. februar 2019');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tooltip').filter({ hasText: '★ Formand · Testtitel' })).toBeVisible();
    await page.screenshot({ path: 'test-results/insights-page-da.png', fullPage: true });
    await page.keyboard.press('Escape');
    await expectNoAxeViolations(page);

    // Hover shows the details too.
    await timeline.getByRole('link', { name: new RegExp(`^${BO},`) }).hover();
    await expect(page.getByRole('tooltip').filter({ hasText: BO })).toContainText('30. juni 2020');

    // Enter follows the bar to its seat on the segment's first day.
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/seats\/[^?]+\?asOf=2018-01-01/);

    await page.goto(`/insights?bodyId=${forumId}&asOf=2020-09-01`);
    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Composition and timeline' })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Timeline of the seats in Testforum/ })).toBeVisible();
    await expectNoAxeViolations(page, { label: '/insights (English)' });
  });

  test('prints every body of the term, one page each, without navigation', async ({ page }) => {
    await page.goto('/roster/print?asOf=2019-06-01');
    await expect(page.getByRole('heading', { level: 1, name: 'Alle råd og fora' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Horsens Alliancen' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Udskriv' })).toBeHidden();
    await page.screenshot({ path: 'test-results/insights-print-all-da.png', fullPage: true });
    const pdf = await page.pdf({ path: 'test-results/insights-print-all-da.pdf', preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);

    await page.emulateMedia({ media: 'screen' });
    await page.goto('/roster?asOf=2019-06-01');
    await expect(page.locator('main table tbody tr')).toHaveCount(22);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('combobox', { name: 'Råd eller forum' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Horsens Alliancen' })).toBeVisible();
    await expect(page.getByText('Periode 2018-2021 · pr. 1. juni 2019')).toBeVisible();
    await page.screenshot({ path: 'test-results/insights-print-roster-da.png', fullPage: true });
  });
});
