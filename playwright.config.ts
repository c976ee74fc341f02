/**
 * Playwright end-to-end tests: journeys through the built SPA, served by the real server, in
 * Debian's Chromium (no Playwright-downloaded browser: `npx playwright install` is not allowed).
 *
 *   npm run test:e2e                      builds, starts the server on :4173, runs tests/e2e
 *   CHROMIUM_PATH=/path/to/chrome npm run test:e2e    where Chromium lives elsewhere
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_ADMIN, STORAGE_STATE } from './tests/e2e/credentials';

const PORT = 4173;
/** The server's PGlite data folder: emptied before each start, so every run begins from the seed. */
const E2E_DATA_DIR = join(tmpdir(), 'alliance-roster-e2e-data');
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  outputDir: 'test-results',

  use: {
    baseURL,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },

  // The renewal journey switches the seeded council over to a 2022-2025 term, which the API
  // cannot fully undo (see tests/e2e/renewal.spec.ts): it runs last, after every other spec.
  // Every spec starts signed in as the e2e admin (the 'sign-in' project keeps the cookie).
  projects: [
    { name: 'sign-in', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', testIgnore: /renewal\.spec\.ts/, dependencies: ['sign-in'], use: { storageState: STORAGE_STATE } },
    { name: 'renewal', testMatch: /renewal\.spec\.ts/, dependencies: ['chromium'], use: { storageState: STORAGE_STATE } },
  ],

  // The production build behind the real Hono server (one process, so it stops cleanly).
  webServer: {
    command: `npm run build && rm -rf "${E2E_DATA_DIR}" && node node_modules/.bin/tsx server/main.ts`,
    // PGlite in a fresh data folder (the server seeds it), never a PostgreSQL server.
    // The first admin from ROSTER_ADMIN_* (the database is new at every start).
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: '',
      ROSTER_ADMIN_EMAIL: E2E_ADMIN.email,
      ROSTER_ADMIN_PASSWORD: E2E_ADMIN.password,
    },
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
