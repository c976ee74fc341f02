// First: before any zod schema exists (see the module).
import './lib/zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createAppRouter } from './app/router';
import { createI18n, i18nReady } from './i18n/i18n';
import { createQueryClient } from './lib/query-client';

/**
 * Mock mode: `npm run dev` answers /api/* in the browser (MSW) unless VITE_MOCKS=false.
 * import.meta.env.DEV is false in a production build, so the mocks are not even bundled.
 */
async function enableMocking() {
  if (!import.meta.env.DEV || import.meta.env.VITE_MOCKS === 'false') return;
  const { startMockWorker } = await import('../mocks/browser');
  await startMockWorker();
}

const i18n = createI18n();

void Promise.all([enableMocking(), i18nReady(i18n)]).then(() => {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} i18n={i18n} router={router} />
    </StrictMode>,
  );
});
