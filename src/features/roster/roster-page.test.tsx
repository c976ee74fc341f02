import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { REPRESENTATIVES } from '../../../server/seed/horsens-alliancen';
import { renderApp } from '../../../tests/render-app';

/** The data rows of every sector table (header rows excluded). */
function dataRows() {
  return screen
    .getAllByRole('table')
    .flatMap((table) => within(table).getAllByRole('row').slice(1));
}

describe('roster page', () => {
  it('shows the 22 seeded representatives on 1 June 2019, in Danish', async () => {
    renderApp('/roster?asOf=2019-06-01');
    expect(await screen.findByRole('heading', { level: 1, name: 'Horsens Alliancen' })).toBeInTheDocument();
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    expect(screen.getByText('Periode 2018-2021 · pr. 1. juni 2019')).toBeInTheDocument();
    const rows = dataRows();
    expect(rows).toHaveLength(22);
    for (const [name] of REPRESENTATIVES) {
      expect(rows.some((row) => within(row).queryByText(name))).toBe(true);
    }
    const lyrskov = rows.find((row) => within(row).queryByText('Charlotte Lyrskov'));
    expect(within(lyrskov!).getAllByText('Konst. direktør, Teknik og Miljø')[0]).toBeInTheDocument();
    // Grouped by sector, in the council's order.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Kommunen',
      'Erhvervslivet',
      'Faglige organisationer',
      'Uddannelse og viden',
    ]);
  });

  it('shows no holders of the 2018-2021 seats on 1 June 2022', async () => {
    renderApp('/roster?asOf=2022-06-01');
    expect(
      await screen.findByText('Ingen periode dækker 1. juni 2022, så Horsens Alliancen har ingen pladser på den dato.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('Peter Sørensen')).not.toBeInTheDocument();
  });

  it('changes the as-of date from the date field and keeps it in the URL', async () => {
    const { router } = renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    // jsdom's native date input takes no typing; a browser's picker sets the whole value at once.
    fireEvent.change(screen.getByLabelText('Pr. dato'), { target: { value: '2022-06-01' } });
    await screen.findByText(/Ingen periode dækker 1\. juni 2022/);
    expect(router.state.location.search).toMatchObject({ asOf: '2022-06-01' });
  });

  it('shows a vacant seat as vacant', async () => {
    const { store } = await import('../../../mocks/node').then((m) => m.useFreshBackend());
    const [first] = await store.memberships.list();
    await store.memberships.update(first!.id, { ...first!, endDate: '2019-05-31', endReason: 'Fratrådt' });
    renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 21 besat · 1 ledig');
    expect(screen.getByText('Ledig')).toBeInTheDocument();
  });

  it('shows an error with a retry when the API fails, and recovers on retry', async () => {
    let failing = true;
    server.use(
      http.get('*/api/roster', () =>
        failing
          ? HttpResponse.json(
              { type: '/problems/internal', title: 'Internal server error', status: 500 },
              { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : undefined,
      ),
    );
    const { user } = renderApp('/roster?asOf=2019-06-01');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Medlemslisten kunne ikke hentes.');
    expect(alert).toHaveTextContent('Der skete en fejl på serveren.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('switches to English and back', async () => {
    const { user } = renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    await user.click(screen.getByRole('button', { name: 'Sprog: English' }));
    expect(await screen.findByText('22 seats · 22 held · 0 vacant')).toBeInTheDocument();
    expect(screen.getByText('Term 2018-2021 · as of 1 June 2019')).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader', { name: 'Member' })).toHaveLength(4);
    expect(screen.getByRole('link', { name: 'Roster' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await user.click(screen.getByRole('button', { name: 'Language: Dansk' }));
    expect(await screen.findByText('22 pladser · 22 besat · 0 ledige')).toBeInTheDocument();
  });

  it('lists a forum without seats with a clear empty state', async () => {
    const { user } = renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    await user.click(screen.getByRole('combobox', { name: 'Råd eller forum' }));
    await user.click(await screen.findByRole('option', { name: 'Jobtaskforce' }));
    expect(await screen.findByText('Jobtaskforce har ingen pladser i perioden 2018-2021.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Jobtaskforce'));
  });
});
