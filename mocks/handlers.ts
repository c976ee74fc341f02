/** MSW handlers that pass every /api request to the real Hono app. */
import { http } from 'msw';
import type { createApp } from '../server/app';

export function apiHandlers(app: ReturnType<typeof createApp>) {
  return [http.all('*/api/*', ({ request }) => app.fetch(request))];
}
