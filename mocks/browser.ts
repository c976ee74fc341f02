/** Mock mode for `npm run dev`: a service worker answers /api/* from the in-browser backend. */
import { setupWorker } from 'msw/browser';
import { createMockBackend } from './backend';
import { apiHandlers } from './handlers';

export async function startMockWorker() {
  const backend = await createMockBackend();
  const worker = setupWorker(...apiHandlers(backend));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  console.info('[mock mode] /api/* is answered in the browser by the real API over a memory store (signed in as admin; switch roles in the app bar).');
}
