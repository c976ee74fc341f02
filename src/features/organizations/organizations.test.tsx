import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
// Not a React hook: it resets the mocked API to a freshly seeded backend and returns its store.
import { server, useFreshBackend as freshBackend } from '../../../mocks/node';
import { REPRESENTATIVES } from '../../../server/seed/horsens-alliancen';
import { renderApp } from '../../../tests/render-app';

// Whole pages with typing and navigation take several seconds on a busy machine.
const SLOW = { timeout: 20_000 };

/** The organisation names in the list, in order. */
function listedNames() {
  const table = screen.getByRole('table', { name: 'Organisationer' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').querySelector('a')?.textContent);
}

async function seededOrganization(name: string) {
  const backend = await freshBackend();
  const organization = (await backend.store.organizations.list()).find((o) => o.name === name)!;
  return { ...backend, organization };
}

describe('organisations list', SLOW, () => {
  it('lists the organisations with sector and other names, and the total', async () => {
    renderApp('/organizations');
    expect(await screen.findByRole('heading', { level: 1, name: 'Organisationer' })).toBeInTheDocument();
    expect(await screen.findByText('15 organisationer')).toBeInTheDocument();
    expect(listedNames()).toHaveLength(15);
    expect(listedNames()[0]).toBe('Bubblemedia');
    const lo = screen.getByRole('link', { name: 'LO Horsens-Hedensted' }).closest('tr')!;
    expect(within(lo).getByText('Faglige organisationer')).toBeInTheDocument();
    expect(within(lo).getAllByText(/LO Horsens Hedensted/).length).toBeGreaterThan(0);
    expect(screen.getByText('1-15 af 15')).toBeInTheDocument();
  });

  it('finds an organisation by another of its names', async () => {
    const { store, organization } = await seededOrganization('DI Horsens');
    await store.organizations.update(organization.id, { ...organization, otherNames: ['Dansk Industri Horsens'] });
    const { user, router } = renderApp('/organizations');
    await screen.findByText('15 organisationer');
    const search = screen.getByRole('searchbox', { name: 'Søg efter navn' });
    await user.type(search, 'LO Horsens Hedensted');
    expect(await screen.findByText('1 organisation matcher')).toBeInTheDocument();
    expect(listedNames()).toEqual(['LO Horsens-Hedensted']);
    expect(router.state.location.search).toMatchObject({ q: 'LO Horsens Hedensted' });

    await user.clear(search);
    await user.type(search, 'dansk industri');
    await waitFor(() => expect(listedNames()).toEqual(['DI Horsens']));
  });

  it('filters by sector, in the URL, and sorts by sector', async () => {
    const { user, router } = renderApp('/organizations');
    await screen.findByText('15 organisationer');
    await user.click(screen.getByRole('combobox', { name: 'Sektor' }));
    await user.click(await screen.findByRole('option', { name: 'Uddannelse og viden' }));
    expect(await screen.findByText('4 organisationer matcher')).toBeInTheDocument();
    expect(listedNames()).toEqual(['Horsens Statsskole', 'Learnmark', 'VIA UC', 'Vitus Bering Park']);
    expect(router.state.location.search).toMatchObject({ sector: 'education' });

    await user.click(screen.getByRole('combobox', { name: 'Sektor' }));
    await user.click(await screen.findByRole('option', { name: 'Alle sektorer' }));
    await screen.findByText('15 organisationer');
    await user.click(screen.getByRole('button', { name: /^Sektor/ }));
    // The council's own order: municipality first.
    await waitFor(() => expect(listedNames()[0]).toBe('Horsens Kommune'));
    expect(router.state.location.search).toMatchObject({ sort: 'sector' });
  });

  it('shows an error with a retry when the list cannot be loaded, and recovers', async () => {
    let failing = true;
    server.use(
      http.get('*/api/organizations', () =>
        failing
          ? HttpResponse.json(
              { type: '/problems/internal', title: 'Internal server error', status: 500 },
              { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : undefined,
      ),
    );
    const { user } = renderApp('/organizations');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Organisationerne kunne ikke hentes. Der skete en fejl på serveren.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByText('15 organisationer')).toBeInTheDocument();
  });
});

describe('creating an organisation', SLOW, () => {
  it('creates an organisation with other names, after Danish validation messages', async () => {
    const { store } = await freshBackend();
    const { user } = renderApp('/organizations');
    await screen.findByText('15 organisationer');
    await user.click(screen.getByRole('button', { name: 'Ny organisation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny organisation' });
    await user.click(within(dialog).getByRole('button', { name: 'Tilføj andet navn' }));
    await user.click(within(dialog).getByRole('button', { name: 'Opret organisation' }));
    expect(within(dialog).getByRole('textbox', { name: 'Navn' })).toHaveAccessibleDescription('Skal udfyldes.');
    expect(within(dialog).getByRole('combobox', { name: /Sektor/ })).toHaveAccessibleDescription('Vælg en af mulighederne.');
    expect(within(dialog).getByRole('textbox', { name: 'Andet navn 1' })).toHaveAccessibleDescription('Skal udfyldes.');

    await user.type(within(dialog).getByRole('textbox', { name: 'Navn' }), 'Testorganisation Eksempel');
    await user.click(within(dialog).getByRole('combobox', { name: /Sektor/ }));
    await user.click(await screen.findByRole('option', { name: 'Erhvervslivet' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Andet navn 1' }), 'Testorg');
    await user.click(within(dialog).getByRole('button', { name: 'Tilføj andet navn' }));
    expect(within(dialog).getByRole('textbox', { name: 'Andet navn 2' })).toHaveFocus();
    await user.keyboard('Eksempel ApS');
    await user.click(within(dialog).getByRole('button', { name: 'Tilføj andet navn' }));
    await user.keyboard('Skal fjernes');
    await user.click(within(dialog).getByRole('button', { name: 'Fjern Skal fjernes' }));
    await user.click(within(dialog).getByRole('button', { name: 'Opret organisation' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Testorganisation Eksempel' })).toBeInTheDocument();
    expect(screen.getByText('Testorganisation Eksempel er oprettet.')).toBeInTheDocument();
    expect(screen.getByText(/Testorg\s+Eksempel ApS/)).toBeInTheDocument();
    const created = (await store.organizations.list()).find((o) => o.name === 'Testorganisation Eksempel');
    expect(created).toMatchObject({ sector: 'business', otherNames: ['Testorg', 'Eksempel ApS'] });

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    expect((await store.organizations.list()).some((o) => o.name === 'Testorganisation Eksempel')).toBe(false);
  });
});

describe('organisation page', SLOW, () => {
  it("lists Horsens Kommune's seats and its 5 representatives", async () => {
    const { organization } = await seededOrganization('Horsens Kommune');
    renderApp(`/organizations/${organization.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Horsens Kommune' })).toBeInTheDocument();
    expect(screen.getByText('Kommunen', { selector: 'dd' })).toBeInTheDocument();

    const seats = screen.getByRole('region', { name: 'Pladser, organisationen indstiller til' });
    expect(await within(seats).findByText('5 pladser')).toBeInTheDocument();
    expect(within(seats).getByRole('heading', { level: 3, name: /Periode 2018-2021/ })).toBeInTheDocument();
    expect(within(seats).getAllByRole('link', { name: /^Horsens Kommune \d$/ })).toHaveLength(5);

    const reps = screen.getByRole('region', { name: 'Repræsentanter' });
    expect(await within(reps).findByText('5 personer')).toBeInTheDocument();
    const rows = within(reps).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    const expected = REPRESENTATIVES.filter(([, , org]) => org === 'Horsens Kommune');
    for (const [name, title] of expected) {
      const row = await within(reps).findByRole('row', { name: new RegExp(name) });
      expect(row).toHaveTextContent(title);
      expect(row).toHaveTextContent('1. januar 2018');
      expect(row).toHaveTextContent('Tidligere');
    }
  });

  it('marks the representatives who hold their seat today', async () => {
    const { store, organization } = await seededOrganization('Learnmark');
    const year = Number(new Date().toISOString().slice(0, 4));
    const term = await store.terms.insert({ label: 'Testperiode', startDate: `${year - 1}-01-01`, endDate: `${year + 2}-12-31` });
    const [seat] = await store.seats.list({ nominatingOrganizationId: organization.id });
    const newSeat = await store.seats.insert({ ...seat!, termId: term.id, label: 'Learnmark (ny periode)' });
    const person = await store.people.insert({ name: 'Testperson Nuværende', email: null, phone: null, notes: '' });
    // No organisation named: it counts for the seat's nominator.
    await store.memberships.insert({
      seatId: newSeat.id,
      personId: person.id,
      organizationId: null,
      role: 'chair',
      title: 'Direktør',
      startDate: `${year - 1}-01-01`,
      endDate: null,
      endReason: null,
      decidedOn: null,
      source: null,
      endDecidedOn: null,
      endSource: null,
    });
    renderApp(`/organizations/${organization.id}`);
    const reps = await screen.findByRole('region', { name: 'Repræsentanter' });
    const row = await within(reps).findByRole('row', { name: /Testperson Nuværende/ });
    expect(row).toHaveTextContent('Formand, Direktør');
    await waitFor(() => expect(row).toHaveTextContent('Nuværende'));
    expect(within(reps).getAllByRole('row').slice(1)[0]).toBe(row);
    expect(within(reps).getByRole('row', { name: /Niels Yde/ })).toHaveTextContent('Tidligere');
  });

  it('refuses to delete an organisation in use, and says why', async () => {
    const { store, organization } = await seededOrganization('Horsens Kommune');
    const { user } = renderApp(`/organizations/${organization.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Horsens Kommune' });
    await user.click(screen.getByRole('button', { name: 'Slet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slet Horsens Kommune?' });
    await user.click(within(dialog).getByRole('button', { name: 'Slet organisation' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Det strider mod:');
    expect(alert).toHaveTextContent('Posten er i brug: Horsens Kommune 1');
    expect(within(alert).getByRole('link', { name: 'Horsens Kommune 1' })).toHaveAttribute('href', expect.stringMatching(/^\/seats\//));
    expect(dialog).toHaveTextContent('Horsens Kommune indstiller pladser eller har repræsentanter og kan ikke slettes.');
    expect(await store.organizations.get(organization.id)).toBeDefined();
  });

  it('edits the other names of an organisation', async () => {
    const { store, organization } = await seededOrganization('LO Horsens-Hedensted');
    const { user } = renderApp(`/organizations/${organization.id}`);
    await screen.findByRole('heading', { level: 1, name: 'LO Horsens-Hedensted' });
    await user.click(screen.getByRole('button', { name: 'Rediger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rediger LO Horsens-Hedensted' });
    expect(within(dialog).getByRole('textbox', { name: 'Andet navn 1' })).toHaveValue('LO Horsens Hedensted');
    await user.click(within(dialog).getByRole('button', { name: 'Tilføj andet navn' }));
    await user.keyboard('Fagbevægelsen Horsens');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(await screen.findByText('Ændringerne af LO Horsens-Hedensted er gemt.')).toBeInTheDocument();
    expect((await store.organizations.get(organization.id))?.otherNames).toEqual(['LO Horsens Hedensted', 'Fagbevægelsen Horsens']);
    expect(await screen.findByText('LO Horsens Hedensted Fagbevægelsen Horsens')).toBeInTheDocument();

    // The edit is in the organisation's history: the names before and after, and who.
    const history = screen.getByRole('region', { name: 'Historik' });
    expect(await within(history).findByText('2 ændringer')).toBeInTheDocument();
    const change = within(history).getByText(/^Andre navne:/);
    expect(change).toHaveTextContent('Andre navne: LO Horsens Hedensted → LO Horsens Hedensted, Fagbevægelsen Horsens');
    expect(change.closest('ol > li')).toHaveTextContent(/^Ændret · .* · af admin@mock\.example/);
  });

  it("shows a change of name and sector in the organisation's history, with the sector translated", async () => {
    const { organization } = await seededOrganization('Bubblemedia');
    const response = await fetch(`/api/organizations/${organization.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${organization.version}"` },
      body: JSON.stringify({ name: 'Bubblemedia ApS', sector: 'education' }),
    });
    expect(response.status).toBe(200);
    renderApp(`/organizations/${organization.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Bubblemedia ApS' });
    const history = screen.getByRole('region', { name: 'Historik' });
    expect(await within(history).findByText(/^Navn:/)).toHaveTextContent('Navn: Bubblemedia → Bubblemedia ApS');
    expect(within(history).getByText(/^Sektor:/)).toHaveTextContent('Sektor: Erhvervslivet → Uddannelse og viden');
    expect(within(history).queryByText(/education|business/)).not.toBeInTheDocument();
    expect(within(history).getByText(/^Sektor:/).closest('ol > li')).toHaveTextContent(/af admin@mock\.example/);
  });
});
