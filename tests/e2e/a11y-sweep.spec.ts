/**
 * Accessibility on every page (issue #8): each route of the SPA, in Danish and in English,
 * with the seed roster and with an empty database, passes axe (WCAG 2.2 AA tags); and a
 * keyboard-only journey assigns a (clearly fake) person to a seat and vacates it again.
 *
 * The empty database is a second server started by this spec (ROSTER_SEED=none, its own
 * PGlite folder) over the build the main web server made.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { E2E_ADMIN } from './credentials';
import { expect, expectNoAxeViolations, test } from './support';

const LANGUAGE_KEY = 'alliance-roster.language';
const LANGUAGES = ['da', 'en'] as const;

interface Row {
  id: string;
  version: number;
  name?: string;
  label?: string;
  kind?: string;
}

async function list(request: APIRequestContext, path: string): Promise<Row[]> {
  const res = await request.get(path);
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
  return (await res.json()) as Row[];
}

/** Opens a route in a language and waits until it has settled (its h1 shown, no request pending). */
async function open(page: Page, url: string, language: (typeof LANGUAGES)[number]) {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [LANGUAGE_KEY, language] as const);
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Loading placeholders gone (a determinate progress bar is content, not loading).
  await expect(page.locator('.MuiSkeleton-root, .MuiCircularProgress-indeterminate, .MuiLinearProgress-indeterminate')).toHaveCount(0);
}

/** Every route with the seed: list pages and one record of each kind. */
async function seededRoutes(request: APIRequestContext): Promise<string[]> {
  const [people, organizations, bodies, terms, seats] = await Promise.all([
    list(request, '/api/people?limit=1'),
    list(request, '/api/organizations?limit=1'),
    list(request, '/api/bodies'),
    list(request, '/api/terms?sort=startDate&limit=1'),
    list(request, '/api/seats?limit=1'),
  ]);
  const council = bodies.find((b) => b.kind === 'council');
  const forum = bodies.find((b) => b.kind === 'forum');
  return [
    '/',
    '/roster?asOf=2019-06-01',
    '/people',
    '/people/retention',
    `/people/${people[0]?.id}`,
    '/organizations',
    `/organizations/${organizations[0]?.id}`,
    '/bodies',
    `/bodies/${council?.id}?asOf=2019-06-01`,
    `/bodies/${forum?.id}?asOf=2019-06-01`,
    '/terms',
    `/terms/${terms[0]?.id}`,
    // Before any renewal is started: the workspace explains how to start one.
    `/terms/${terms[0]?.id}/renewal`,
    `/insights?asOf=2019-06-01`,
    `/roster/print?termId=${terms[0]?.id}&asOf=2019-06-01`,
    `/seats/${seats[0]?.id}?asOf=2019-06-01`,
    '/import',
    '/users',
    '/no-such-page',
  ];
}

test.describe('axe on every page with the seed roster', () => {
  for (const language of LANGUAGES) {
    test(`every route in ${language === 'da' ? 'Danish' : 'English'}`, async ({ page, request }) => {
      test.setTimeout(180_000);
      for (const url of await seededRoutes(request)) {
        await test.step(url, async () => {
          await open(page, url, language);
          await expectNoAxeViolations(page, { label: `${url} (${language})` });
        });
      }
    });
  }
});

test.describe('axe on every page with an empty database', () => {
  const port = 4180 + Math.floor(Math.random() * 100);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let dataDir = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = mkdtempSync(join(tmpdir(), 'alliance-roster-empty-'));
    server = spawn(process.execPath, ['node_modules/.bin/tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        ROSTER_SEED: 'none',
        ROSTER_ADMIN_EMAIL: E2E_ADMIN.email,
        ROSTER_ADMIN_PASSWORD: E2E_ADMIN.password,
      },
      stdio: 'ignore',
    });
    for (let waited = 0; ; waited += 250) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (waited > 90_000 || server.exitCode !== null) throw new Error('The empty-database server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  test.afterAll(() => {
    server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const language of LANGUAGES) {
    test(`every list page in ${language === 'da' ? 'Danish' : 'English'}`, async ({ page }) => {
      test.setTimeout(120_000);
      // Its own sign-in: the cookie of the main e2e server means nothing here (same host, so it is replaced).
      expect((await page.request.post(`${base}/api/session`, { data: E2E_ADMIN })).status()).toBe(200);
      for (const path of ['/', '/roster', '/people', '/people/retention', '/organizations', '/bodies', '/terms', '/import', '/insights', '/users']) {
        await test.step(path, async () => {
          await open(page, `${base}${path}`, language);
          await expectNoAxeViolations(page, { label: `${path} on an empty database (${language})` });
        });
      }
    });
  }
});

/** Presses Tab until `target` has the focus (no mouse anywhere). */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test.describe('keyboard only', () => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const PERSON = `Testperson Tastatur ${suffix}`;
  const SEAT = `Testplads tastatur ${suffix}`;

  test.afterEach(async ({ request }) => {
    const ifMatch = (r: Row) => ({ headers: { 'If-Match': `"${r.version}"` } });
    for (const seat of (await list(request, `/api/seats?q=${encodeURIComponent(SEAT)}`)).filter((s) => s.label === SEAT)) {
      for (const m of await list(request, `/api/memberships?seatId=${seat.id}`)) await request.delete(`/api/memberships/${m.id}`, ifMatch(m));
      await request.delete(`/api/seats/${seat.id}`, ifMatch(seat));
    }
    for (const p of (await list(request, `/api/people?q=${encodeURIComponent(PERSON)}`)).filter((x) => x.name === PERSON)) {
      await request.delete(`/api/people/${p.id}`, ifMatch(p));
    }
  });

  test('assign a person to a seat and vacate it, by keyboard alone, with visible focus', async ({ page, request }) => {
    const [term] = await list(request, '/api/terms?sort=startDate&limit=1');
    const forum = (await list(request, '/api/bodies')).find((b) => b.name === 'Jobtaskforce');
    const seatRes = await request.post('/api/seats', { data: { termId: term?.id, bodyId: forum?.id, label: SEAT } });
    expect(seatRes.status()).toBe(201);
    const seat = (await seatRes.json()) as Row;
    expect((await request.post('/api/people', { data: { name: PERSON } })).status()).toBe(201);

    await open(page, `/seats/${seat.id}?asOf=2019-06-01`, 'da');
    const assign = page.getByRole('button', { name: 'Tildel plads' }).first();
    await tabTo(page, assign);
    // Focus is visible: an outline or a focus ring, not only a colour change.
    const ring = await assign.evaluate((el) => {
      const s = getComputedStyle(el);
      return s.outlineStyle !== 'none' || s.boxShadow !== 'none';
    });
    expect(ring).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: `Tildel ${SEAT}` })).toBeVisible();
    // The person field has the focus: type, pick the suggestion with the arrow keys.
    await page.keyboard.type(`Tastatur ${suffix}`);
    await expect(page.getByRole('option', { name: new RegExp(PERSON) })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('combobox', { name: /Person/ })).toHaveValue(PERSON);
    await tabTo(page, dialog.getByRole('button', { name: 'Tildel plads' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const holder = page.getByRole('region', { name: /^Indehaver/ });
    await expect(holder).toContainText(PERSON);

    const vacate = holder.getByRole('button', { name: 'Fratræd' });
    await tabTo(page, vacate);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: `${PERSON} fratræder ${SEAT}` })).toBeVisible();
    const reason = dialog.getByRole('textbox', { name: /Ophør|Årsag/ });
    await tabTo(page, reason);
    await page.keyboard.type('Fratrådt (test)');
    await tabTo(page, dialog.getByRole('button', { name: 'Fratræd' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const memberships = await list(request, `/api/memberships?seatId=${seat.id}`);
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ endReason: 'Fratrådt (test)' });
  });
});
