import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFreshBackend } from '../../../mocks/node';
import { todayIso } from '../../domain/dates';
import { formatDate } from '../../lib/format';
import { renderApp } from '../../../tests/render-app';

// The page's code loads on first visit, and typing into forms takes a few seconds on a busy machine.
const SLOW = { timeout: 30_000 };
const LOAD = { timeout: 15_000 };

/** The seeded backend with the 2018-2021 term and the bodies at hand. */
async function withSeed(backend: Awaited<ReturnType<typeof useFreshBackend>>) {
  const [term] = await backend.store.terms.list();
  const bodies = await backend.store.bodies.list();
  const job = bodies.find((b) => b.name === 'Jobtaskforce')!;
  return { ...backend, term: term!, job };
}

describe('forum page', () => {
  it('shows who sat on Jobtaskforce on 1 June 2019, and who did later', async () => {
    const { store, term, job } = await withSeed(await useFreshBackend());
    // A forum seat held by Tanja Nyborg as chair from March 2018 to 2020, and a vacant one.
    const org = (await store.organizations.list()).find((o) => o.name === 'Horsens Kommune')!;
    const tanja = (await store.people.list()).find((p) => p.name === 'Tanja Nyborg')!;
    const seat = await store.seats.insert({ termId: term.id, bodyId: job.id, label: 'Kommunen', nominatingOrganizationId: org.id, reservedSector: 'municipality', previousSeatId: null });
    await store.seats.insert({ termId: term.id, bodyId: job.id, label: 'Fagbevægelsen', nominatingOrganizationId: null, reservedSector: 'union', previousSeatId: null });
    await store.memberships.insert({
      seatId: seat.id,
      personId: tanja.id,
      organizationId: org.id,
      role: 'chair',
      title: 'Direktør, Uddannelse og Arbejdsmarked',
      startDate: '2018-03-01',
      endDate: '2020-12-31',
      endReason: 'Fratrådt',
      decidedOn: null,
      source: null,
      endDecidedOn: null,
      endSource: null,
    });

    renderApp(`/bodies/${job.id}?asOf=2019-06-01`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Jobtaskforce' }, LOAD)).toBeInTheDocument();
    expect(await screen.findByText('Periode 2018-2021 · pr. 1. juni 2019')).toBeInTheDocument();
    expect(await screen.findByText('2 pladser · 1 besat · 1 ledig')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Pladser og medlemmer' });
    const held = within(table).getByRole('link', { name: 'Kommunen' }).closest('tr')!;
    expect(within(held).getByRole('link', { name: 'Tanja Nyborg' })).toHaveAttribute('href', `/people/${tanja.id}`);
    expect(held).toHaveTextContent('Formand');
    expect(held).toHaveTextContent('Horsens Kommune');
    expect(within(held).getAllByText('Direktør, Uddannelse og Arbejdsmarked')[0]).toBeInTheDocument();
    const vacant = within(table).getByRole('link', { name: 'Fagbevægelsen' }).closest('tr')!;
    expect(within(vacant).getByText('Ledig')).toBeInTheDocument();

    // jsdom's native date input takes no typing; a browser's picker sets the whole value at once.
    fireEvent.change(screen.getByLabelText('Pr. dato'), { target: { value: '2021-06-01' } });
    expect(await screen.findByText('2 pladser · 0 besat · 2 ledige')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Tanja Nyborg' })).not.toBeInTheDocument();
  }, SLOW.timeout);

  it('explains an empty forum and adds its first seat from there', async () => {
    const { store, term, job } = await withSeed(await useFreshBackend());
    const { user } = renderApp(`/bodies/${job.id}?asOf=2019-06-01`);
    const empty = await screen.findByText(/^Jobtaskforce har ingen pladser i perioden 2018-2021\. Pladserne i et forum oprettes her/, {}, LOAD);
    await user.click(within(empty.closest<HTMLElement>('[role="status"]')!).getByRole('button', { name: 'Tilføj plads' }));

    const dialog = await screen.findByRole('dialog', { name: 'Tilføj plads i Jobtaskforce' });
    // The body is this forum: the form does not offer another.
    expect(within(dialog).queryByRole('combobox', { name: /^Råd eller forum/ })).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /^Navn på pladsen/ }), 'Uddannelse 1');
    await user.click(within(dialog).getByRole('combobox', { name: 'Reserveret sektor' }));
    await user.click(await screen.findByRole('option', { name: 'Uddannelse og viden' }));
    await user.click(within(dialog).getByRole('button', { name: 'Tilføj plads' }));

    expect(await screen.findByText('Pladsen Uddannelse 1 er tilføjet.')).toBeInTheDocument();
    expect(await screen.findByText('1 plads · 0 besat · 1 ledig')).toBeInTheDocument();
    const row = screen.getByRole('link', { name: 'Uddannelse 1' }).closest('tr')!;
    expect(within(row).getByText('Ledig')).toBeInTheDocument();
    expect(await store.seats.list({ bodyId: job.id })).toMatchObject([{ label: 'Uddannelse 1', termId: term.id, reservedSector: 'education' }]);
  }, SLOW.timeout);

  it('opens on the last day of the latest term when no term covers today, and switches term from the picker', async () => {
    const { store, job } = await withSeed(await useFreshBackend());
    const planned = await store.terms.insert({ label: 'Testperiode 2040-2043', startDate: '2040-01-01', endDate: '2043-12-31' });
    const { user, router } = renderApp(`/bodies/${job.id}`);
    const today = formatDate(todayIso(), 'da');
    expect(
      await screen.findByText(
        `Periode 2018-2021 · pr. 31. december 2021 ${today} ligger uden for perioden 2018-2021, så listen viser 31. december 2021.`,
        {},
        LOAD,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Periode' })).toHaveTextContent('2018-2021');

    await user.click(screen.getByRole('combobox', { name: 'Periode' }));
    await user.click(await screen.findByRole('option', { name: 'Testperiode 2040-2043' }));
    expect(await screen.findByText('Periode Testperiode 2040-2043 · pr. 1. januar 2040')).toBeInTheDocument();
    expect(screen.getByLabelText('Pr. dato')).toHaveValue('2040-01-01');
    expect(router.state.location.search).toEqual({ termId: planned.id });
    expect(await screen.findByText(/^Jobtaskforce har ingen pladser i perioden Testperiode 2040-2043\./)).toBeInTheDocument();
  }, SLOW.timeout);

  it('says so when no term covers the chosen date', async () => {
    const { job } = await withSeed(await useFreshBackend());
    renderApp(`/bodies/${job.id}?asOf=2030-06-01`);
    expect(
      await screen.findByText('Ingen periode dækker 1. juni 2030. Vælg en periode, eller vælg en anden dato.', {}, LOAD),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tilføj plads' })).not.toBeInTheDocument();
  }, SLOW.timeout);

  it("shows the council's purpose and its fora", async () => {
    const { store } = await withSeed(await useFreshBackend());
    const council = (await store.bodies.list()).find((b) => b.kind === 'council')!;
    renderApp(`/bodies/${council.id}?asOf=2019-06-01`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Horsens Alliancen' }, LOAD)).toBeInTheDocument();
    const purpose = screen.getByRole('heading', { level: 2, name: 'Formål' }).closest('section')!;
    expect(purpose.textContent).toMatch(/1\. .+2\. /s);
    expect(await screen.findByRole('link', { name: 'Jobtaskforce' })).toHaveAttribute('href', expect.stringMatching(/^\/bodies\//));
    expect(await screen.findByText('22 pladser · 22 besat · 0 ledige')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Pladser og medlemmer' })).getAllByRole('row')).toHaveLength(23));
  }, SLOW.timeout);
});
