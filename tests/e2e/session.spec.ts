/**
 * Sign-in and roles in the browser (issue 6): a signed-out visitor meets the sign-in page and
 * comes back to where they were going; a viewer reads but is offered no writes, and the
 * server refuses them anyway; signing out ends the session. axe on the sign-in and users pages.
 */
import type { Browser } from '@playwright/test';
import { E2E_ADMIN } from './credentials';
import { expect, expectNoAxeViolations, test } from './support';

const suffix = Math.random().toString(36).slice(2, 7);
const VIEWER = { email: `laeser-${suffix}@roster.example`, name: `Testlæser ${suffix}`, password: 'en lang og sjov saetning' };

/** A browser context without the e2e admin's cookie. */
const signedOut = (browser: Browser) => browser.newContext({ storageState: { cookies: [], origins: [] } });

test('a signed-out visitor signs in and lands on the page they asked for', async ({ browser }) => {
  const context = await signedOut(browser);
  const page = await context.newPage();
  await page.goto('/people?q=sorensen');
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toHaveCount(0);
  await expectNoAxeViolations(page, { label: '/sign-in (da)' });

  await page.getByRole('textbox', { name: 'E-mail' }).fill(E2E_ADMIN.email);
  await page.getByLabel('Adgangskode').fill('ikke den rigtige adgangskode');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByText('E-mail eller adgangskode er forkert.')).toBeVisible();
  await expectNoAxeViolations(page, { label: '/sign-in with an error' });

  await page.getByLabel('Adgangskode').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/people\?q=sorensen/);
  await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeVisible();

  // English too.
  await page.getByRole('button', { name: /Sprog/ }).click();
  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expectNoAxeViolations(page, { label: '/users (en)' });
  await context.close();
});

test('a viewer reads the roster, is offered no writes, and the server refuses them; sign-out ends the session', async ({ browser, request }) => {
  const created = await request.post('/api/users', { data: { ...VIEWER, role: 'viewer' } });
  expect(created.status(), await created.text()).toBe(201);
  const user = (await created.json()) as { id: string; version: number };
  const context = await signedOut(browser);
  const page = await context.newPage();
  try {
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(VIEWER.email);
    await page.getByLabel('Adgangskode').fill(VIEWER.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toHaveCount(0);

    await page.goto('/people');
    await expect(page.getByRole('heading', { level: 1, name: 'Personer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Peter Sørensen' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ny person' })).toHaveCount(0);
    await expectNoAxeViolations(page, { label: '/people as a viewer' });
    // The server refuses what the UI does not offer.
    expect((await page.request.post('/api/people', { data: { name: `Testperson ${suffix}` } })).status()).toBe(403);

    await page.getByRole('button', { name: `Bruger: ${VIEWER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Log ud' }).or(page.getByRole('button', { name: 'Log ud' })).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get('/api/people')).status()).toBe(401);
  } finally {
    await context.close();
    await request.patch(`/api/users/${user.id}`, { data: { disabled: true }, headers: { 'If-Match': `"${user.version}"` } });
  }
});
