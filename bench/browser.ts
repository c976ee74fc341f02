/**
 * Interaction timings and JS heap in Chromium (playwright-core, Debian's /usr/bin/chromium),
 * with the CPU throttled 4x through CDP (Emulation.setCPUThrottlingRate).
 *
 * Method (docs/decisions/015-benchmarks.md): every run gets a new browser context (empty
 * cache). The page itself measures, with performance.now(): an init script (bench/page-probe.js
 * as a string below) keeps a MutationObserver on the document; each interaction is started
 * inside the page (t0 = performance.now() just before the event is dispatched) and ends at the
 * first animation frame after the DOM mutation that made the page's "done" condition true
 * (rAF, then a macrotask: after that frame was produced). "Settled" is the same for the last
 * mutation before one quiet second. Cold load starts at navigation (performance.now() = 0).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { browserCookies, spread, type Spread } from './lib';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs in every page before its scripts. window.__bench.measure(kind, arg) starts one
 * interaction and resolves with { ms, settledMs }; window.__bench.load is the cold load of
 * /roster.
 */
const PROBE = String.raw`
(() => {
  const frameAfter = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
  // Before the document is parsed there is no <main>: an empty fragment stands in.
  const main = () => document.querySelector('main') || document.createDocumentFragment();
  const noSkeleton = () => !main().querySelector('.MuiSkeleton-root');
  const notBusy = () => !main().querySelector('[aria-busy="true"]');
  const bodyText = () => Array.from(main().querySelectorAll('table tbody')).map((t) => t.textContent).join('|');
  const rowsShown = () => Array.from(main().querySelectorAll('table tbody tr')).some((tr) => (tr.textContent || '').trim() !== '');
  const param = (name) => new URLSearchParams(location.search).get(name);
  const conditions = {
    load: () => location.pathname === '/roster' && rowsShown() && noSkeleton(),
    search: (a, before) => param('q') === a.q && notBusy() && rowsShown() && bodyText() !== before,
    asOf: (a, before) => param('asOf') === a.asOf && notBusy() && rowsShown() && bodyText() !== before,
    person: (a) =>
      location.pathname === '/people/' + a.id && noSkeleton() && main().querySelectorAll('ol > li').length > 0 &&
      ((main().querySelector('h1') || {}).textContent || '').includes(a.name),
  };
  const setValue = (input, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const actions = {
    // The letter is typed first; the clock starts at Enter (submit), so the field's deliberate
    // 300 ms typing pause is not counted.
    search: async (a) => {
      const input = document.querySelector('form[role="search"] input');
      setValue(input, a.q);
      await frameAfter();
      await frameAfter();
      const t0 = performance.now();
      input.form.requestSubmit();
      return t0;
    },
    asOf: async (a) => {
      const input = main().querySelector('input[type="date"]');
      const t0 = performance.now();
      setValue(input, a.asOf);
      return t0;
    },
    person: async (a) => {
      const link = main().querySelector('a[href="/people/' + a.id + '"]');
      const t0 = performance.now();
      link.click();
      return t0;
    },
  };

  const watch = (check, t0, quietMs) =>
    new Promise((resolve, reject) => {
      let done = null;
      let last = performance.now();
      let lastFrame = null;
      const onChange = () => {
        last = performance.now();
        frameAfter().then((t) => (lastFrame = t));
        if (done === null && check()) {
          done = -1;
          frameAfter().then((t) => (done = t));
        }
      };
      const observer = new MutationObserver(onChange);
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      onChange();
      const started = performance.now();
      const poll = () => {
        const now = performance.now();
        if (done !== null && done > 0 && now - last >= quietMs && lastFrame !== null) {
          observer.disconnect();
          resolve({ ms: done - t0, settledMs: Math.max(done, lastFrame) - t0 });
        } else if (now - started > 30000) {
          observer.disconnect();
          reject(new Error('not done within 30 s: ' + location.href));
        } else setTimeout(poll, 50);
      };
      setTimeout(poll, 50);
    });

  window.__bench = {
    load: location.pathname === '/roster' ? watch(conditions.load, 0, 1000) : null,
    measure: async (kind, arg) => {
      const before = bodyText();
      let t0 = performance.now();
      const result = watch(() => conditions[kind](arg, before), { valueOf: () => t0 }, 1000);
      t0 = await actions[kind](arg);
      return result;
    },
  };
})();
`;

export interface InteractionOptions {
  url: string;
  runs: number;
  cpuThrottle: number;
  /** A search whose list changes when one more letter is typed: q2 is typed, then q3. */
  search: { q2: string; q3: string };
  /** As-of dates in different terms (one per run, so none comes from the cache), and where to start. */
  asOf: { start: string; dates: string[] };
  person: { id: string; name: string; memberships: number };
}

export interface Timing extends Spread {
  settled: Spread;
}

export interface InteractionResults {
  coldLoadRoster: Timing;
  searchOneMoreLetter: Timing;
  changeAsOf: Timing;
  openPerson: Timing;
}

async function newPage(browser: Browser, cpuThrottle: number, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1366, height: 768 } });
  await context.addCookies(browserCookies(url));
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  return { context, page };
}

type Measured = { ms: number; settledMs: number };

const timing = (samples: Measured[]): Timing => ({
  ...spread(samples.map((s) => s.ms)),
  settled: spread(samples.map((s) => s.settledMs)),
});

/**
 * Resolves when the page shows table rows, or a link to linkTo, and is not loading (to get
 * ready before measuring). A function, not a string: the app's CSP forbids eval.
 */
async function ready(page: Page, linkTo?: string) {
  await page.waitForFunction(
    (href) => {
      const m = document.querySelector('main');
      if (!m || m.querySelector('.MuiSkeleton-root') || m.querySelector('[aria-busy="true"]')) return false;
      if (href) return !!m.querySelector(`a[href="${href}"]`);
      return Array.from(m.querySelectorAll('table tbody tr')).some((tr) => (tr.textContent ?? '').trim() !== '');
    },
    linkTo,
    { timeout: 60_000, polling: 100 },
  );
  await page.waitForTimeout(500);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function interactionTimings(browser: Browser, o: InteractionOptions): Promise<InteractionResults> {
  const load: Measured[] = [];
  const search: Measured[] = [];
  const asOf: Measured[] = [];
  const person: Measured[] = [];
  for (let run = 0; run < o.runs; run++) {
    {
      const { context, page } = await newPage(browser, o.cpuThrottle, o.url);
      await page.goto(`${o.url}/roster`);
      load.push(await page.evaluate(() => (window as unknown as { __bench: { load: Promise<Measured> } }).__bench.load));
      await context.close();
    }
    {
      const { context, page } = await newPage(browser, o.cpuThrottle, o.url);
      await page.goto(`${o.url}/people?q=${encodeURIComponent(o.search.q2)}`);
      await ready(page);
      search.push(await measure(page, 'search', { q: o.search.q3 }));
      await context.close();
    }
    {
      const { context, page } = await newPage(browser, o.cpuThrottle, o.url);
      await page.goto(`${o.url}/roster?asOf=${o.asOf.start}`);
      await ready(page);
      asOf.push(await measure(page, 'asOf', { asOf: o.asOf.dates[run % o.asOf.dates.length] ?? o.asOf.start }));
      await context.close();
    }
    {
      const { context, page } = await newPage(browser, o.cpuThrottle, o.url);
      await page.goto(`${o.url}/people?q=${encodeURIComponent(o.person.name)}`);
      await ready(page, `/people/${o.person.id}`);
      person.push(await measure(page, 'person', { id: o.person.id, name: o.person.name }));
      await context.close();
    }
  }
  return { coldLoadRoster: timing(load), searchOneMoreLetter: timing(search), changeAsOf: timing(asOf), openPerson: timing(person) };
}

function measure(page: Page, kind: string, arg: Record<string, string>): Promise<Measured> {
  return page.evaluate(
    ([k, a]) => (window as unknown as { __bench: { measure: (k: string, a: unknown) => Promise<Measured> } }).__bench.measure(k, a),
    [kind, arg] as const,
  );
}

export interface HeapResult {
  afterFewMiB: number;
  afterManyMiB: number;
  few: number;
  many: number;
  growthPct: number;
}

/**
 * JS heap (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) after `few` and after
 * `many` in-app navigations (clicks on the shell's links) cycling /roster, /people, /organizations.
 */
export async function heapAfterNavigations(browser: Browser, url: string, few = 5, many = 50): Promise<HeapResult> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1366, height: 768 } });
  await context.addCookies(browserCookies(url));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}/roster`);
  await ready(page);
  const cycle = ['/people', '/organizations', '/roster'];
  const heapMiB = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  };
  let afterFew = 0;
  for (let i = 1; i <= many; i++) {
    const path = cycle[(i - 1) % cycle.length] as string;
    await page.evaluate((p) => {
      const link = document.querySelector<HTMLAnchorElement>(`header a[href="${p}"], nav a[href="${p}"], a[href="${p}"]`);
      if (!link) throw new Error(`no link to ${p}`);
      link.click();
    }, path);
    await page.waitForFunction((p) => location.pathname === p, path);
    await ready(page);
    if (i === few) afterFew = await heapMiB();
  }
  const afterMany = await heapMiB();
  await context.close();
  const r = (x: number) => Math.round(x * 10) / 10;
  return { afterFewMiB: r(afterFew), afterManyMiB: r(afterMany), few, many, growthPct: r(((afterMany - afterFew) / afterFew) * 100) };
}
