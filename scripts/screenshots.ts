/**
 * Screenshots of pages in Debian Chromium, at a laptop's 1366x768 and a phone's 390x844, for
 * looking at what we build: `npm run screenshots -- /roster?asOf=2019-06-01 [--lang en]`.
 * Needs a running server (BASE_URL, default http://127.0.0.1:3000). PNGs go to screenshots/.
 * Signed in when ROSTER_EMAIL and ROSTER_PASSWORD name a user (else the pages show sign-in).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const lang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'da';
const paths = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--lang');
const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const viewports = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];

mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const path of paths.length ? paths : ['/roster']) {
  for (const vp of viewports) {
    const context = await browser.newContext({ viewport: vp, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    await context.addInitScript((l) => localStorage.setItem('alliance-roster.language', l), lang);
    if (process.env.ROSTER_EMAIL && process.env.ROSTER_PASSWORD) {
      const res = await context.request.post(`${base}/api/session`, {
        data: { email: process.env.ROSTER_EMAIL, password: process.env.ROSTER_PASSWORD },
      });
      if (!res.ok()) throw new Error(`Sign-in for the screenshots failed: ${res.status()}`);
    }
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: 'networkidle' });
    const file = `screenshots/${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${lang}-${vp.name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await context.close();
  }
}
await browser.close();
