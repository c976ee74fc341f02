import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';
import { dialogClosed, openRowAction, pickPerson, rowOfSeat, setDate } from './test-utils';

type Store = Awaited<ReturnType<typeof useFreshBackend>>['store'];

async function seatOf(store: Store, label: string) {
  const seat = (await store.seats.list()).find((s) => s.label === label);
  if (!seat) throw new Error(`no seat ${label}`);
  return seat;
}

async function personNamed(store: Store, name: string) {
  return (await store.people.list()).find((p) => p.name === name)!;
}

/** The history list's items, oldest first. */
function historyItems() {
  const section = screen.getByRole('region', { name: 'Historik' });
  return within(section).getAllByRole('listitem');
}

describe('seat page', { timeout: 20_000 }, () => {
  it('shows where the seat belongs, its holder on the date, and its history', async () => {
    const { store } = await useFreshBackend();
    const seat = await seatOf(store, 'Horsens Kommune 4');
    renderApp(`/seats/${seat.id}?asOf=2019-06-01`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Horsens Kommune 4' })).toBeInTheDocument();
    expect(await screen.findByText('Plads i Horsens Alliancen · periode 2018-2021')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Horsens Alliancen' })).toHaveAttribute('href', `/bodies/${seat.bodyId}`);
    expect(screen.getByRole('link', { name: '2018-2021' })).toHaveAttribute('href', `/terms/${seat.termId}`);
    expect(await screen.findByRole('link', { name: 'Horsens Kommune' })).toHaveAttribute(
      'href',
      `/organizations/${seat.nominatingOrganizationId}`,
    );
    expect(screen.getByText('Kommunen')).toBeInTheDocument();

    const holder = screen.getByRole('region', { name: 'Indehaver pr. 1. juni 2019' });
    const charlotte = await personNamed(store, 'Charlotte Lyrskov');
    expect(await within(holder).findByRole('link', { name: 'Charlotte Lyrskov' })).toHaveAttribute(
      'href',
      `/people/${charlotte.id}`,
    );
    expect(holder).toHaveTextContent('Medlem · Konst. direktør, Teknik og Miljø · Horsens Kommune');
    expect(within(holder).getByRole('button', { name: 'Skift rolle/titel' })).toBeInTheDocument();
    expect(within(holder).getByRole('button', { name: 'Udskift' })).toBeInTheDocument();
    expect(within(holder).getByRole('button', { name: 'Fratræd' })).toBeInTheDocument();
    expect(screen.getByText('1 medlemskab')).toBeInTheDocument();
    expect(historyItems()).toHaveLength(1);
  });

  it('replaces the holder mid-term: the history reads "erstatter" and "erstattet af", and undo restores it', async () => {
    const { store } = await useFreshBackend();
    await store.people.insert({ name: 'Testperson Eksempelsen', email: null, phone: null, notes: '' });
    const seat = await seatOf(store, 'Horsens Kommune 4');
    const { user } = renderApp(`/seats/${seat.id}?asOf=2019-06-01`);
    const holder = await screen.findByRole('region', { name: 'Indehaver pr. 1. juni 2019' });
    await user.click(await within(holder).findByRole('button', { name: 'Udskift' }));
    const dialog = await screen.findByRole('dialog', { name: 'Udskift Charlotte Lyrskov på Horsens Kommune 4' });
    await pickPerson(user, dialog, 'eksempelsen', 'Testperson Eksempelsen');
    expect(dialog).toHaveTextContent(
      'Medlemskabet for Charlotte Lyrskov slutter 31. maj 2019, og Testperson Eksempelsen begynder 1. juni 2019.',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Direktør, Teknik og Miljø');
    setDate(/^Besluttet den/, '2019-05-15', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: 'Link til beslutningen' }), 'https://example.org/beslutning');
    await user.click(within(dialog).getByRole('button', { name: 'Udskift' }));

    expect(await screen.findByText('Testperson Eksempelsen erstatter Charlotte Lyrskov fra 1. juni 2019.')).toBeInTheDocument();
    await dialogClosed();
    await waitFor(() => expect(historyItems()).toHaveLength(2));
    const [before, after] = historyItems();
    expect(before).toHaveTextContent('Charlotte Lyrskov');
    expect(before).toHaveTextContent('1. januar 2018 – 31. maj 2019');
    expect(before).toHaveTextContent('Erstattet af Testperson Eksempelsen');
    expect(after).toHaveTextContent('Testperson Eksempelsen');
    expect(after).toHaveTextContent('fra 1. juni 2019');
    expect(after).toHaveTextContent('Erstatter Charlotte Lyrskov');
    expect(after).toHaveTextContent('Besluttet:15. maj 2019');
    expect(within(after!).getByRole('link', { name: 'Se beslutningen' })).toHaveAttribute('href', 'https://example.org/beslutning');
    expect(screen.getByRole('region', { name: 'Indehaver pr. 1. juni 2019' })).toHaveTextContent(
      'Medlem · Direktør, Teknik og Miljø · Horsens Kommune',
    );

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(() => expect(historyItems()).toHaveLength(1));
    expect(historyItems()[0]).toHaveTextContent('fra 1. januar 2018');
    expect(screen.getByRole('region', { name: 'Indehaver pr. 1. juni 2019' })).toHaveTextContent('Charlotte Lyrskov');
  });

  it('shows a role or title change as "fortsætter", with the holder of each date', async () => {
    const { store } = await useFreshBackend();
    const seat = await seatOf(store, 'Horsens Kommune 4');
    const { user } = renderApp(`/seats/${seat.id}?asOf=2019-03-01`);
    const holder = await screen.findByRole('region', { name: 'Indehaver pr. 1. marts 2019' });
    await user.click(await within(holder).findByRole('button', { name: 'Skift rolle/titel' }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });
    await user.clear(title);
    await user.type(title, 'Direktør, Teknik og Miljø');
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    await dialogClosed();
    await waitFor(() => expect(historyItems()).toHaveLength(2));
    const [before, after] = historyItems();
    expect(before).toHaveTextContent('Ny rolle eller titel fra 1. marts 2019');
    expect(after).toHaveTextContent('Fortsætter med ny rolle eller titel');
    expect(after).toHaveTextContent('Indehaver pr. 1. marts 2019');

    setDate(/^Pr\. dato/, '2019-02-28');
    const earlier = await screen.findByRole('region', { name: 'Indehaver pr. 28. februar 2019' });
    expect(earlier).toHaveTextContent('Konst. direktør, Teknik og Miljø');
  });

  it('leads from a membership address to its seat on the day it started', async () => {
    const { store } = await useFreshBackend();
    const seat = await seatOf(store, 'Horsens Kommune 4');
    const [membership] = await store.memberships.list({ seatId: seat.id });
    const { router } = renderApp(`/memberships/${membership!.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Horsens Kommune 4' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/seats/${seat.id}`);
    expect(router.state.location.search).toEqual({ asOf: '2018-01-01' });
    // The redirect replaced the membership address in the history.
    expect(router.history.length).toBe(1);
  });

  it("shows the seat record's changes from the audit trail, with names and sectors, not ids", async () => {
    const { store } = await useFreshBackend();
    const seat = await seatOf(store, 'Horsens Kommune 4');
    const business = (await store.organizations.list()).find((o) => o.name === 'Bubblemedia')!;
    // Someone edits the seat through the API (no signed-in user: the actor is anonymous).
    const response = await fetch(`/api/seats/${seat.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${seat.version}"` },
      body: JSON.stringify({ label: 'Horsens Kommune 4a', nominatingOrganizationId: business.id, reservedSector: 'business' }),
    });
    expect(response.status).toBe(200);

    renderApp(`/seats/${seat.id}?asOf=2019-06-01`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Horsens Kommune 4a' })).toBeInTheDocument();
    const changes = screen.getByRole('region', { name: 'Ændringer af pladsen' });
    expect(await within(changes).findByText('2 ændringer')).toBeInTheDocument();
    const [latest, created] = within(changes).getAllByRole('listitem').filter((li) => li.parentElement?.tagName === 'OL');
    expect(latest).toHaveTextContent(/^Ændret · .* · af admin@mock\.example/);
    expect(await within(latest!).findByText(/^Indstillende organisation:/)).toHaveTextContent(
      'Indstillende organisation: Horsens Kommune → Bubblemedia',
    );
    expect(within(latest!).getByText(/^Navn på pladsen:/)).toHaveTextContent('Navn på pladsen: Horsens Kommune 4 → Horsens Kommune 4a');
    expect(within(latest!).getByText(/^Reserveret sektor:/)).toHaveTextContent('Reserveret sektor: Kommunen → Erhvervslivet');
    expect(created).toHaveTextContent(/^Oprettet · .* · af systemet$/);
    // The membership history is still its own section.
    expect(historyItems()).toHaveLength(1);
  });

  it('says when the seat cannot be loaded, and recovers on retry', async () => {
    const { store } = await useFreshBackend();
    const seat = await seatOf(store, 'Horsens Kommune 4');
    let failing = true;
    server.use(
      http.get('*/api/seats/:id', () =>
        failing
          ? HttpResponse.json(
              { type: '/problems/internal', title: 'Internal server error', status: 500 },
              { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : undefined,
      ),
    );
    const { user } = renderApp(`/seats/${seat.id}?asOf=2019-06-01`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Pladsen kunne ikke hentes. Der skete en fejl på serveren.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Horsens Kommune 4' })).toBeInTheDocument();
  });

  it('says so when the seat does not exist', async () => {
    await useFreshBackend();
    renderApp('/seats/no-such-seat');
    expect(await screen.findByRole('alert')).toHaveTextContent('Pladsen kunne ikke hentes. Det, du leder efter, findes ikke (længere).');
  });

  it('reads in English', async () => {
    const { store } = await useFreshBackend();
    const seat = await seatOf(store, 'Horsens Kommune 4');
    renderApp(`/seats/${seat.id}?asOf=2019-06-01`, { language: 'en' });
    expect(await screen.findByText('Seat in Horsens Alliancen · term 2018-2021')).toBeInTheDocument();
    const holder = screen.getByRole('region', { name: 'Holder as of 1 June 2019' });
    expect(await within(holder).findByRole('button', { name: 'Change role/title' })).toBeInTheDocument();
    expect(screen.getByText('1 membership')).toBeInTheDocument();
  });
});

describe('forum seats', { timeout: 20_000 }, () => {
  async function arrangeForum(store: Store) {
    const forum = (await store.bodies.list()).find((b) => b.name === 'Erhvervstaskforce')!;
    const [term] = await store.terms.list();
    const business = (await store.organizations.list()).find((o) => o.name === 'BusinessHorsens')!;
    const first = await store.seats.insert({
      termId: term!.id,
      bodyId: forum.id,
      label: 'Erhvervstaskforce 1',
      nominatingOrganizationId: business.id,
      reservedSector: 'business', previousSeatId: null,
    });
    const second = await store.seats.insert({
      termId: term!.id,
      bodyId: forum.id,
      label: 'Erhvervstaskforce 2',
      nominatingOrganizationId: null,
      reservedSector: null, previousSeatId: null,
    });
    return { forum, first, second };
  }

  it('assigns a council member to a forum seat from its page, and makes them chair of the forum', async () => {
    const { store } = await useFreshBackend();
    const { first } = await arrangeForum(store);
    const { user } = renderApp(`/seats/${first.id}?asOf=2019-06-01`);
    const holder = await screen.findByRole('region', { name: 'Indehaver pr. 1. juni 2019' });
    expect(await within(holder).findByText('Pladsen er ledig pr. 1. juni 2019.')).toBeInTheDocument();
    await user.click(within(holder).getByRole('button', { name: 'Tildel plads' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tildel Erhvervstaskforce 1' });
    expect(within(dialog).getByRole('combobox', { name: /^På vegne af/ })).toHaveTextContent('BusinessHorsens');
    // A member of the council, found without the ø.
    await pickPerson(user, dialog, 'ulsoe', 'Bo Ulsøe');
    await user.click(within(dialog).getByRole('combobox', { name: /^Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Formand' }));
    await user.click(within(dialog).getByRole('button', { name: 'Tildel plads' }));
    await screen.findByText('Bo Ulsøe har fået pladsen Erhvervstaskforce 1 fra 1. juni 2019.');
    await dialogClosed();
    await waitFor(() => expect(screen.getByRole('region', { name: 'Indehaver pr. 1. juni 2019' })).toHaveTextContent('Bo Ulsøe'));
    expect(screen.getByRole('region', { name: 'Indehaver pr. 1. juni 2019' })).toHaveTextContent('Formand · BusinessHorsens');
  });

  it("assigns someone outside the council to a forum seat from the forum's roster, and vacates it", async () => {
    const { store } = await useFreshBackend();
    const { forum } = await arrangeForum(store);
    const { user } = renderApp(`/roster?bodyId=${forum.id}&asOf=2019-06-01`);
    await screen.findByText('2 pladser · 0 besat · 2 ledige');
    let dialog = await openRowAction(user, await rowOfSeat('Erhvervstaskforce 2'), 'Tildel plads');
    await pickPerson(user, dialog, 'Testperson Forum', 'Opret ny person "Testperson Forum"');
    const group = within(dialog).getByRole('group', { name: 'Opret ny person' });
    await user.click(within(group).getByRole('button', { name: 'Opret person' }));
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /Person/ })).toHaveValue('Testperson Forum'));
    await user.click(within(dialog).getByRole('button', { name: 'Tildel plads' }));
    await screen.findByText('Testperson Forum har fået pladsen Erhvervstaskforce 2 fra 1. juni 2019.');
    await waitFor(async () => expect(await rowOfSeat('Erhvervstaskforce 2')).toHaveTextContent('Testperson Forum'));
    expect(screen.getByText('2 pladser · 1 besat · 1 ledig')).toBeInTheDocument();

    dialog = await openRowAction(user, await rowOfSeat('Erhvervstaskforce 2'), 'Fratræd');
    setDate(/^Sidste dag/, '2019-09-30', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: /^Årsag/ }), 'Fratrådt');
    await user.click(within(dialog).getByRole('button', { name: 'Fratræd' }));
    await dialogClosed();
    setDate(/^Pr\. dato/, '2019-10-01');
    await waitFor(async () => expect(await rowOfSeat('Erhvervstaskforce 2')).toHaveTextContent('Ledig'));
  });
});
