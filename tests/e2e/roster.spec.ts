import { expect, expectNoAxeViolations, test } from './support';

test.describe('roster page against the real server', () => {
  test('shows the 22 seeded representatives in Danish and passes axe', async ({ page }) => {
    await page.goto('/roster?asOf=2019-06-01');
    await expect(page.getByRole('heading', { level: 1, name: 'Horsens Alliancen' })).toBeVisible();
    await expect(page.getByText('22 pladser · 22 besat · 0 ledige')).toBeVisible();
    await expect(page.locator('main table tbody tr')).toHaveCount(22);
    await expect(page.getByRole('row', { name: /Charlotte Lyrskov/ })).toContainText('Konst. direktør, Teknik og Miljø');
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    await expectNoAxeViolations(page);
  });

  test('loads and switches language without breaking its Content-Security-Policy', async ({ page }) => {
    // zod probes `new Function` unless told not to (src/lib/zod-csp.ts); the server's CSP has
    // no 'unsafe-eval', so the probe would be reported here (and by Lighthouse).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    await page.goto('/roster?asOf=2019-06-01');
    await expect(page.locator('main table tbody tr')).toHaveCount(22);
    // The English texts are a chunk of their own, loaded on this click.
    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('columnheader', { name: 'Seat' }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });

  test('passes axe in English and on the empty state', async ({ page }) => {
    await page.goto('/roster?asOf=2022-06-01');
    await expect(page.getByText(/Ingen periode dækker 1\. juni 2022/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByText(/No term covers 1 June 2022/)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(page);
  });

  test('works by keyboard: skip link, body choice and date', async ({ page }) => {
    await page.goto('/roster?asOf=2019-06-01');
    await expect(page.locator('main table tbody tr')).toHaveCount(22);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Gå til indhold' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Råd eller forum' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Jobtaskforce' }).press('Enter');
    await expect(page.getByText('Jobtaskforce har ingen pladser i perioden 2018-2021.')).toBeVisible();
    await expect(page).toHaveURL(/bodyId=/);
    await expectNoAxeViolations(page);
  });

  test('unknown paths show a not-found page with a way back', async ({ page }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Siden findes ikke' })).toBeVisible();
    await page.getByRole('link', { name: 'Gå til medlemslisten' }).click();
    await expect(page).toHaveURL(/\/roster/);
    await expectNoAxeViolations(page);
  });

  test('sends the app and its data compressed: files precompressed, API answers gzip', async ({ page }) => {
    const scripts: { encoding: string; bytes: number }[] = [];
    page.on('response', (res) => {
      const headers = res.headers();
      if (/\/assets\/.*\.js$/.test(res.url())) scripts.push({ encoding: headers['content-encoding'] ?? 'none', bytes: Number(headers['content-length']) });
    });
    const roster = page.waitForResponse((res) => res.url().includes('/api/roster'));
    await page.goto('/roster?asOf=2019-06-01');
    await expect(page.locator('main table tbody tr')).toHaveCount(22);
    // Every script is sent as Brotli, except the few under 1 KiB that are not worth it.
    expect(scripts.filter((s) => s.encoding === 'br').length).toBeGreaterThan(5);
    expect(scripts.filter((s) => s.encoding !== 'br')).toEqual(scripts.filter((s) => s.encoding === 'none' && s.bytes < 1024));
    expect((await roster).headers()['content-encoding']).toBe('gzip');
  });
});
