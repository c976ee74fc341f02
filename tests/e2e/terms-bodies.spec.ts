/**
 * Terms, seats and fora against the real server: create a (clearly fake, far-future) planned
 * term, add a seat to Jobtaskforce in it, and find the seat on the forum page on a date in
 * that term; axe on every page and dialog visited, in Danish and in English. What the journey
 * creates is removed again afterwards, so other specs see the seed as it was.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';

// A unique term far in the future, so reruns and other specs never overlap it.
const startYear = 2100 + Math.floor(Math.random() * 800);
const suffix = Math.random().toString(36).slice(2, 7);
const TERM = `Testperiode ${startYear}-${startYear + 3} ${suffix}`;
const SEAT = `Testplads ${suffix}`;

/** Deletes the journey's seats and term through the API (seats first: a term with seats is refused). */
async function cleanUp(request: APIRequestContext) {
  const terms = (await (await request.get(`/api/terms?q=${encodeURIComponent(suffix)}`)).json()) as { id: string; version: number }[];
  for (const term of terms) {
    const seats = (await (await request.get(`/api/seats?termId=${term.id}`)).json()) as { id: string; version: number }[];
    for (const seat of seats) await request.delete(`/api/seats/${seat.id}`, { headers: { 'If-Match': `"${seat.version}"` } });
    await request.delete(`/api/terms/${term.id}`, { headers: { 'If-Match': `"${term.version}"` } });
  }
}

/** Reads a notice after a write and closes it, so no half-faded message is on the page when axe looks. */
async function dismissNotice(page: Page, message: string) {
  const notice = page.getByRole('alert').filter({ hasText: message });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: /^(Luk besked|Close message)$/ }).click();
  await expect(notice).toBeHidden();
}

/** Axe on the open dialog once its entrance transition has finished (a half-faded dialog fails contrast). */
async function expectDialogAccessible(page: Page, label: string) {
  await expect(page.locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
  await expectNoAxeViolations(page, { include: '[role="dialog"]', label });
}

test.afterAll(async ({ request }) => {
  await cleanUp(request);
  const left = (await (await request.get(`/api/terms?q=${encodeURIComponent(suffix)}`)).json()) as unknown[];
  expect(left, 'the journey leaves no test term behind').toEqual([]);
});

test('a planned term gets a Jobtaskforce seat, shown on the forum page on a date in the term', async ({ page }) => {
  // Terms: the seeded term has ended.
  await page.goto('/terms');
  await expect(page.getByRole('heading', { level: 1, name: 'Perioder' })).toBeVisible();
  await expect(page.getByRole('row', { name: /2018-2021/ })).toContainText('Afsluttet');
  await expectNoAxeViolations(page);

  // Create the planned term; a last day before the first is refused next to the field first.
  await page.getByRole('button', { name: 'Opret periode' }).click();
  const create = page.getByRole('dialog', { name: 'Opret periode' });
  await create.getByRole('textbox', { name: 'Navn' }).fill(TERM);
  await create.getByLabel('Første dag').fill(`${startYear}-01-01`);
  await create.getByLabel('Sidste dag').fill(`${startYear - 1}-12-31`);
  await create.getByRole('button', { name: 'Opret periode' }).click();
  await expect(create.getByText('Slutdatoen ligger før startdatoen.')).toBeVisible();
  await expectDialogAccessible(page, 'create term dialog');
  await create.getByLabel('Sidste dag').fill(`${startYear + 3}-12-31`);
  await create.getByRole('button', { name: 'Opret periode' }).click();
  await dismissNotice(page, `Perioden ${TERM} er oprettet.`);
  await expect(page.getByRole('row', { name: new RegExp(TERM) })).toContainText('Planlagt');

  // The term's page: add a seat to Jobtaskforce.
  await page.getByRole('link', { name: TERM }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Periode ${TERM}` })).toBeVisible();
  await expect(page.getByText('Jobtaskforce har ingen pladser i perioden')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Tilføj plads i Jobtaskforce' }).click();
  const addSeat = page.getByRole('dialog', { name: 'Tilføj plads' });
  await addSeat.getByRole('textbox', { name: 'Navn på pladsen' }).fill(SEAT);
  await addSeat.getByRole('combobox', { name: 'Indstillende organisation' }).fill('velux');
  await page.getByRole('option', { name: 'Velux' }).click();
  await expect(addSeat.getByRole('combobox', { name: 'Reserveret sektor' })).toHaveText('Erhvervslivet');
  await expectDialogAccessible(page, 'add seat dialog');
  await addSeat.getByRole('button', { name: 'Tilføj plads' }).click();
  await dismissNotice(page, `Pladsen ${SEAT} er tilføjet.`);
  const seatRow = page.getByRole('row', { name: new RegExp(SEAT) });
  await expect(seatRow).toContainText('Velux');
  await expect(seatRow).toContainText('Ledig');
  await expectNoAxeViolations(page);

  // The forum from the main menu: Råd og fora, Jobtaskforce, then the date.
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Råd og fora' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Råd og fora' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Jobtaskforce' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobtaskforce' })).toBeVisible();
  await page.getByLabel('Pr. dato').fill(`${startYear + 1}-06-01`);
  await expect(page.getByText(`Periode ${TERM} · pr. 1. juni ${startYear + 1}`)).toBeVisible();
  await expect(page.getByText('1 plads · 0 besat · 1 ledig')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(SEAT) })).toContainText('Ledig');
  await expectNoAxeViolations(page);

  // In English, the same forum page, then the other pages of the journey.
  await page.getByRole('button', { name: 'Sprog: English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText(`Term ${TERM} · as of 1 June ${startYear + 1}`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(SEAT) })).toContainText('Vacant');
  await expectNoAxeViolations(page, { label: 'forum page in English' });

  await page.getByRole('link', { name: 'Council and fora' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Council and fora' })).toBeVisible();
  await expectNoAxeViolations(page, { label: 'bodies in English' });

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Terms' }).click();
  await expect(page.getByRole('row', { name: new RegExp(TERM) })).toContainText('Planned');
  await expectNoAxeViolations(page, { label: 'terms in English' });

  await page.getByRole('link', { name: TERM }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Term ${TERM}` })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(SEAT) })).toContainText('Vacant');
  await expectNoAxeViolations(page, { label: 'term page in English' });
});

test('an empty forum explains itself and offers to add a seat, in Danish and English', async ({ page }) => {
  await page.goto('/bodies');
  await page.getByRole('link', { name: 'Erhvervstaskforce' }).click();
  await page.getByLabel('Pr. dato').fill('2019-06-01');
  await expect(page.getByText(/^Erhvervstaskforce har ingen pladser i perioden 2018-2021\. Pladserne i et forum oprettes her/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilføj plads' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Formål' })).toBeVisible();
  await expectNoAxeViolations(page, { label: 'empty forum page' });
  await page.getByRole('button', { name: 'Sprog: English' }).click();
  await expect(page.getByText(/^Erhvervstaskforce has no seats in term 2018-2021\./)).toBeVisible();
  await expectNoAxeViolations(page, { label: 'empty forum page in English' });
});
