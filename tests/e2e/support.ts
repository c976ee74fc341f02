/**
 * Shared helpers for the Playwright journeys in tests/e2e.
 *
 *   import { expect, expectNoAxeViolations, test } from './support';
 *
 *   test('the roster is accessible', async ({ page }) => {
 *     await page.goto('/roster');
 *     await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
 *     await expectNoAxeViolations(page);
 *     await expectNoAxeViolations(page, { include: '[role="dialog"]', label: 'edit dialog' });
 *   });
 */
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe's tag names). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** How many offending elements a violation lists before it says "and N more". */
const MAX_TARGETS = 3;

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];
type Target = Violation['nodes'][number]['target'];

export interface AxeCheckOptions {
  /** Check only inside these CSS selectors (e.g. `main` or `[role="dialog"]`). */
  include?: string | string[];
  /** Leave these CSS selectors out (e.g. a third-party widget we cannot fix). */
  exclude?: string | string[];
  /** axe rule ids to switch off; say why in the calling test. */
  disableRules?: string[];
  /** Which screen or state was checked, shown in the failure message. */
  label?: string;
}

/** An AxeBuilder for `page` limited to the WCAG A/AA tags. */
export function axeBuilder(page: Page, options: AxeCheckOptions = {}): AxeBuilder {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of [options.include ?? []].flat()) builder = builder.include(selector);
  for (const selector of [options.exclude ?? []].flat()) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  return builder;
}

/** `#a > b` for a plain target, `iframe -> #a` across frames, `host >>> .x` into shadow roots. */
function formatTarget(target: Target): string {
  return target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' -> ');
}

/** One readable block per violation: rule id, impact, what it means, where it is. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((violation, index) => {
      const targets = violation.nodes.slice(0, MAX_TARGETS).map((node) => `       - ${formatTarget(node.target)}`);
      const more = violation.nodes.length - MAX_TARGETS;
      if (more > 0) targets.push(`       … and ${more} more`);
      return [
        `  ${index + 1}. ${violation.id} [${violation.impact ?? 'unknown impact'}] ${violation.help}`,
        `       ${violation.helpUrl}`,
        ...targets,
      ].join('\n');
    })
    .join('\n');
}

/**
 * Runs axe on the page as it is now and fails with a list of every WCAG A/AA violation
 * (rule id, impact, help text and the first few offending selectors).
 */
export async function expectNoAxeViolations(page: Page, context: AxeCheckOptions = {}): Promise<void> {
  const where = context.label ?? new URL(page.url()).pathname;
  await base.step(
    `axe: no WCAG A/AA violations on ${where}`,
    async () => {
      // Colours are only final once fades and slides have ended (a notice or dialog mid-fade
      // is half transparent, which axe would measure as low contrast).
      // A transition that starts a frame after the click is not listed yet, so wait until two
      // frames in a row have no running animation.
      await page.evaluate(async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        for (let quiet = 0; quiet < 2; ) {
          await frame();
          const running = document.getAnimations().filter((a) => a.playState === 'running');
          if (running.length === 0) quiet += 1;
          else {
            quiet = 0;
            await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
          }
        }
      });
      const { violations } = await axeBuilder(page, context).analyze();
      const heading = `axe found ${violations.length} accessibility violation(s) on ${where}:`;
      expect(violations.length, `${heading}\n${formatViolations(violations)}\n`).toBe(0);
    },
    { box: true },
  );
}

/**
 * Playwright's `test` with a `makeAxeBuilder` fixture, for the rare check that needs more
 * than `expectNoAxeViolations` (e.g. to inspect `incomplete` results).
 */
export const test = base.extend<{ makeAxeBuilder: (options?: AxeCheckOptions) => AxeBuilder }>({
  makeAxeBuilder: async ({ page }, use) => {
    await use((options) => axeBuilder(page, options));
  },
  // API calls of the specs carry the signed-in admin's cookie too (the project's storageState).
  request: async ({ playwright, baseURL, storageState }, use) => {
    const request = await playwright.request.newContext({ baseURL, storageState });
    await use(request);
    await request.dispose();
  },
});

export { expect };
