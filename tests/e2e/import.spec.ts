import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';

const SEED = readFileSync('server/seed/horsens-alliancen.txt', 'utf8');

interface Versioned {
  id: string;
  version: number;
}
const ifMatch = (r: Versioned) => ({ headers: { 'If-Match': `"${r.version}"` } });

/**
 * Removes what an import into `termId` wrote (its memberships, seats and the term), so the
 * specs that run after this one meet the seed as it was. The imported people and
 * organisations were matched to the seeded ones, so nothing else is left behind.
 */
async function removeImportedTerm(request: APIRequestContext, termId: string) {
  const seats = (await (await request.get(`/api/seats?termId=${termId}`)).json()) as Versioned[];
  for (const seat of seats) {
    const memberships = (await (await request.get(`/api/memberships?seatId=${seat.id}`)).json()) as Versioned[];
    for (const m of memberships) expect((await request.delete(`/api/memberships/${m.id}`, ifMatch(m))).status()).toBe(204);
    expect((await request.delete(`/api/seats/${seat.id}`, ifMatch(seat))).status()).toBe(204);
  }
  const term = (await (await request.get(`/api/terms/${termId}`)).json()) as Versioned;
  expect((await request.delete(`/api/terms/${termId}`, ifMatch(term))).status()).toBe(204);
}

test.describe('import and export against the real server', () => {
  let importedTermId: string | undefined;
  test.afterEach(async ({ request }) => {
    if (importedTermId) await removeImportedTerm(request, importedTermId);
    importedTermId = undefined;
  });

  test('imports the seed text into a fake empty term, and the roster shows 22 holders', async ({ page, request }) => {
    // A far-future term with a random label; afterEach removes what the import wrote.
    const year = 2100 + 4 * Math.floor(Math.random() * 200);
    const label = `Testperiode ${year} ${Math.random().toString(36).slice(2, 8)}`;
    const created = await request.post('/api/terms', {
      data: { label, startDate: `${year}-01-01`, endDate: `${year + 3}-12-31` },
    });
    expect(created.status()).toBe(201);
    importedTermId = ((await created.json()) as Versioned).id;

    await page.goto('/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import og eksport' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Periode' }).selectOption({ label });
    await expect(page.getByRole('combobox', { name: 'Råd eller forum' })).toHaveValue(/.+/);
    await expectNoAxeViolations(page, { label: 'import page before preview (da)' });

    await page.getByRole('textbox', { name: 'Indhold' }).fill(SEED);
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Gennemse 22 rækker' })).toBeVisible();
    await expect(page.getByText(/22 fundne/)).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /^Importér linje/, checked: true })).toHaveCount(22);
    await expectNoAxeViolations(page, { label: 'review table (da)' });
    // On a phone the rows are cards with the same fields.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('checkbox', { name: /^Importér linje/, checked: true })).toHaveCount(22);
    await expect(page.locator('main table')).toHaveCount(0);
    await expectNoAxeViolations(page, { label: 'review cards on a phone (da)' });
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Review 22 rows' })).toBeVisible();
    await expectNoAxeViolations(page, { label: 'review table (en)' });
    await page.getByRole('button', { name: 'Language: Dansk' }).click();

    await page.getByRole('button', { name: 'Importér 22 rækker' }).click();
    await expect(page.getByText(/22 pladser og 22 medlemskaber/)).toBeVisible();
    await expectNoAxeViolations(page, { label: 'after import (da)' });
    await page.getByRole('link', { name: `Se medlemslisten pr. 1. januar ${year}` }).click();

    await expect(page).toHaveURL(new RegExp(`asOf=${year}-01-01`));
    await expect(page.getByText('22 pladser · 22 besat · 0 ledige')).toBeVisible();
    await expect(page.locator('main table tbody tr')).toHaveCount(22);
    await expect(page.getByText(new RegExp(`Periode ${label}`))).toBeVisible();
    await expect(page.getByRole('link', { name: 'Eksportér CSV' })).toHaveAttribute('href', new RegExp(`asOf=${year}-01-01`));
  });

  test('the import page passes axe in English, and the exports download', async ({ page }) => {
    await page.goto('/import');
    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import and export' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Content' })).toBeVisible();
    await expectNoAxeViolations(page, { label: 'import page before preview (en)' });

    await page.getByRole('combobox', { name: 'Term' }).selectOption({ label: '2018-2021' });
    await page.getByLabel('As of').fill('2019-06-01');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Roster as of 1 June 2019 \(CSV\)/ }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('Organ;Plads;Navn;Titel;Organisation;Sektor;Rolle;Start;Slut');
    expect(csv.trim().split(/\r\n/)).toHaveLength(23);
  });
});
