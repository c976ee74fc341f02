import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';
import SEED from '../../../server/seed/horsens-alliancen.txt?raw';

const SLOW = { timeout: 60_000 };
const LOAD = { timeout: 20_000 };

/** The line (1-based) of the seed text that mentions `name`. */
const lineOf = (name: string) => SEED.split(/\r?\n/).findIndex((l) => l.includes(name)) + 1;

type Store = Awaited<ReturnType<typeof useFreshBackend>>['store'];

async function emptyTerm(store: Store) {
  const term = await store.terms.insert({ label: 'Testperiode 2050-2053', startDate: '2050-01-01', endDate: '2053-12-31' });
  const council = (await store.bodies.list()).find((b) => b.kind === 'council');
  if (!council) throw new Error('the seed has a council');
  return { term, council };
}

async function pasteAndPreview(user: ReturnType<typeof renderApp>['user'], termLabel = 'Testperiode 2050-2053') {
  await screen.findByRole('heading', { level: 1, name: 'Import og eksport' }, LOAD);
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Periode' }), termLabel);
  fireEvent.change(screen.getByRole('textbox', { name: 'Indhold' }), { target: { value: SEED } });
  await user.click(screen.getByRole('button', { name: 'Forhåndsvis' }));
}

async function reviewRow(line: number) {
  const table = await screen.findByRole('table', { name: /^Gennemse/ }, LOAD);
  return within(table).getByRole('checkbox', { name: `Importér linje ${line}` }).closest('tr')!;
}

const holdersIn = async (store: Store, termId: string) => {
  const seats = await store.seats.list({ termId });
  return seats.length;
};

describe('import', () => {
  it('CSV: shows which column each field was read from, and reads the file again with the columns the reviewer picks', async () => {
    const { store } = await useFreshBackend();
    await emptyTerm(store);
    const { user } = renderApp('/import');
    await screen.findByRole('heading', { level: 1, name: 'Import og eksport' }, LOAD);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Format' }), 'CSV');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Periode' }), 'Testperiode 2050-2053');
    // Headers the server does not know for title and organisation: the reviewer maps them.
    const csv = 'Navn;Hvad;Hvor fra\nTestperson Kolonne;Direktør;Fiktiv Testforening\n';
    fireEvent.change(screen.getByRole('textbox', { name: 'Indhold' }), { target: { value: csv } });
    await user.click(screen.getByRole('button', { name: 'Forhåndsvis' }));

    const mapping = await screen.findByRole('region', { name: 'Kolonner i CSV-filen' }, LOAD);
    expect(within(mapping).getByRole('combobox', { name: 'Navn' })).toHaveValue('Navn');
    // What is missing is said in Danish, with where to fix it.
    expect(screen.getByText(/Ingen kolonne indeholder organisationerne \(fx "Organisation"\)\. Vælg den under Kolonner\./)).toBeInTheDocument();
    expect(screen.getByText(/Rækken har ingen organisation\./)).toBeInTheDocument();
    await user.selectOptions(within(mapping).getByRole('combobox', { name: 'Titel' }), 'Hvad');
    await user.selectOptions(within(mapping).getByRole('combobox', { name: 'Organisation' }), 'Hvor fra');
    await user.click(within(mapping).getByRole('button', { name: 'Læs igen med disse kolonner' }));

    const table = await screen.findByRole('table', { name: /^Gennemse/ }, LOAD);
    await waitFor(() => expect(within(table).getByRole('textbox', { name: /^Titel/ })).toHaveValue('Direktør'));
    expect(within(table).getByRole('textbox', { name: /^Organisation/ })).toHaveValue('Fiktiv Testforening');
    expect(within(await screen.findByRole('region', { name: 'Kolonner i CSV-filen' })).getByRole('combobox', { name: 'Titel' })).toHaveValue('Hvad');
  }, SLOW.timeout);

  it('previews the seed text into an empty term, commits it, and the roster of the term shows 22 holders', async () => {
    const { store } = await useFreshBackend();
    const { term, council } = await emptyTerm(store);
    const { user } = renderApp('/import');
    await pasteAndPreview(user);

    expect(await screen.findByRole('heading', { level: 2, name: 'Gennemse 22 rækker' }, LOAD)).toBeInTheDocument();
    // The seed's people and organisations exist already: all found, nothing new.
    expect(screen.getByText('0 nye personer · 22 fundne · 0 nye organisationer · 0 med fejl')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Gennemse 22 rækker' });
    expect(within(table).getAllByRole('checkbox', { checked: true })).toHaveLength(22);
    const peter = await reviewRow(lineOf('Peter Sørensen, Borgmester'));
    expect(within(peter).getByText('Person: Fundet')).toBeInTheDocument();
    expect(within(peter).getByText('Organisation: Fundet')).toBeInTheDocument();
    expect(within(peter).getByRole('textbox', { name: /^Titel/ })).toHaveValue('Borgmester');
    expect(await holdersIn(store, term.id)).toBe(0); // the preview writes nothing

    await user.click(screen.getByRole('button', { name: 'Importér 22 rækker' }));
    expect(await screen.findByText(/Importeret: 0 nye personer, 0 nye organisationer, 22 pladser og 22 medlemskaber/, {}, LOAD)).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Se medlemslisten pr. 1. januar 2050' });
    expect(link).toHaveAttribute('href', `/roster?bodyId=${council.id}&asOf=2050-01-01`);

    await user.click(link);
    expect(await screen.findByText('22 pladser · 22 besat · 0 ledige', {}, LOAD)).toBeInTheDocument();
    expect(screen.getByText(/Periode Testperiode 2050-2053/)).toBeInTheDocument();
  }, SLOW.timeout);

  it('asks which person an ambiguous name means, takes edits and left-out rows, and writes them', async () => {
    const { store } = await useFreshBackend();
    const { term } = await emptyTerm(store);
    await store.people.insert({ name: 'Niels Yde', email: null, phone: null, notes: '' });
    const { user } = renderApp('/import');
    await pasteAndPreview(user);

    const niels = await reviewRow(lineOf('Niels Yde'));
    expect(within(niels).getByText('Person: Tvetydig')).toBeInTheDocument();
    expect(screen.getByText('0 nye personer · 21 fundne · 0 nye organisationer · 0 med fejl')).toBeInTheDocument();

    // Commit before choosing: refused in the browser, the row says why.
    await user.click(screen.getByRole('button', { name: 'Importér 22 rækker' }));
    expect(screen.getByText(`Linje ${lineOf('Niels Yde')}: Vælg hvilken person der menes.`)).toBeInTheDocument();
    expect(screen.getByText('Ret de markerede rækker, før du importerer.')).toBeInTheDocument();

    await user.selectOptions(within(niels).getByRole('combobox', { name: /^Person, linje/ }), 'Opret ny person');
    const name = within(niels).getByRole('textbox', { name: /^Navn, linje/ });
    await user.clear(name);
    await user.type(name, 'Niels Testyde');
    const title = within(niels).getByRole('textbox', { name: /^Titel, linje/ });
    await user.clear(title);
    await user.type(title, 'Direktør og testleder');
    // Leave Henrik Burkal out.
    await user.click(screen.getByRole('checkbox', { name: `Importér linje ${lineOf('Henrik Burkal')}` }));

    await user.click(screen.getByRole('button', { name: 'Importér 21 rækker' }));
    expect(await screen.findByText(/Importeret: 1 ny person, 0 nye organisationer, 21 pladser og 21 medlemskaber/, {}, LOAD)).toBeInTheDocument();

    const people = await store.people.list();
    const created = people.find((p) => p.name === 'Niels Testyde');
    expect(created).toBeDefined();
    const memberships = await store.memberships.list({ personId: created!.id });
    expect(memberships.map((m) => m.title)).toEqual(['Direktør og testleder']);
    expect(await holdersIn(store, term.id)).toBe(21);
  }, SLOW.timeout);

  it('shows a refused commit on its row and writes nothing', async () => {
    const { store } = await useFreshBackend();
    const { term } = await emptyTerm(store);
    const { user } = renderApp('/import');
    await pasteAndPreview(user);

    // Asking for a new organisation named like an existing one is refused by the server (409).
    const line = lineOf('Peter Sørensen, Borgmester');
    const peter = await reviewRow(line);
    await user.selectOptions(within(peter).getByRole('combobox', { name: /^Vælg organisation/ }), 'Opret ny organisation');
    expect(within(peter).getByRole('textbox', { name: /^Organisation, linje/ })).toHaveValue('Horsens Kommune');
    await user.click(screen.getByRole('button', { name: 'Importér 22 rækker' }));

    expect(await screen.findByText('Intet blev importeret. Ret de markerede rækker, og prøv igen.', {}, LOAD)).toBeInTheDocument();
    expect(screen.getByText(`Linje ${line}: Der findes allerede en organisation med dette navn. Vælg den i stedet.`)).toBeInTheDocument();
    expect(within(peter).getByText('Fejl')).toBeInTheDocument();
    expect(within(peter).getByRole('textbox', { name: /^Organisation, linje/ })).toHaveAccessibleDescription(/Der findes allerede/);
    expect(await holdersIn(store, term.id)).toBe(0);
    expect((await store.organizations.list()).filter((o) => o.name === 'Horsens Kommune')).toHaveLength(1);
  }, SLOW.timeout);

  it('shows a server error on preview with a retry that works', async () => {
    const { store } = await useFreshBackend();
    await emptyTerm(store);
    server.use(
      http.post(
        '/api/import/preview',
        () => HttpResponse.json({ type: '/problems/internal', title: 'Internal server error', status: 500 }, { status: 500 }),
        { once: true },
      ),
    );
    const { user } = renderApp('/import');
    await pasteAndPreview(user);
    const alert = await screen.findByRole('alert', {}, LOAD);
    expect(alert).toHaveTextContent('Forhåndsvisningen kunne ikke laves. Der skete en fejl på serveren.');
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Gennemse 22 rækker' }, LOAD)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  }, SLOW.timeout);

  it('offers export links for the chosen term, body and date, in Danish and English', async () => {
    const { store } = await useFreshBackend();
    const { term, council } = await emptyTerm(store);
    const { user, unmount } = renderApp('/import');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Periode' }, LOAD), 'Testperiode 2050-2053');
    expect(screen.getByRole('combobox', { name: 'Råd eller forum' })).toHaveDisplayValue(council.name);
    expect(screen.getByRole('link', { name: `${council.name}: Medlemsliste pr. 1. januar 2050 (CSV)` })).toHaveAttribute(
      'href',
      `/api/export/roster.csv?bodyId=${council.id}&asOf=2050-01-01`,
    );
    expect(screen.getByRole('link', { name: 'Hele perioden Testperiode 2050-2053 (CSV)' })).toHaveAttribute(
      'href',
      `/api/export/roster.csv?termId=${term.id}`,
    );
    expect(screen.getByRole('link', { name: 'Perioden Testperiode 2050-2053 (Popolo JSON)' })).toHaveAttribute(
      'href',
      `/api/export/popolo?termId=${term.id}`,
    );
    unmount();

    renderApp('/import', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Import and export' }, LOAD)).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: 'Content' }, LOAD)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Preview' })).toBeDisabled();
    expect(screen.getByRole('heading', { level: 2, name: 'Export' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import and export' })).toHaveAttribute('aria-current', 'page');
  }, SLOW.timeout);

  it('links the roster page to its CSV export', async () => {
    await useFreshBackend();
    renderApp('/roster?asOf=2019-06-01');
    const link = await screen.findByRole('link', { name: 'Eksportér CSV' }, LOAD);
    await waitFor(() => expect(link).toHaveAttribute('href', '/api/export/roster.csv?asOf=2019-06-01'));
  }, SLOW.timeout);
});
