/** Renders the whole app at a URL with the real providers, as a user would meet it. */
import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../src/app/app';
import { createAppRouter } from '../src/app/router';
import { en } from '../src/i18n/en';
import { createI18n, type Language } from '../src/i18n/i18n';
import { createQueryClient } from '../src/lib/query-client';

export function renderApp(url: string, { language = 'da' }: { language?: Language } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createAppRouter(queryClient, history);
  const i18n = createI18n(language, { en });
  const user = userEvent.setup();
  const utils = render(<App queryClient={queryClient} i18n={i18n} router={router} />);
  return { ...utils, user, router, queryClient, i18n };
}
