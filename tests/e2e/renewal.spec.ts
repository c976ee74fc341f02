/**
 * The term renewal journey of issue #5, against the real server: from the seeded 2018-2021,
 * start the 2022-2025 renewal; reappoint 18 holders, request nominations for 2 seats and
 * receive them (2 new, clearly fake people), drop 1 seat, leave 1 vacant; compare (18
 * continuing, 2 new, 4 leaving, 21 seats, 1 vacant on day one); switch over; the roster on
 * 2022-01-01 shows the new council and on 2021-12-31 the old one. axe on every page, in Danish,
 * and in English on the workspace.
 *
 * It changes shared state, so it runs in its own Playwright project after every other spec
 * (playwright.config.ts). Afterwards it undoes what the API allows: the new memberships are
 * deleted and the old ones open again as they were. The API refuses to remove a switched-over
 * renewal, its nominations, the 2022-2025 term and its seats, and the two people the
 * nominations name, so those stay until the server restarts from the seed.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './support';

interface Membership {
  id: string;
  version: number;
  seatId: string;
  endDate: string | null;
  endReason: string | null;
  endDecidedOn: string | null;
  endSource: string | null;
}

const suffix = Math.random().toString(36).slice(2, 8);
const NOMINEES = [`Testperson Fornyelse A ${suffix}`, `Testperson Fornyelse B ${suffix}`];
/** The two seats asked for a nominee, the one dropped and the one left vacant; the other 18 are reappointed. */
const ASKED = ['Velux', 'Casa Group'];
const DROPPED = 'Insero';
const VACANT = 'DI Horsens';

async function json<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.ok(), `GET ${path}: ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

async function seatDialog(page: Page, seat: string, verb: 'Beslut for' | 'Ret beslutningen for') {
  await page.getByRole('button', { name: `${verb} ${seat}` }).click();
  const dialog = page.getByRole('dialog', { name: `Beslutning for ${seat}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('term renewal against the real server', () => {
  let termId = '';
  /** The old term's open memberships as they were before the switch-over, to open them again. */
  let openBefore: Membership[] = [];

  test.afterAll(async ({ request }) => {
    if (!termId) return;
    const state = await request.get(`/api/terms/${termId}/renewal`);
    if (!state.ok()) return;
    const { nextTerm } = (await state.json()) as { nextTerm: { id: string } };
    const seats = await json<{ id: string }[]>(request, `/api/seats?termId=${nextTerm.id}`);
    for (const seat of seats) {
      for (const m of await json<Membership[]>(request, `/api/memberships?seatId=${seat.id}`)) {
        const res = await request.delete(`/api/memberships/${m.id}`, { headers: { 'If-Match': `"${m.version}"` } });
        expect(res.ok(), `DELETE membership: ${res.status()}`).toBe(true);
      }
    }
    for (const before of openBefore) {
      const now = await json<Membership>(request, `/api/memberships/${before.id}`);
      if (now.endDate === before.endDate) continue;
      const res = await request.patch(`/api/memberships/${before.id}`, {
        headers: { 'If-Match': `"${now.version}"` },
        data: { endDate: before.endDate, endReason: before.endReason, endDecidedOn: before.endDecidedOn, endSource: before.endSource },
      });
      expect(res.ok(), `PATCH membership: ${res.status()} ${await res.text()}`).toBe(true);
    }
    // Before the switch-over (a failed run), the whole renewal can still be cancelled.
    const again = await request.get(`/api/terms/${termId}/renewal`);
    if (again.ok()) {
      const { renewal } = (await again.json()) as { renewal: { version: number; switchedOverAt: string | null } };
      if (renewal.switchedOverAt === null) {
        await request.delete(`/api/terms/${termId}/renewal`, { headers: { 'If-Match': `"${renewal.version}"` } });
      }
    }
  });

  test('prepares 2022-2025, compares, switches over, and the rosters show both councils', async ({ page, request }) => {
    test.setTimeout(180_000);
    const terms = await json<{ id: string; label: string }[]>(request, '/api/terms');
    const term = terms.find((t) => t.label === '2018-2021');
    expect(term, 'the seeded 2018-2021 term').toBeDefined();
    termId = term!.id;
    const seats = await json<{ id: string }[]>(request, `/api/seats?termId=${termId}`);
    openBefore = (
      await Promise.all(seats.map((s) => json<Membership[]>(request, `/api/memberships?seatId=${s.id}`)))
    )
      .flat()
      .filter((m) => m.endDate === null);
    expect(openBefore).toHaveLength(22);

    // Start the renewal from the term page: 2022-2025 proposed.
    await page.goto(`/terms/${termId}`);
    await page.getByRole('button', { name: 'Forbered næste periode' }).click();
    const start = page.getByRole('dialog', { name: 'Forbered perioden efter 2018-2021' });
    await expect(start.getByLabel('Navn på den nye periode')).toHaveValue('2022-2025');
    await expect(start.getByLabel('Første dag')).toHaveValue('2022-01-01');
    await expect(start.getByLabel('Sidste dag')).toHaveValue('2025-12-31');
    await expectNoAxeViolations(page, { include: '[role="dialog"]', label: 'start renewal dialog' });
    await start.getByRole('button', { name: 'Opret ny periode' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Fornyelse: 2018-2021 → 2022-2025' })).toBeVisible();
    await expect(page.getByText('0 af 22 pladser afklaret')).toBeVisible();
    await expectNoAxeViolations(page, { label: 'renewal workspace' });

    // Reappoint 18: every seat but the four decided otherwise.
    await page.getByRole('checkbox', { name: 'Vælg alle viste pladser i Horsens Alliancen' }).check();
    for (const seat of [...ASKED, DROPPED, VACANT]) await page.getByRole('checkbox', { name: `Vælg ${seat}`, exact: true }).uncheck();
    await expect(page.getByText('18 pladser valgt')).toBeVisible();
    await page.getByRole('button', { name: 'Genudpeg valgte' }).click();
    await expect(page.getByText('18 af 22 pladser afklaret')).toBeVisible();

    // Ask two organisations for a nominee.
    for (const seat of ASKED) await page.getByRole('checkbox', { name: `Vælg ${seat}`, exact: true }).check();
    await page.getByRole('button', { name: 'Bed om kandidater' }).click();
    const ask = page.getByRole('dialog', { name: 'Bed om kandidater til 2 pladser' });
    await ask.getByLabel('Anmodet den').fill('2021-09-01');
    await ask.getByLabel('Svarfrist').fill('2021-11-01');
    await expectNoAxeViolations(page, { include: '[role="dialog"]', label: 'bulk request dialog' });
    await ask.getByRole('button', { name: 'Markér som anmodet' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByText('2 pladser: Bed organisationen om en kandidat.')).toBeVisible();

    // The request list and its letters, while the two requests are open.
    await page.getByRole('link', { name: 'Anmodninger og breve' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anmodninger om kandidater til 2022-2025' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(2);
    await expect(page.getByRole('article').filter({ hasText: 'Kære Velux' })).toContainText('Vi beder om jeres svar senest den 1. november 2021.');
    const csv = await request.get(`/api/terms/${termId}/renewal/requests.csv`);
    expect(await csv.text()).toContain('Casa Group');
    await expectNoAxeViolations(page, { label: 'request list' });
    await page.getByRole('link', { name: 'Til fornyelsen' }).click();

    // The nominees answer: two new people, confirmed.
    for (const [i, seat] of ASKED.entries()) {
      const dialog = await seatDialog(page, seat, 'Ret beslutningen for');
      await dialog.getByRole('combobox', { name: 'Kandidat' }).fill(NOMINEES[i]!);
      await page.getByRole('option', { name: `Opret ny person "${NOMINEES[i]}"` }).click();
      await dialog.getByRole('button', { name: 'Opret person' }).click();
      await expect(dialog.getByRole('combobox', { name: 'Kandidat' })).toHaveValue(NOMINEES[i]!);
      await dialog.getByRole('combobox', { name: /Status/ }).click();
      await page.getByRole('option', { name: 'Bekræftet' }).click();
      if (i === 0) await expectNoAxeViolations(page, { include: '[role="dialog"]', label: 'decision dialog' });
      await dialog.getByRole('button', { name: 'Gem beslutning' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(page.getByText('20 af 22 pladser afklaret')).toBeVisible();

    // Drop one seat, leave one vacant.
    let dialog = await seatDialog(page, DROPPED, 'Beslut for');
    await dialog.getByRole('radio', { name: /Nedlæg pladsen/ }).check();
    await dialog.getByRole('button', { name: 'Gem beslutning' }).click();
    await expect(dialog).toBeHidden();
    dialog = await seatDialog(page, VACANT, 'Beslut for');
    await dialog.getByRole('radio', { name: /Lad stå ledig/ }).check();
    await dialog.getByRole('button', { name: 'Gem beslutning' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('22 af 22 pladser afklaret')).toBeVisible();
    await expect(page.getByText('Alt er klar: ingen pladser mangler afklaring, og reglerne er overholdt.')).toBeVisible();
    await expectNoAxeViolations(page, { label: 'renewal workspace, all settled' });

    // The workspace in English too.
    await page.getByRole('button', { name: 'Sprog: English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Renewal: 2018-2021 → 2022-2025' })).toBeVisible();
    await expect(page.getByText('22 of 22 seats settled')).toBeVisible();
    await expectNoAxeViolations(page, { label: 'renewal workspace in English' });
    await page.getByRole('button', { name: 'Language: Dansk' }).click();
    await expect(page.getByText('22 af 22 pladser afklaret')).toBeVisible();

    // The comparison.
    await page.getByRole('link', { name: 'Sammenlign perioder' }).click();
    await expect(page.getByText('18 fortsætter, 2 nye, 4 stopper, 21 pladser, heraf 1 ledig på dag ét')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Nye (2)' })).toContainText(NOMINEES[0]!);
    await expectNoAxeViolations(page, { label: 'comparison' });
    await page.getByRole('link', { name: 'Til fornyelsen' }).click();

    // Switch over.
    await page.getByRole('button', { name: 'Skift til ny periode' }).click();
    const sw = page.getByRole('dialog', { name: 'Skift til 2022-2025?' });
    await expect(sw).toContainText('20 medlemskaber oprettes fra 1. januar 2022.');
    await expect(sw).toContainText('22 nuværende medlemskaber afsluttes 31. december 2021.');
    await expect(sw).toContainText('1 nedlagt plads fjernes fra den nye periode.');
    await expectNoAxeViolations(page, { include: '[role="dialog"]', label: 'switch-over dialog' });
    await sw.getByRole('button', { name: 'Skift nu' }).click();
    await expect(page.getByText('Der er skiftet til 2022-2025')).toBeVisible();
    await expectNoAxeViolations(page, { label: 'renewal workspace after the switch-over' });

    // The rosters on both sides of the switch-over.
    await page.getByRole('link', { name: 'Medlemslisten pr. 1. januar 2022 (ny periode)' }).click();
    await expect(page.getByText('21 pladser · 20 besat · 1 ledig')).toBeVisible();
    for (const name of NOMINEES) await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
    await expect(page.getByText('Kristian E. Justesen')).toHaveCount(0);
    // The roster with a vacant seat: the "Ledig" chip must pass colour contrast too.
    await expectNoAxeViolations(page, { label: 'roster on 2022-01-01' });

    await page.goto('/roster?asOf=2021-12-31');
    await expect(page.getByText('22 pladser · 22 besat · 0 ledige')).toBeVisible();
    await expect(page.getByRole('row', { name: /Kristian E\. Justesen/ })).toBeVisible();
    await expect(page.getByText(NOMINEES[0]!)).toHaveCount(0);
    await expectNoAxeViolations(page, { label: 'roster on 2021-12-31' });
  });
});
