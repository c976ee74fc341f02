/**
 * Signs in once as the e2e admin and keeps the cookie for every spec (Playwright's storageState):
 * the journeys then start signed in. tests/e2e/session.spec.ts covers the sign-in page itself.
 */
import { expect, test as setup } from '@playwright/test';
import { E2E_ADMIN, STORAGE_STATE } from './credentials';

setup('sign in as the e2e admin', async ({ request }) => {
  const res = await request.post('/api/session', { data: E2E_ADMIN });
  expect(res.status(), await res.text()).toBe(200);
  await request.storageState({ path: STORAGE_STATE });
});
