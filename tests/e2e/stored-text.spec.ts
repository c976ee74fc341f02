/**
 * Stored text is shown as text (issue 6, ASVS V5): a person whose name is markup renders
 * literally on every page that shows it, and nothing in it runs.
 */
import { expect, expectNoAxeViolations, test } from './support';

const MARKUP = '<img src=x onerror=alert(1)>';
const suffix = Math.random().toString(36).slice(2, 7);
const NAME = `${MARKUP} Testperson ${suffix}`;

test('a person named with HTML markup renders literally and runs nothing', async ({ page, request }) => {
  const created = await request.post('/api/people', { data: { name: NAME, notes: `<script>alert(2)</script> ${suffix}` } });
  expect(created.status()).toBe(201);
  const person = (await created.json()) as { id: string; version: number };
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await page.goto(`/people/${person.id}`);
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByText(`<script>alert(2)</script> ${suffix}`)).toBeVisible();
    await page.goto(`/people?q=${suffix}`);
    await expect(page.getByRole('link', { name: NAME })).toBeVisible();
    await page.goto(`/people/${person.id}`);
    await expectNoAxeViolations(page, { label: 'a person named with markup' });
    // No element came from the stored text, and no script of it ran.
    expect(await page.locator('img[src="x"], main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  } finally {
    await request.delete(`/api/people/${person.id}`, { headers: { 'If-Match': `"${person.version}"` } });
  }
});
