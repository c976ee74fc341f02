import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';
import { dialogClosed, openRowAction, pickPerson, rowOf, rowOfSeat, setDate } from './test-utils';

type Store = Awaited<ReturnType<typeof useFreshBackend>>['store'];

async function membershipOf(store: Store, name: string) {
  const person = (await store.people.list()).find((p) => p.name === name);
  const [membership] = await store.memberships.list({ personId: person!.id });
  return membership!;
}

/** Charlotte Lyrskov leaves Horsens Kommune 4 after 31 May 2019: the seat is vacant from 1 June. */
async function arrangeVacancy(store: Store) {
  const { id, version: _v, ...data } = await membershipOf(store, 'Charlotte Lyrskov');
  await store.memberships.update(id, { ...data, endDate: '2019-05-31', endReason: 'Fratrådt' });
}

const SEAT = 'Horsens Kommune 4';

describe('vacate a seat', { timeout: 20_000 }, () => {
  it('ends a membership with a reason: the roster shows the seat vacant from the next day, and undo restores it', async () => {
    const { store } = await useFreshBackend();
    const { user } = renderApp('/roster?asOf=2019-06-01');
    const dialog = await openRowAction(user, await rowOf('Charlotte Lyrskov'), 'Fratræd');
    expect(within(dialog).getByRole('heading', { name: `Charlotte Lyrskov fratræder ${SEAT}` })).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Sidste dag/)).toHaveValue('2019-06-01');
    expect(dialog).toHaveTextContent('1. juni 2019 er sidste dag for Charlotte Lyrskov. Pladsen er ledig fra 2. juni 2019.');
    await user.type(within(dialog).getByRole('textbox', { name: /^Årsag/ }), 'Nyt job');
    setDate(/^Besluttet den/, '2019-05-20', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: /^Link til beslutningen/ }), 'https://example.org/referat/2019-05-20');
    await user.click(within(dialog).getByRole('button', { name: 'Fratræd' }));
    expect(
      await screen.findByText(`Charlotte Lyrskov fratræder ${SEAT} med 1. juni 2019 som sidste dag. Pladsen er ledig fra 2. juni 2019.`),
    ).toBeInTheDocument();
    await dialogClosed();
    // Still the holder on her last day…
    expect(await rowOfSeat(SEAT)).toHaveTextContent('Charlotte Lyrskov');
    // …and vacant the day after.
    setDate(/^Pr\. dato/, '2019-06-02');
    await waitFor(async () => expect(await rowOfSeat(SEAT)).toHaveTextContent('Ledig'));
    expect(await rowOfSeat(SEAT)).not.toHaveTextContent('Charlotte Lyrskov');
    expect(screen.getByText('22 pladser · 21 besat · 1 ledig')).toBeInTheDocument();
    const ended = await membershipOf(store, 'Charlotte Lyrskov');
    expect([ended.endDate, ended.endReason, ended.endDecidedOn, ended.endSource]).toEqual([
      '2019-06-01',
      'Nyt job',
      '2019-05-20',
      'https://example.org/referat/2019-05-20',
    ]);

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(async () => expect(await rowOfSeat(SEAT)).toHaveTextContent('Charlotte Lyrskov'));
    const reopened = await membershipOf(store, 'Charlotte Lyrskov');
    expect([reopened.endDate, reopened.endReason]).toEqual([null, null]);
  });

  it('asks in Danish, next to the fields, for the reason and for a last day after the start', async () => {
    await useFreshBackend();
    const { user } = renderApp('/roster?asOf=2019-06-01');
    const dialog = await openRowAction(user, await rowOf('Charlotte Lyrskov'), 'Fratræd');
    await user.click(within(dialog).getByRole('button', { name: 'Fratræd' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: /^Årsag/ })).toHaveAccessibleDescription('Skal udfyldes.'),
    );
    await user.type(within(dialog).getByRole('textbox', { name: /^Årsag/ }), 'Nyt job');
    setDate(/^Sidste dag/, '2017-12-31', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Fratræd' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Sidste dag/)).toHaveAccessibleDescription(
        'Kan ikke ligge før medlemskabets start (1. januar 2018).',
      ),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});

describe('assign a seat', { timeout: 20_000 }, () => {
  it('assigns a person to a vacant seat, found without diacritics, and undo makes the seat vacant again', async () => {
    const { store } = await useFreshBackend();
    await arrangeVacancy(store);
    await store.people.insert({ name: 'Testperson Ærø Eksempelsen', email: null, phone: null, notes: '' });
    const { user } = renderApp('/roster?asOf=2019-06-01');
    expect(await rowOfSeat(SEAT)).toHaveTextContent('Ledig');
    const dialog = await openRowAction(user, await rowOfSeat(SEAT), 'Tildel plads');
    expect(within(dialog).getByRole('heading', { name: `Tildel ${SEAT}` })).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Startdato/)).toHaveValue('2019-06-01');
    expect(within(dialog).getByRole('combobox', { name: /^På vegne af/ })).toHaveTextContent('Horsens Kommune');
    await pickPerson(user, dialog, 'aero eksemp', 'Testperson Ærø Eksempelsen');
    await user.type(within(dialog).getByRole('textbox', { name: 'Titel' }), 'Direktør, Teknik og Miljø');
    await user.click(within(dialog).getByRole('button', { name: 'Tildel plads' }));

    expect(
      await screen.findByText(`Testperson Ærø Eksempelsen har fået pladsen ${SEAT} fra 1. juni 2019.`),
    ).toBeInTheDocument();
    await waitFor(async () => expect(await rowOfSeat(SEAT)).toHaveTextContent('Testperson Ærø Eksempelsen'));
    expect(await rowOfSeat(SEAT)).toHaveTextContent('Direktør, Teknik og Miljø');
    expect(screen.getByText('22 pladser · 22 besat · 0 ledige')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(async () => expect(await rowOfSeat(SEAT)).toHaveTextContent('Ledig'));
    expect((await store.memberships.list()).filter((m) => m.startDate === '2019-06-01')).toEqual([]);
  });

  it('refuses a start that overlaps the former holder, naming her with a link', async () => {
    const { store } = await useFreshBackend();
    await arrangeVacancy(store);
    await store.people.insert({ name: 'Testperson Eksempelsen', email: null, phone: null, notes: '' });
    const { user } = renderApp('/roster?asOf=2019-06-01');
    const dialog = await openRowAction(user, await rowOfSeat(SEAT), 'Tildel plads');
    await pickPerson(user, dialog, 'testperson', 'Testperson Eksempelsen');
    setDate(/^Startdato/, '2019-05-01', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Tildel plads' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Ændringen blev ikke gemt.');
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        `Pladsen har allerede en indehaver i perioden: Charlotte Lyrskov, ${SEAT}, 1. januar 2018 – 31. maj 2019`,
      ),
    );
    const charlotte = (await store.people.list()).find((p) => p.name === 'Charlotte Lyrskov')!;
    expect(within(alert).getByRole('link', { name: 'Charlotte Lyrskov' })).toHaveAttribute('href', `/people/${charlotte.id}`);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('creates a new person from the picker, with a Danish message for a wrong phone number, and assigns them', async () => {
    const { store } = await useFreshBackend();
    await arrangeVacancy(store);
    const { user } = renderApp('/roster?asOf=2019-06-01');
    const dialog = await openRowAction(user, await rowOfSeat(SEAT), 'Tildel plads');
    await pickPerson(user, dialog, 'Testperson Nyoprettet', 'Opret ny person "Testperson Nyoprettet"');
    const group = within(dialog).getByRole('group', { name: 'Opret ny person' });
    expect(within(group).getByRole('textbox', { name: /^Navn/ })).toHaveValue('Testperson Nyoprettet');
    await user.type(within(group).getByRole('textbox', { name: 'E-mail' }), 'testperson@example.org');
    await user.type(within(group).getByRole('textbox', { name: 'Telefon' }), '12');
    await user.click(within(group).getByRole('button', { name: 'Opret person' }));
    await waitFor(() =>
      expect(within(group).getByRole('textbox', { name: 'Telefon' })).toHaveAccessibleDescription(
        'Ikke et dansk telefonnummer (8 cifre, evt. +45).',
      ),
    );
    await user.type(within(group).getByRole('textbox', { name: 'Telefon' }), '345678');
    await user.click(within(group).getByRole('button', { name: 'Opret person' }));
    await waitFor(() => expect(within(dialog).queryByRole('group', { name: 'Opret ny person' })).not.toBeInTheDocument());
    expect(within(dialog).getByRole('combobox', { name: /Person/ })).toHaveValue('Testperson Nyoprettet');

    await user.click(within(dialog).getByRole('button', { name: 'Tildel plads' }));
    await screen.findByText(`Testperson Nyoprettet har fået pladsen ${SEAT} fra 1. juni 2019.`);
    await waitFor(async () => expect(await rowOfSeat(SEAT)).toHaveTextContent('Testperson Nyoprettet'));
    const created = (await store.people.list()).find((p) => p.name === 'Testperson Nyoprettet');
    expect(created).toMatchObject({ email: 'testperson@example.org', phone: '12345678' });
  });

  it('asks for the person in Danish when none is picked', async () => {
    await arrangeVacancy((await useFreshBackend()).store);
    const { user } = renderApp('/roster?asOf=2019-06-01');
    const dialog = await openRowAction(user, await rowOfSeat(SEAT), 'Tildel plads');
    await user.click(within(dialog).getByRole('button', { name: 'Tildel plads' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('combobox', { name: /Person/ })).toHaveAccessibleDescription('Skal udfyldes.'),
    );
  });
});
