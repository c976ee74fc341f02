import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import { addDays, todayIso } from '../../domain/dates';
import { renderApp } from '../../../tests/render-app';

// The page's code loads on first visit, and typing into forms takes a few seconds on a busy machine.
const SLOW = { timeout: 30_000 };
const LOAD = { timeout: 15_000 };

const serverError = () =>
  HttpResponse.json(
    { type: '/problems/internal', title: 'Internal server error', status: 500 },
    { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
  );

/** The row of the terms table whose name cell links to `label`. */
async function termRow(label: string) {
  const table = await screen.findByRole('table', {}, LOAD);
  return within(table).getByRole('link', { name: label }).closest('tr')!;
}

async function openCreateDialog(user: ReturnType<typeof renderApp>['user']) {
  await screen.findByRole('table', {}, LOAD);
  await user.click(screen.getByRole('button', { name: 'Opret periode' }));
  return screen.findByRole('dialog', { name: 'Opret periode' });
}

/** Fills the term form; dates go in whole, as a browser's date picker sets them. */
async function fillTerm(
  user: ReturnType<typeof renderApp>['user'],
  dialog: HTMLElement,
  { label, startDate, endDate }: { label: string; startDate: string; endDate: string },
) {
  await user.type(within(dialog).getByRole('textbox', { name: /^Navn/ }), label);
  fireEvent.change(within(dialog).getByLabelText(/^Første dag/), { target: { value: startDate } });
  fireEvent.change(within(dialog).getByLabelText(/^Sidste dag/), { target: { value: endDate } });
}

describe('terms list', () => {
  it('lists terms newest first with dates, status derived from the dates, and seat counts', async () => {
    const { store } = await useFreshBackend();
    const today = todayIso();
    await store.terms.insert({ label: 'Testperiode 2040-2043', startDate: '2040-01-01', endDate: '2043-12-31' });
    await store.terms.insert({ label: 'Løbende periode', startDate: addDays(today, -100), endDate: addDays(today, 400) });

    renderApp('/terms');
    expect(await screen.findByRole('heading', { level: 1, name: 'Perioder' }, LOAD)).toBeInTheDocument();
    expect(await screen.findByText('3 perioder')).toHaveAttribute('role', 'status');

    const ended = await termRow('2018-2021');
    expect(within(ended).getByText('Afsluttet')).toBeInTheDocument();
    expect(within(ended).getAllByText('1. januar 2018 – 31. december 2021')[0]).toBeInTheDocument();
    expect(await within(ended).findByText('22')).toBeInTheDocument();

    const planned = await termRow('Testperiode 2040-2043');
    expect(within(planned).getByText('Planlagt')).toBeInTheDocument();
    expect(await within(planned).findByText('0')).toBeInTheDocument();

    expect(within(await termRow('Løbende periode')).getByText('Aktuel')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Perioder' });
    const order = within(table)
      .getAllByRole('rowheader')
      .map((cell) => within(cell).getByRole('link').textContent);
    expect(order).toEqual(['Testperiode 2040-2043', 'Løbende periode', '2018-2021']);
    expect(within(table).getByRole('link', { name: '2018-2021' })).toHaveAttribute('href', expect.stringMatching(/^\/terms\//));
  }, SLOW.timeout);

  it('refuses a last day before the first day, in Danish next to the field, without asking the server', async () => {
    const { store } = await useFreshBackend();
    const { user } = renderApp('/terms');
    const dialog = await openCreateDialog(user);
    await fillTerm(user, dialog, { label: 'Baglæns periode', startDate: '2040-01-01', endDate: '2039-12-31' });
    await user.click(within(dialog).getByRole('button', { name: 'Opret periode' }));

    const end = within(dialog).getByLabelText(/^Sidste dag/);
    await waitFor(() => expect(end).toHaveAccessibleDescription('Slutdatoen ligger før startdatoen.'));
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(await store.terms.list()).toHaveLength(1);
  }, SLOW.timeout);

  it('asks for the missing dates in Danish', async () => {
    const { user } = renderApp('/terms');
    const dialog = await openCreateDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Opret periode' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/^Første dag/)).toHaveAccessibleDescription('Skal udfyldes.'));
    expect(within(dialog).getByRole('textbox', { name: /^Navn/ })).toHaveAccessibleDescription('Skal udfyldes.');
  }, SLOW.timeout);

  it('creates a planned term, and undo deletes it again', async () => {
    const { store } = await useFreshBackend();
    const { user } = renderApp('/terms');
    const dialog = await openCreateDialog(user);
    await fillTerm(user, dialog, { label: 'Testperiode 2040-2043', startDate: '2040-01-01', endDate: '2043-12-31' });
    await user.click(within(dialog).getByRole('button', { name: 'Opret periode' }));

    expect(await screen.findByText('Perioden Testperiode 2040-2043 er oprettet.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = await termRow('Testperiode 2040-2043');
    expect(within(row).getByText('Planlagt')).toBeInTheDocument();
    expect((await store.terms.list()).map((t) => t.label)).toContain('Testperiode 2040-2043');

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Testperiode 2040-2043' })).not.toBeInTheDocument());
    expect((await store.terms.list()).map((t) => t.label)).toEqual(['2018-2021']);
  }, SLOW.timeout);

  it('refuses a term that overlaps 2018-2021 (409), naming it with a link and next to the field', async () => {
    const { store } = await useFreshBackend();
    const { user } = renderApp('/terms');
    const dialog = await openCreateDialog(user);
    await fillTerm(user, dialog, { label: 'Overlappende periode', startDate: '2021-06-01', endDate: '2025-12-31' });
    await user.click(within(dialog).getByRole('button', { name: 'Opret periode' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Ændringen blev ikke gemt.');
    expect(alert).toHaveTextContent('Perioder må ikke overlappe hinanden. Perioden overlapper:');
    expect(await within(alert).findByRole('link', { name: '2018-2021' })).toHaveAttribute('href', expect.stringMatching(/^\/terms\//));
    expect(alert).toHaveTextContent('(1. januar 2018 – 31. december 2021)');
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Første dag/)).toHaveAccessibleDescription('Overlapper perioden 2018-2021.'),
    );
    expect(await store.terms.list()).toHaveLength(1);
  }, SLOW.timeout);

  it('shows an error with a retry when the terms cannot be loaded, and recovers', async () => {
    let failing = true;
    server.use(http.get('*/api/terms', () => (failing ? serverError() : undefined)));
    const { user } = renderApp('/terms');
    const alert = await screen.findByRole('alert', {}, LOAD);
    expect(alert).toHaveTextContent('Perioderne kunne ikke hentes.');
    expect(alert).toHaveTextContent('Der skete en fejl på serveren.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByText('1 periode')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  }, SLOW.timeout);

  it('reads in English', async () => {
    renderApp('/terms', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Terms' }, LOAD)).toBeInTheDocument();
    const row = await termRow('2018-2021');
    expect(within(row).getByText('Ended')).toBeInTheDocument();
    expect(within(row).getAllByText('1 January 2018 – 31 December 2021')[0]).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Terms' })).toHaveAttribute('aria-current', 'page');
  }, SLOW.timeout);
});
