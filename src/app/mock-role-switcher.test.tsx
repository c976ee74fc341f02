/**
 * Mock mode's role switcher (dev only: the shell loads it only in `npm run dev` with the
 * in-browser backend, so here it is rendered beside the app with the app's providers).
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterContextProvider } from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../tests/render-app';
import MockRoleSwitcher from './mock-role-switcher';

function renderWithSwitcher(url: string) {
  const app = renderApp(url);
  render(
    <QueryClientProvider client={app.queryClient}>
      <I18nextProvider i18n={app.i18n}>
        <RouterContextProvider router={app.router}>
          <MockRoleSwitcher />
        </RouterContextProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return app;
}

describe('mock role switcher', () => {
  it('shows the app as another role, and signed out', async () => {
    const { user, router } = renderWithSwitcher('/people');
    expect(await screen.findByRole('button', { name: 'Ny person' })).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Rolle (mock)' }));
    await user.click(await screen.findByRole('option', { name: 'Læser' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Ny person' })).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: 'Peter Sørensen' })).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Rolle (mock)' }));
    await user.click(await screen.findByRole('option', { name: 'Logget ud' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });
});
