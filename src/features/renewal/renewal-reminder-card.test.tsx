/** The dashboard's reminder, rendered on its own (the dashboard composes it in src/app). */
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import type { IsoDate } from '../../domain/dates';
import { createI18n } from '../../i18n/i18n';
import { createQueryClient } from '../../lib/query-client';
import { RenewalReminderCard } from './components/renewal-reminder-card';
import { bulk, seeded, SLOW, withRenewal } from './test-utils';

function renderCard(today: IsoDate) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const rootRoute = createRootRoute({ component: () => <RenewalReminderCard today={today} /> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={createI18n('da')}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { user };
}

describe('renewal reminder card', () => {
  it('invites to prepare the next term when it ends within the reminder window and no renewal exists', async () => {
    const { term } = await seeded(await useFreshBackend());
    renderCard('2021-09-01');
    const card = await screen.findByRole('region', { name: 'Perioden 2018-2021 slutter snart' });
    expect(card).toHaveTextContent('121 dage tilbage (sidste dag 31. december 2021).');
    expect(await within(card).findByText('Den næste periode er ikke forberedt endnu.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Forbered næste periode' })).toHaveAttribute('href', `/terms/${term.id}`);
  }, SLOW);

  it('shows progress and the first unsettled seats with links once a renewal runs', async () => {
    const { term, backend, state } = await withRenewal(await useFreshBackend());
    const { seats } = await state();
    await bulk(backend, seats.slice(0, 15).map((s) => s.seat.id), { decision: 'reappoint', status: 'confirmed' });
    renderCard('2021-12-01');
    const card = await screen.findByRole('region', { name: 'Perioden 2018-2021 slutter snart' });
    expect(await within(card).findByText('15 af 22 pladser afklaret')).toBeInTheDocument();
    expect(card).toHaveTextContent('7 pladser mangler afklaring:');
    const items = within(card).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items[0]).toHaveTextContent('– Ikke besluttet');
    expect(within(card).getByRole('link', { name: 'og 2 pladser mere' })).toHaveAttribute('href', `/terms/${term.id}/renewal?show=unsettled`);
  }, SLOW);

  it('stays away before the reminder window', async () => {
    await seeded(await useFreshBackend());
    renderCard('2021-03-01');
    // Wait for the data the decision needs, then check that nothing is shown.
    await new Promise((r) => setTimeout(r, 500));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('slutter snart');
  }, SLOW);

  it('says so when it cannot load, and retries', async () => {
    await seeded(await useFreshBackend());
    let failures = 1;
    server.use(
      http.get('*/api/settings', () => {
        if (failures-- > 0) return HttpResponse.json({ title: 'boom', status: 500 }, { status: 500 });
        return undefined;
      }),
    );
    const { user } = renderCard('2021-09-01');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Påmindelsen om fornyelse kunne ikke vises. Der skete en fejl på serveren.');
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByRole('region', { name: 'Perioden 2018-2021 slutter snart' })).toBeInTheDocument();
  }, SLOW);
});
