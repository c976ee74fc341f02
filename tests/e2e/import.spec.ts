import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support';

const SEED = readFileSync('server/seed/horsens-alliancen.txt', 'utf8');

test.describe('import and export against the real server', () => {
  test('imports the seed text into a fake empty term, and the roster shows 22 holders', async ({ page, request }) => {
    // A far-future term with a random label: imported seats cannot be removed afterwards.
    const year = 2100 + 4 * Math.floor(Math.random() * 200);
    const label = `Testperiode ${year} ${Math.random().toString(36).slice(2, 8)}`;
    const created = await request.post('/api/terms', {
      data: { label, startDate: `${year}-01-01`, endDate: `${year + 3}-12-31` },
    });
    expect(created.status()).toBe(201);

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
