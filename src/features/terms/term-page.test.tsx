import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFreshBackend } from '../../../mocks/node';
import { todayIso } from '../../domain/dates';
import { formatDate } from '../../lib/format';
import { renderApp } from '../../../tests/render-app';

// The page's code loads on first visit, and typing into forms takes a few seconds on a busy machine.
const SLOW = { timeout: 30_000 };

/** The seeded backend with the 2018-2021 term and the bodies at hand. */
async function withSeed(backend: Awaited<ReturnType<typeof useFreshBackend>>) {
  const [term] = await backend.store.terms.list();
  const bodies = await backend.store.bodies.list();
  const body = (name: string) => bodies.find((b) => b.name === name)!;
  return { ...backend, term: term!, body };
}

/** Waits for the page (its own code chunk and its data) and the council's seats to be shown. */
async function pageReady() {
  await screen.findByRole('table', { name: 'Horsens Alliancen' }, { timeout: 15_000 });
}

/** The section of the term page for one body, found by its heading. */
async function section(name: string) {
  const heading = await screen.findByRole('heading', { level: 3, name });
  return heading.closest('section')!;
}

describe('term page', () => {
  it("shows the term's seats per body, the council first, with holders on the date in the URL", async () => {
    const { term } = await withSeed(await useFreshBackend());
    renderApp(`/terms/${term.id}?asOf=2019-06-01`);
    await pageReady();
    expect(await screen.findByRole('heading', { level: 1, name: 'Periode 2018-2021' })).toBeInTheDocument();
    expect(screen.getByText('Afsluttet')).toBeInTheDocument();
    expect(screen.getByText('Indehavere pr. 1. juni 2019.')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Horsens Alliancen',
      'Erhvervstaskforce',
      'Horsens Uddannelsesråd',
      'Jobtaskforce',
    ]);

    const council = await section('Horsens Alliancen');
    const table = await within(council).findByRole('table', { name: 'Horsens Alliancen' });
    expect(within(table).getAllByRole('row')).toHaveLength(23);
    const velux = within(table).getByRole('link', { name: 'Velux' }).closest('tr')!;
    expect(velux).toHaveTextContent('Erhvervslivet');
    expect(within(velux).getAllByRole('link', { name: 'Kristian E. Justesen' })[0]).toHaveAttribute('href', expect.stringMatching(/^\/people\//));
    expect(within(velux).getByRole('link', { name: 'Velux' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/seats\/.+\?asOf=2019-06-01$/),
    );
    expect(within(council).getByText('22 pladser')).toBeInTheDocument();
    expect(within(await section('Jobtaskforce')).getByText('Jobtaskforce har ingen pladser i perioden 2018-2021.')).toBeInTheDocument();
  }, SLOW.timeout);

  it('keeps the date inside the term and says so', async () => {
    const { term } = await withSeed(await useFreshBackend());
    renderApp(`/terms/${term.id}`);
    await pageReady();
    const today = formatDate(todayIso(), 'da');
    expect(
      await screen.findByText(`${today} ligger uden for perioden, så indehaverne vises pr. 31. december 2021.`),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Indehavere pr.')).toHaveValue('2021-12-31');
  }, SLOW.timeout);

  it('refuses to delete a term that has seats, saying why', async () => {
    const { term, store } = await withSeed(await useFreshBackend());
    const { user } = renderApp(`/terms/${term.id}`);
    await pageReady();
    await user.click(await screen.findByRole('button', { name: 'Slet periode' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slet perioden 2018-2021?' });
    await user.click(within(dialog).getByRole('button', { name: 'Slet periode' }));

    const alerts = await within(dialog).findAllByRole('alert');
    expect(dialog).toHaveTextContent('Perioden har pladser, og pladserne kan have medlemskaber. Fjern pladserne først');
    expect(alerts.at(-1)).toHaveTextContent('Ændringen blev ikke gemt.');
    expect(alerts.at(-1)).toHaveTextContent('Posten er i brug');
    expect(within(alerts.at(-1)!).getByRole('link')).toHaveAttribute('href', expect.stringMatching(/^\/seats\//));
    expect(await store.terms.get(term.id)).toBeDefined();
  }, SLOW.timeout);

  it('refuses a stale edit (409) and saves after loading the latest version', async () => {
    const { term, store } = await withSeed(await useFreshBackend());
    const { user } = renderApp(`/terms/${term.id}`);
    await pageReady();
    await user.click(await screen.findByRole('button', { name: 'Rediger periode' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rediger perioden 2018-2021' });
    // Someone else renames the term meanwhile.
    await store.terms.update(term.id, { label: 'Periode 2018-21', startDate: term.startDate, endDate: term.endDate });

    const label = within(dialog).getByRole('textbox', { name: /^Navn/ });
    await user.clear(label);
    await user.type(label, 'Alliancen 2018-2021');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('En anden har ændret posten, mens du redigerede.');

    await user.click(within(alert).getByRole('button', { name: 'Hent nyeste udgave' }));
    await waitFor(() => expect(label).toHaveValue('Periode 2018-21'));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.clear(label);
    await user.type(label, 'Alliancen 2018-2021');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(await screen.findByText('Perioden Alliancen 2018-2021 er gemt.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Periode Alliancen 2018-2021' })).toBeInTheDocument();
    expect((await store.terms.get(term.id))?.label).toBe('Alliancen 2018-2021');
  }, SLOW.timeout);

  it('adds a seat to a forum in the term, finding the organisation without Danish letters', async () => {
    const { term, store, body } = await withSeed(await useFreshBackend());
    const { user } = renderApp(`/terms/${term.id}?asOf=2019-06-01`);
    await pageReady();
    const job = await section('Jobtaskforce');
    await user.click(within(job).getByRole('button', { name: 'Tilføj plads i Jobtaskforce' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tilføj plads' });
    expect(dialog).toHaveTextContent('Pladsen hører til perioden 2018-2021 (1. januar 2018 – 31. december 2021).');
    expect(within(dialog).getByRole('combobox', { name: /^Råd eller forum/ })).toHaveTextContent('Jobtaskforce');

    await user.type(within(dialog).getByRole('textbox', { name: /^Navn på pladsen/ }), 'Erhverv 1');
    await user.type(within(dialog).getByRole('combobox', { name: 'Indstillende organisation' }), 'haandvaerker')
    await user.click(await screen.findByRole('option', { name: 'Horsens Haandværker- og Industriforening' }));
    // The seat counts for the organisation's sector unless someone chooses otherwise.
    expect(within(dialog).getByRole('combobox', { name: 'Reserveret sektor' })).toHaveTextContent('Erhvervslivet');
    await user.click(within(dialog).getByRole('button', { name: 'Tilføj plads' }));

    expect(await screen.findByText('Pladsen Erhverv 1 er tilføjet.')).toBeInTheDocument();
    const row = (await within(job).findByRole('link', { name: 'Erhverv 1' })).closest('tr')!;
    expect(row).toHaveTextContent('Horsens Haandværker- og Industriforening');
    expect(within(row).getAllByText('Ledig')[0]).toBeInTheDocument();
    const seats = await store.seats.list({ bodyId: body('Jobtaskforce').id, termId: term.id });
    expect(seats.map((s) => [s.label, s.reservedSector])).toEqual([['Erhverv 1', 'business']]);
  }, SLOW.timeout);

  it('refuses to remove a held seat (409), naming the membership', async () => {
    const { term, store } = await withSeed(await useFreshBackend());
    const { user } = renderApp(`/terms/${term.id}?asOf=2019-06-01`);
    await pageReady();
    await user.click(await screen.findByRole('button', { name: 'Fjern Velux' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fjern pladsen Velux?' });
    await user.click(within(dialog).getByRole('button', { name: 'Fjern plads' }));

    await waitFor(() => expect(dialog).toHaveTextContent('En plads, der har eller har haft en indehaver, kan ikke fjernes'));
    const link = await within(dialog).findByRole('link', { name: 'Kristian E. Justesen' });
    expect(link.closest('[role="alert"]')).toHaveTextContent('Posten er i brug: Kristian E. Justesen, Velux, fra 1. januar 2018');
    expect((await store.seats.list()).some((s) => s.label === 'Velux')).toBe(true);
  }, SLOW.timeout);

  it('removes an empty seat, and undo creates it again', async () => {
    const { term, store, body } = await withSeed(await useFreshBackend());
    const job = body('Jobtaskforce');
    await store.seats.insert({ termId: term.id, bodyId: job.id, label: 'Tom plads', nominatingOrganizationId: null, reservedSector: 'union', previousSeatId: null });
    const { user } = renderApp(`/terms/${term.id}?asOf=2019-06-01`);
    await pageReady();
    await user.click(await screen.findByRole('button', { name: 'Fjern Tom plads' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fjern pladsen Tom plads?' });
    expect(dialog).toHaveTextContent('Pladsen Tom plads fjernes fra Jobtaskforce i perioden 2018-2021.');
    await user.click(within(dialog).getByRole('button', { name: 'Fjern plads' }));

    expect(await screen.findByText('Pladsen Tom plads er fjernet.')).toBeInTheDocument();
    expect(await screen.findByText('Jobtaskforce har ingen pladser i perioden 2018-2021.')).toBeInTheDocument();
    expect(await store.seats.list({ bodyId: job.id })).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    const row = (await screen.findByRole('link', { name: 'Tom plads' })).closest('tr')!;
    expect(row).toHaveTextContent('Faglige organisationer');
    expect((await store.seats.list({ bodyId: job.id })).map((s) => [s.label, s.reservedSector, s.termId])).toEqual([
      ['Tom plads', 'union', term.id],
    ]);
  }, SLOW.timeout);

  it("edits a seat's name, and undo puts it back", async () => {
    const { term, store } = await withSeed(await useFreshBackend());
    const { user } = renderApp(`/terms/${term.id}?asOf=2019-06-01`);
    await pageReady();
    await user.click(await screen.findByRole('button', { name: 'Rediger Velux' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rediger pladsen Velux' });
    const label = within(dialog).getByRole('textbox', { name: /^Navn på pladsen/ });
    await user.clear(label);
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(label).toHaveAccessibleDescription('Skal udfyldes.'));
    await user.type(label, 'Velux A/S');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(await screen.findByText('Pladsen Velux A/S er gemt.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Velux A/S' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByRole('link', { name: 'Velux' })).toBeInTheDocument();
    expect((await store.seats.list()).some((s) => s.label === 'Velux')).toBe(true);
  }, SLOW.timeout);
});
