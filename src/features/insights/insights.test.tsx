import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';

type Backend = Awaited<ReturnType<typeof useFreshBackend>>;

/** Calls the real API behind the mocks, as another user's browser would. */
async function api<T>(backend: Backend, method: string, path: string, body?: unknown, version?: number): Promise<T> {
  const res = await backend.app.fetch(
    new Request(`http://localhost/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(version ? { 'If-Match': `"${version}"` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

interface M {
  id: string;
  version: number;
  seatId: string;
}

/** The seeded membership of a person, found by name through the API. */
async function membershipOf(backend: Backend, name: string): Promise<M> {
  const [person] = await api<{ id: string }[]>(backend, 'GET', `/people?q=${encodeURIComponent(name)}`);
  const [m] = await api<M[]>(backend, 'GET', `/memberships?personId=${person?.id ?? ''}`);
  if (!m) throw new Error(`no membership of ${name}`);
  return m;
}

/** Charlotte Lyrskov becomes chair from 1 March 2019; Tanja Nyborg leaves on 30 June 2020 (no successor). */
async function arrangeChangeAndVacancy(backend: Backend) {
  const charlotte = await membershipOf(backend, 'Charlotte Lyrskov');
  await api(backend, 'POST', `/memberships/${charlotte.id}/change`, { effectiveDate: '2019-03-01', role: 'chair' }, charlotte.version);
  const tanja = await membershipOf(backend, 'Tanja Nyborg');
  await api(backend, 'POST', `/memberships/${tanja.id}/end`, { endDate: '2020-06-30', endReason: 'Fratrådt' }, tanja.version);
  return { charlotteSeat: charlotte.seatId, tanjaSeat: tanja.seatId };
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('insights page', () => {
  it('counts the seeded council per sector on a date, in a table beside a named chart', async () => {
    renderApp('/insights?asOf=2019-06-01');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sammensætning og tidslinje' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Pladser i Horsens Alliancen pr. 1. juni 2019' });
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(cells(row('Kommunen'))).toEqual(['5', '0', '5']);
    expect(cells(row('Erhvervslivet'))).toEqual(['11', '0', '11']);
    expect(cells(row('Faglige organisationer'))).toEqual(['2', '0', '2']);
    expect(cells(row('Uddannelse og viden'))).toEqual(['4', '0', '4']);
    expect(cells(row('I alt'))).toEqual(['22', '0', '22']);
    expect(screen.getByText('22 pladser · 22 besat · 0 ledige')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Søjlediagram over besatte og ledige pladser i Horsens Alliancen pr\. 1\. juni 2019/ }),
    ).toBeInTheDocument();
    // Across terms: the one seeded term, as of its last day.
    const across = await screen.findByRole('table', { name: 'Besatte pladser per sektor og ledige pladser i Horsens Alliancen' });
    const termRow = within(across).getByRole('rowheader', { name: /2018-2021/ }).closest('tr') as HTMLElement;
    expect(within(termRow).getByText('pr. 31. december 2021')).toBeInTheDocument();
    expect(cells(termRow)).toEqual(['5', '11', '2', '4', '0']);
  });

  it('shows a role change as two bars and a vacancy as a gap marked Ledig, with the same in the table', async () => {
    const backend = await useFreshBackend();
    const { charlotteSeat, tanjaSeat } = await arrangeChangeAndVacancy(backend);
    const { user } = renderApp('/insights?asOf=2020-09-01');

    const timeline = await screen.findByRole('region', { name: /^Tidslinje over pladserne i Horsens Alliancen/ });
    const bars = await within(timeline).findAllByRole('link', { name: /^Charlotte Lyrskov,/ });
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Charlotte Lyrskov, Medlem, Konst. direktør, Teknik og Miljø, Horsens Kommune, 1. januar 2018 – 28. februar 2019',
      'Charlotte Lyrskov, Formand, Konst. direktør, Teknik og Miljø, Horsens Kommune, 1. marts 2019 – 31. december 2021 (uden slutdato)',
    ]);
    expect(bars.map((b) => b.getAttribute('href'))).toEqual([
      `/seats/${charlotteSeat}?asOf=2018-01-01`,
      `/seats/${charlotteSeat}?asOf=2019-03-01`,
    ]);
    expect(within(timeline).getByText('Horsens Kommune 5: ledig 1. juli 2020 – 31. december 2021')).toBeInTheDocument();

    // The balance on 1 September 2020 counts the vacancy.
    const balance = screen.getByRole('table', { name: 'Pladser i Horsens Alliancen pr. 1. september 2020' });
    const municipality = within(balance).getByRole('rowheader', { name: 'Kommunen' }).closest('tr') as HTMLElement;
    expect(cells(municipality)).toEqual(['4', '1', '5']);

    // The text alternative lists both segments and the gap.
    await user.click(screen.getByText(/^Vis tidslinjen som tabel/));
    const table = screen.getByRole('table', { name: /^Tidslinjen som tabel/ });
    const rows = within(table).getAllByRole('row');
    const texts = rows.map((r) => r.textContent ?? '');
    expect(texts.filter((t) => t.includes('Charlotte Lyrskov'))).toEqual([
      expect.stringContaining('Medlem'),
      expect.stringContaining('Formand'),
    ]);
    expect(texts.some((t) => t.startsWith('Horsens Kommune 5') && t.includes('Ledig1. juli 202031. december 2021'))).toBe(true);
    expect(tanjaSeat).toBeTruthy();
  });

  it('offers to retry when the timeline cannot be loaded', async () => {
    let fail = true;
    server.use(
      http.get('*/api/memberships', () => (fail ? HttpResponse.json({ title: 'boom', status: 500, type: 'x' }, { status: 500 }) : undefined)),
    );
    const { user } = renderApp('/insights?asOf=2019-06-01');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Tidslinjen kunne ikke hentes.');
    expect(alert).toHaveTextContent('Der skete en fejl på serveren.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    const timeline = await screen.findByRole('region', { name: /^Tidslinje over pladserne/ });
    await waitFor(() => expect(within(timeline).getAllByRole('link')).toHaveLength(22));
  });

  it('keeps body, term and date in the URL', async () => {
    const { router } = renderApp('/insights?span=all&asOf=2019-06-01');
    expect(await screen.findByText('Horsens Alliancen · alle perioder · pr. 1. juni 2019')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Tidslinje, alle perioder' })).toBeInTheDocument();
    expect(router.state.location.search).toMatchObject({ span: 'all', asOf: '2019-06-01' });
  });
});
