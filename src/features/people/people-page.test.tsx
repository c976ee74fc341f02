import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
// Not a React hook: it resets the mocked API to a freshly seeded backend and returns its store.
import { server, useFreshBackend as freshBackend } from '../../../mocks/node';
import { todayIso } from '../../domain/dates';
import { renderApp } from '../../../tests/render-app';

// Whole pages with typing and navigation take several seconds on a busy machine.
const SLOW = { timeout: 20_000 };

const serverError = () =>
  HttpResponse.json(
    { type: '/problems/internal', title: 'Internal server error', status: 500 },
    { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
  );

/** The names in the people table, in order (header row excluded). */
function listedNames() {
  const table = screen.getByRole('table', { name: 'Personer' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').querySelector('a')?.textContent);
}

describe('people list', SLOW, () => {
  it('lists everyone with the total, a page at a time, sorted by name', async () => {
    const { user, router } = renderApp('/people?size=10');
    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeInTheDocument();
    expect(await screen.findByText('22 personer')).toHaveAttribute('role', 'status');
    expect(listedNames()).toHaveLength(10);
    expect(listedNames()[0]).toBe('Anders Killmann Petersen');
    expect(screen.getByText('1-10 af 22')).toBeInTheDocument();
    // Nobody holds a 2018-2021 seat today, and the row says so rather than leaving it blank.
    expect(screen.getAllByText('Ingen plads i dag')).toHaveLength(10);

    await user.click(screen.getByRole('button', { name: 'Gå til den næste side' }));
    await screen.findByText('11-20 af 22');
    expect(router.state.location.search).toMatchObject({ page: 2, size: 10 });
    expect(listedNames()[0]).toBe('Kim Søgård Kristensen');

    await user.click(screen.getByRole('button', { name: /^Navn/ }));
    await waitFor(() => expect(listedNames()[0]).toBe('Ulla Sparre'));
    expect(router.state.location.search).toMatchObject({ sort: '-name' });
    expect(router.state.location.search).not.toHaveProperty('page');
  });

  it('finds "Sørensen" when searching for "sorensen", and keeps the search in the URL', async () => {
    const { user, router } = renderApp('/people');
    await screen.findByText('22 personer');
    await user.type(screen.getByRole('searchbox', { name: 'Søg efter navn' }), 'sorensen');
    expect(await screen.findByText('2 personer matcher "sorensen"')).toBeInTheDocument();
    expect(listedNames()).toEqual(['Hans A. Sørensen', 'Peter Sørensen']);
    expect(router.state.location.search).toMatchObject({ q: 'sorensen' });
    expect(screen.getByRole('link', { name: 'Peter Sørensen' })).toHaveAttribute('href', expect.stringMatching(/^\/people\//));
  });

  it('says so when nobody matches, with a way back to everyone', async () => {
    const { user } = renderApp('/people?q=zzzz');
    expect(await screen.findByText('Ingen personer matcher "zzzz".')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ryd søgning' }));
    expect(await screen.findByText('22 personer')).toBeInTheDocument();
  });

  it('shows the seats people hold today', async () => {
    const { store } = await freshBackend();
    // A term around today, with a seat Peter Sørensen holds from its first day.
    const year = Number(todayIso().slice(0, 4));
    const term = await store.terms.insert({ label: 'Testperiode', startDate: `${year}-01-01`, endDate: `${year + 3}-12-31` });
    const sorensen = (await store.people.list()).find((p) => p.name === 'Peter Sørensen')!;
    const [membership] = await store.memberships.list({ personId: sorensen.id });
    const seat = (await store.seats.get(membership!.seatId))!;
    const newSeat = await store.seats.insert({ ...seat, termId: term.id, label: 'Horsens Kommune (ny periode)' });
    await store.memberships.insert({ ...membership!, seatId: newSeat.id, startDate: `${year}-01-01`, title: 'Borgmester' });

    renderApp('/people?q=peter');
    const row = (await screen.findByRole('link', { name: 'Peter Sørensen' })).closest('tr')!;
    expect(await within(row).findByRole('link', { name: 'Horsens Kommune (ny periode)' })).toBeInTheDocument();
    expect(within(row).getByText('Borgmester')).toBeInTheDocument();
    expect(within(row).getByText('· Horsens Alliancen')).toBeInTheDocument();
    const other = screen.getByRole('link', { name: 'Peter Sinding Poulsen' }).closest('tr')!;
    expect(within(other).getByText('Ingen plads i dag')).toBeInTheDocument();
  });

  it('starts loading a person when their link gets focus or the pointer rests on it, before any click', async () => {
    const { store } = await freshBackend();
    const [first, second] = (await store.people.list()).sort((a, b) => a.name.localeCompare(b.name, 'da'));
    const { user, router } = renderApp('/people?size=10');
    const requested: string[] = [];
    const onRequest = ({ request }: { request: Request }) => void requested.push(new URL(request.url).pathname);
    server.events.on('request:start', onRequest);
    try {
      const table = await screen.findByRole('table', { name: 'Personer' });
      within(table).getByRole('link', { name: first!.name }).focus();
      await waitFor(() => expect(requested).toContain(`/api/people/${first!.id}`));
      await user.hover(within(table).getByRole('link', { name: second!.name }));
      await waitFor(() => expect(requested).toContain(`/api/people/${second!.id}`));
      // Preloading is not navigating.
      expect(router.state.location.pathname).toBe('/people');
    } finally {
      server.events.removeListener('request:start', onRequest);
    }
  });

  it('shows an error with a retry when the list cannot be loaded, and recovers', async () => {
    let failing = true;
    server.use(http.get('*/api/people', () => (failing ? serverError() : undefined)));
    const { user } = renderApp('/people');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Personerne kunne ikke hentes.');
    expect(alert).toHaveTextContent('Der skete en fejl på serveren.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByText('22 personer')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('creating a person', SLOW, () => {
  it('shows Danish validation messages next to the fields, then creates the person', async () => {
    const { user, router } = renderApp('/people');
    await screen.findByText('22 personer');
    await user.click(screen.getByRole('button', { name: 'Ny person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny person' });
    await user.click(within(dialog).getByRole('button', { name: 'Opret person' }));
    expect(within(dialog).getByRole('textbox', { name: 'Navn' })).toHaveAccessibleDescription('Skal udfyldes.');

    await user.type(within(dialog).getByRole('textbox', { name: 'Navn' }), 'Testperson Eksempelsen');
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'ikke-en-adresse');
    await user.type(within(dialog).getByRole('textbox', { name: 'Telefon' }), '1234');
    await user.click(within(dialog).getByRole('button', { name: 'Opret person' }));
    expect(within(dialog).getByRole('textbox', { name: 'E-mail' })).toHaveAccessibleDescription('Ikke en gyldig e-mailadresse.');
    expect(within(dialog).getByRole('textbox', { name: 'Telefon' })).toHaveAccessibleDescription(
      'Ikke et dansk telefonnummer (8 cifre, evt. +45).',
    );

    await user.clear(within(dialog).getByRole('textbox', { name: 'E-mail' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'testperson@example.org');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Telefon' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Telefon' }), '+45 20 30 40 50');
    await user.click(within(dialog).getByRole('button', { name: 'Opret person' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Testperson Eksempelsen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/people\/.+/);
    expect(screen.getByText('Testperson Eksempelsen er oprettet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'testperson@example.org' })).toHaveAttribute('href', 'mailto:testperson@example.org');
    expect(screen.getByRole('link', { name: '+45 20 30 40 50' })).toHaveAttribute('href', 'tel:+4520304050');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a validation error the server found next to the field', async () => {
    // The browser's checks pass; the server refuses the name (e.g. a rule the form does not know).
    server.use(
      http.post('*/api/people', () =>
        HttpResponse.json(
          {
            type: '/problems/validation',
            title: 'Validation failed',
            status: 400,
            errors: [{ field: 'name', code: 'too_big', message: 'Too long.' }],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderApp('/people');
    await screen.findByText('22 personer');
    await user.click(screen.getByRole('button', { name: 'Ny person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny person' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Navn' }), 'Testperson Eksempelsen');
    await user.click(within(dialog).getByRole('button', { name: 'Opret person' }));
    expect(await within(dialog).findByText('Teksten er for lang.')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Ret de markerede felter.');
  });

  it('undoes a creation: the person is deleted again', async () => {
    const { store } = await freshBackend();
    const { user, router } = renderApp('/people');
    await screen.findByText('22 personer');
    await user.click(screen.getByRole('button', { name: 'Ny person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny person' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Navn' }), 'Testperson Fortrydsen');
    await user.click(within(dialog).getByRole('button', { name: 'Opret person' }));
    await screen.findByRole('heading', { level: 1, name: 'Testperson Fortrydsen' });
    expect((await store.people.list()).some((p) => p.name === 'Testperson Fortrydsen')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/people'));
    expect(await screen.findByText('22 personer')).toBeInTheDocument();
    expect((await store.people.list()).some((p) => p.name === 'Testperson Fortrydsen')).toBe(false);
  });
});
