import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
// Not a React hook: it resets the mocked API to a freshly seeded backend and returns its store.
import { server, useFreshBackend as freshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';

// Whole pages with typing and navigation take several seconds on a busy machine.
const SLOW = { timeout: 20_000 };

async function seededPerson(name: string) {
  const backend = await freshBackend();
  const person = (await backend.store.people.list()).find((p) => p.name === name)!;
  return { ...backend, person };
}

describe('person page', SLOW, () => {
  it('shows every membership as a timeline, a role or title change as one chain', async () => {
    const { store, person } = await seededPerson('Charlotte Lyrskov');
    const [first] = await store.memberships.list({ personId: person.id });
    // Her title changed on 1 March 2019: the first segment ends the day before, the next continues.
    await store.memberships.update(first!.id, { ...first!, endDate: '2019-02-28', endReason: 'changed' });
    await store.memberships.insert({
      ...first!,
      title: 'Direktør, Teknik og Miljø',
      startDate: '2019-03-01',
      endDate: '2020-06-30',
      endReason: 'Nyt job',
      decidedOn: '2019-02-12',
      source: 'https://example.org/referat-2019-02-12',
    });

    renderApp(`/people/${person.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Charlotte Lyrskov' })).toBeInTheDocument();
    const timeline = screen.getByRole('region', { name: 'Medlemskaber' });
    expect(await within(timeline).findByText('2 medlemskaber')).toBeInTheDocument();
    // One run on one seat, with the seat's body and term, the newest segment first.
    const seatHeading = await within(timeline).findByRole('heading', { level: 3, name: 'Horsens Kommune 4' });
    expect(within(seatHeading).getByRole('link')).toHaveAttribute('href', expect.stringMatching(/^\/seats\//));
    expect(await within(timeline).findByText(/Horsens Alliancen/)).toBeInTheDocument();
    const run = seatHeading.closest('li')!;
    const segments = within(run).getAllByRole('listitem');
    expect(segments).toHaveLength(2);
    expect(segments[0]).toHaveTextContent('Medlem · Direktør, Teknik og Miljø');
    expect(segments[0]).toHaveTextContent('1. marts 2019 – 30. juni 2020');
    expect(segments[0]).toHaveTextContent('Ny rolle eller titel fra 1. marts 2019');
    expect(segments[0]).toHaveTextContent('Ophør:Nyt job');
    expect(segments[0]).toHaveTextContent('Besluttet:12. februar 2019');
    expect(within(segments[0]!).getByRole('link', { name: 'Se beslutningen' })).toHaveAttribute(
      'href',
      'https://example.org/referat-2019-02-12',
    );
    expect(segments[1]).toHaveTextContent('Medlem · Konst. direktør, Teknik og Miljø');
    expect(segments[1]).toHaveTextContent('1. januar 2018 – 28. februar 2019');
    expect(segments[1]).toHaveTextContent('Ophør:Ny rolle eller titel');
    expect(segments[1]).toHaveTextContent('På vegne af:Horsens Kommune');
  });

  it('still shows the timeline when its seats cannot be read, and says which seat is unknown', async () => {
    const { person } = await seededPerson('Charlotte Lyrskov');
    server.use(http.get('*/api/seats', () => HttpResponse.json({ type: 'about:blank', title: 'Error', status: 500 }, { status: 500 })));

    renderApp(`/people/${person.id}`);
    const timeline = await screen.findByRole('region', { name: 'Medlemskaber' });
    const seatHeading = await within(timeline).findByRole('heading', { level: 3, name: 'Pladsen kunne ikke hentes' });
    const run = seatHeading.closest('li')!;
    expect(within(run).getAllByRole('listitem')[0]).toHaveTextContent('På vegne af:Horsens Kommune');
  });

  it('shows an open-ended membership of an ended term as ending with the term', async () => {
    const { person } = await seededPerson('Martin Ravn');
    renderApp(`/people/${person.id}`);
    const timeline = await screen.findByRole('region', { name: 'Medlemskaber' });
    // The seeded term 2018-2021 is over (these tests run after 2021).
    expect(await within(timeline).findByText('1. januar 2018 – 31. december 2021')).toBeInTheDocument();
  });

  it('edits a person, records it in the history, and undoes the edit', async () => {
    const { store, person } = await seededPerson('Martin Ravn');
    const { user } = renderApp(`/people/${person.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Martin Ravn' });
    await user.click(screen.getByRole('button', { name: 'Rediger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rediger Martin Ravn' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Telefon' }), '20 30 40');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(within(dialog).getByRole('textbox', { name: 'Telefon' })).toHaveAccessibleDescription(
      'Ikke et dansk telefonnummer (8 cifre, evt. +45).',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Telefon' }), ' 50');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));

    expect(await screen.findByText('Ændringerne af Martin Ravn er gemt.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: '20 30 40 50' })).toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'Historik' });
    expect(await within(history).findByText('Telefon:', { exact: false })).toHaveTextContent('Telefon: (tom) → 20 30 40 50');
    expect((await store.people.get(person.id))?.phone).toBe('20 30 40 50');

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: '20 30 40 50' })).not.toBeInTheDocument());
    expect((await store.people.get(person.id))?.phone).toBeNull();
  });

  it('refuses a stale edit and offers to load the latest version', async () => {
    const { store, person } = await seededPerson('Mette Frost');
    const { user } = renderApp(`/people/${person.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Mette Frost' });
    await user.click(screen.getByRole('button', { name: 'Rediger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rediger Mette Frost' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Telefon' }), '20304050');

    // Someone else saves an email address while the dialog is open.
    const current = (await store.people.get(person.id))!;
    await store.people.update(person.id, { ...current, email: 'mette@example.org' });

    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Ændringen blev ikke gemt.');
    expect(alert).toHaveTextContent('En anden har ændret posten, mens du redigerede.');
    await user.click(within(alert).getByRole('button', { name: 'Hent nyeste udgave' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'E-mail' })).toHaveValue('mette@example.org'));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: 'Telefon' }), '20304050');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(await screen.findByText('Ændringerne af Mette Frost er gemt.')).toBeInTheDocument();
    const saved = (await store.people.get(person.id))!;
    expect(saved).toMatchObject({ email: 'mette@example.org', phone: '20304050' });
  });

  it('refuses to delete a person who holds a seat, and says why', async () => {
    const { store, person } = await seededPerson('Peter Sørensen');
    const { user } = renderApp(`/people/${person.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Peter Sørensen' });
    await user.click(screen.getByRole('button', { name: 'Slet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slet Peter Sørensen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Slet person' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Det strider mod:');
    await waitFor(() => expect(alert).toHaveTextContent('Posten er i brug: Peter Sørensen, Horsens Kommune 1, fra 1. januar 2018'));
    expect(dialog).toHaveTextContent('Peter Sørensen har medlemskaber og kan ikke slettes.');
    expect(await store.people.get(person.id)).toBeDefined();
  });

  it('deletes a person without memberships, and undoes the deletion', async () => {
    const { store } = await freshBackend();
    const person = await store.people.insert({ name: 'Testperson Sletsen', email: null, phone: '20304050', notes: '' });
    const { user, router } = renderApp(`/people/${person.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Testperson Sletsen' });
    expect(await screen.findByText('Personen har ikke haft nogen plads.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Slet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Slet Testperson Sletsen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Slet person' }));

    expect(await screen.findByText('Testperson Sletsen er slettet.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/people'));
    expect(await store.people.get(person.id)).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Testperson Sletsen' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '20304050' })).toBeInTheDocument();
    expect((await store.people.list()).filter((p) => p.name === 'Testperson Sletsen')).toHaveLength(1);
  });

  it('shows an error with a retry when the person cannot be loaded, and recovers', async () => {
    const { person } = await seededPerson('Niels Yde');
    let failing = true;
    server.use(
      http.get('*/api/people/:id', () =>
        failing
          ? HttpResponse.json(
              { type: '/problems/internal', title: 'Internal server error', status: 500 },
              { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : undefined,
      ),
    );
    const { user } = renderApp(`/people/${person.id}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Personen kunne ikke hentes. Der skete en fejl på serveren.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Niels Yde' })).toBeInTheDocument();
  });

  it('says when a person does not exist', async () => {
    renderApp('/people/no-such-person');
    expect(await screen.findByRole('alert')).toHaveTextContent('Det, du leder efter, findes ikke (længere).');
  });
});
