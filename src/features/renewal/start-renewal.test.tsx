import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';
import { api, seeded, setDate, SLOW } from './test-utils';

async function openStartDialog(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Forbered næste periode' }, { timeout: 15_000 }));
  return screen.findByRole('dialog', { name: 'Forbered perioden efter 2018-2021' });
}

describe('starting a renewal from the term page', () => {
  it('proposes 2022-2025 from the current term, creates it and opens the workspace', async () => {
    const { term, backend } = await seeded(await useFreshBackend());
    const { user, router } = renderApp(`/terms/${term.id}`);
    const dialog = await openStartDialog(user);
    expect(within(dialog).getByLabelText(/Navn på den nye periode/)).toHaveValue('2022-2025');
    expect(within(dialog).getByLabelText(/Første dag/)).toHaveValue('2022-01-01');
    expect(within(dialog).getByLabelText(/Sidste dag/)).toHaveValue('2025-12-31');

    await user.click(within(dialog).getByRole('button', { name: 'Opret ny periode' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Fornyelse: 2018-2021 → 2022-2025' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/terms/${term.id}/renewal`);
    expect(await screen.findByText('0 af 22 pladser afklaret')).toBeInTheDocument();
    expect(await screen.findByText('Perioden 2022-2025 er oprettet med pladserne kopieret.')).toBeInTheDocument();
    const terms = await backend.store.terms.list();
    expect(terms.map((t) => t.label).sort()).toEqual(['2018-2021', '2022-2025']);
  }, SLOW);

  it('explains a missing name in Danish next to the field', async () => {
    const { term } = await seeded(await useFreshBackend());
    const { user } = renderApp(`/terms/${term.id}`);
    const dialog = await openStartDialog(user);
    await user.clear(within(dialog).getByLabelText(/Navn på den nye periode/));
    setDate(/Sidste dag/, '2021-12-01', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Opret ny periode' }));
    expect(await within(dialog).findByText('Skal udfyldes.')).toBeInTheDocument();
    expect(within(dialog).getByText('Slutdatoen ligger før startdatoen.')).toBeInTheDocument();
  }, SLOW);

  it('shows an overlap with another term next to the first day (409 term-overlap)', async () => {
    const { term, backend } = await seeded(await useFreshBackend());
    const { user } = renderApp(`/terms/${term.id}`);
    const dialog = await openStartDialog(user);
    // Someone adds a term while the dialog is open: the proposed 2022-2025 now overlaps it.
    await api(backend, 'POST', '/api/terms', { label: 'Forsøgsperiode', startDate: '2024-01-01', endDate: '2024-12-31' });
    await user.click(within(dialog).getByRole('button', { name: 'Opret ny periode' }));
    expect(await within(dialog).findByText('Overlapper perioden Forsøgsperiode (1. januar 2024 – 31. december 2024).')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Første dag/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Ændringen blev ikke gemt.');
  }, SLOW);

  it('links to the renewal once it exists', async () => {
    const { term, backend } = await seeded(await useFreshBackend());
    await api(backend, 'POST', `/api/terms/${term.id}/renewal`, {});
    renderApp(`/terms/${term.id}`);
    const link = await screen.findByRole('link', { name: 'Fornyelse 2022-2025' }, { timeout: 15_000 });
    expect(link).toHaveAttribute('href', `/terms/${term.id}/renewal`);
    expect(screen.queryByRole('button', { name: 'Forbered næste periode' })).not.toBeInTheDocument();
  }, SLOW);
});
