import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';

type Backend = Awaited<ReturnType<typeof useFreshBackend>>;

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

describe('dashboard', () => {
  // Today is pinned to 1 June 2019, inside the seeded term 2018-2021 (only Date is faked, so
  // timers and user events run as usual).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2019-06-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('is the first page: the current term with its days left, and the council today', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overblik' })).toBeInTheDocument();
    expect(screen.getByText('I dag er det 1. juni 2019')).toBeInTheDocument();
    const term = await screen.findByRole('region', { name: 'Aktuel periode' });
    expect(within(term).getByText('2018-2021')).toBeInTheDocument();
    expect(within(term).getByText('1. januar 2018 – 31. december 2021')).toBeInTheDocument();
    expect(within(term).getByText('944 dage tilbage')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Overblik' })).toHaveAttribute('aria-current', 'page');

    const council = screen.getByRole('region', { name: 'Horsens Alliancen pr. 1. juni 2019' });
    expect(await within(council).findByText('22 pladser i alt')).toBeInTheDocument();
    expect(within(council).getByText('besat').previousSibling).toHaveTextContent('22');
    expect(within(council).getByRole('link', { name: 'Åbn medlemslisten' })).toHaveAttribute('href', '/roster');

    const vacancies = screen.getByRole('region', { name: 'Ledige pladser' });
    expect(await within(vacancies).findByText('Ingen ledige pladser pr. 1. juni 2019.')).toBeInTheDocument();

    const balance = screen.getByRole('region', { name: 'Sektorbalance' });
    const valueOf = (label: string) => within(balance).getByText(label).nextSibling;
    expect(await within(balance).findByText('Erhvervslivet')).toBeInTheDocument();
    expect(valueOf('Kommunen')).toHaveTextContent('5');
    expect(valueOf('Erhvervslivet')).toHaveTextContent('11');
    expect(valueOf('Faglige organisationer')).toHaveTextContent('2');
    expect(valueOf('Uddannelse og viden')).toHaveTextContent('4');
  });

  it('lists a vacancy since the day after its holder left, and the change in words', async () => {
    const backend = await useFreshBackend();
    const [person] = await api<{ id: string }[]>(backend, 'GET', '/people?q=Tanja%20Nyborg');
    const [m] = await api<{ id: string; version: number; seatId: string }[]>(backend, 'GET', `/memberships?personId=${person?.id}`);
    await api(backend, 'POST', `/memberships/${m?.id}/end`, { endDate: '2019-03-31', endReason: 'Fratrådt' }, m?.version);

    renderApp('/');
    const vacancies = await screen.findByRole('region', { name: 'Ledige pladser' });
    const link = await within(vacancies).findByRole('link', { name: 'Horsens Kommune 5' });
    expect(link).toHaveAttribute('href', `/seats/${m?.seatId}?asOf=2019-06-01`);
    expect(within(vacancies).getByText('Horsens Alliancen · ledig siden 1. april 2019')).toBeInTheDocument();
    expect(within(vacancies).getByText('1 ledig plads')).toBeInTheDocument();

    const changes = screen.getByRole('region', { name: 'Seneste ændringer' });
    const first = (await within(changes).findAllByRole('listitem'))[0];
    expect(first).toHaveTextContent(/^Ændret medlemskab: Tanja Nyborg/);
    expect(within(first as HTMLElement).getByRole('link', { name: 'Tanja Nyborg' })).toHaveAttribute(
      'href',
      `/memberships/${m?.id}`,
    );
  });

  it('offers to retry when the recent changes cannot be loaded', async () => {
    let fail = true;
    server.use(http.get('*/api/audit', () => (fail ? HttpResponse.json({ title: 'boom', status: 500, type: 'x' }, { status: 500 }) : undefined)));
    const { user } = renderApp('/');
    const changes = await screen.findByRole('region', { name: 'Seneste ændringer' });
    const alert = await within(changes).findByRole('alert');
    expect(alert).toHaveTextContent('De seneste ændringer kunne ikke hentes.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await within(changes).findAllByRole('listitem')).toHaveLength(10);
  });

  it('explains an empty database instead of loading forever', async () => {
    await useFreshBackend({ seed: false });
    renderApp('/');
    const term = await screen.findByRole('region', { name: 'Periode' });
    expect(within(term).getByText('Der er ingen perioder endnu.')).toBeInTheDocument();
    expect(await screen.findByText('Der er intet råd endnu.')).toBeInTheDocument();
    const vacancies = screen.getByRole('region', { name: 'Ledige pladser' });
    expect(within(vacancies).getByText('Der er ingen perioder endnu.')).toBeInTheDocument();
    expect(within(vacancies).queryByRole('status')).not.toBeInTheDocument();
    expect(await screen.findByText('Ingen ændringer er registreret endnu.')).toBeInTheDocument();
  });

  it('says when no term runs today, and shows the latest term’s last day instead', async () => {
    vi.setSystemTime(new Date('2023-02-01T10:00:00Z'));
    renderApp('/');
    expect(await screen.findByText('Ingen periode er i gang i dag, så tallene nedenfor er pr. 31. december 2021.')).toBeInTheDocument();
    expect(screen.getByText('Seneste periode: 2018-2021, sluttede 31. december 2021.')).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Horsens Alliancen pr. 31. december 2021' })).toBeInTheDocument();
  });
});
