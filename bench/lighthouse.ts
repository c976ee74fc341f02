/**
 * Lighthouse 12 on the production server: desktop and mobile presets, median of `runs` each,
 * in Debian's Chromium (launched by playwright-core with a remote-debugging port that
 * Lighthouse connects to; Lighthouse's own throttling applies: simulated, its defaults per preset).
 */
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { authHeaders, freePort, spread, type Spread } from './lib';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
type Category = (typeof CATEGORIES)[number];

export type LighthouseResult = Record<
  'desktop' | 'mobile',
  Record<Category, Spread> & {
    /** Audits of the accessibility and best-practices categories that did not pass in some run, by id. */
    failing: Partial<Record<Category, string[]>>;
    /** Lab metrics, median over the runs, in ms (CLS unitless). */
    metrics: Record<string, number>;
    /** Lighthouse's runtime errors (a run without scores), by code: such runs count in no spread. */
    runtimeErrors: string[];
  }
>;

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

export async function lighthouseScores(url: string, runs = 3): Promise<LighthouseResult> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      `--remote-debugging-port=${port}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const result = {} as LighthouseResult;
    for (const preset of ['desktop', 'mobile'] as const) {
      const scores: Record<Category, number[]> = { performance: [], accessibility: [], 'best-practices': [] };
      const failing: Partial<Record<Category, Set<string>>> = {};
      const metrics: Record<string, number[]> = {};
      const runtimeErrors: string[] = [];
      for (let i = 0; i < runs; i++) {
        const runner = await lighthouse(
          url,
          // Signed in: the session cookie goes with every request of the page.
          { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], locale: 'en', extraHeaders: authHeaders(url) },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!runner) throw new Error('Lighthouse returned nothing');
        const { lhr } = runner;
        if (lhr.runtimeError) runtimeErrors.push(lhr.runtimeError.code);
        for (const c of CATEGORIES) {
          scores[c].push(lhr.categories[c]?.score ?? NaN);
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1 && c !== 'performance') (failing[c] ??= new Set()).add(ref.id);
          }
        }
        for (const m of METRICS) (metrics[m] ??= []).push(lhr.audits[m]?.numericValue ?? NaN);
      }
      result[preset] = {
        performance: spread(scores.performance.map((s) => s * 100)),
        accessibility: spread(scores.accessibility.map((s) => s * 100)),
        'best-practices': spread(scores['best-practices'].map((s) => s * 100)),
        failing: Object.fromEntries(Object.entries(failing).map(([c, ids]) => [c, [...ids].sort()])),
        metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, spread(v).median])),
        runtimeErrors,
      };
    }
    return result;
  } finally {
    await browser.close();
  }
}
