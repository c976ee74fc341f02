/** MSW handlers that pass every /api request to the mock backend (the real Hono app). */
import { http } from 'msw';
import type { MockBackend } from './backend';

export function apiHandlers(backend: Pick<MockBackend, 'fetch'>) {
  return [http.all('*/api/*', ({ request }) => backend.fetch(request))];
}
