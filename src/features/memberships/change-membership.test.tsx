import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';
import { openRowAction as openAction, rowOf, rowOfSeat, setDate } from './test-utils';

async function membershipOf(store: Store, name: string) {
  const [person] = (await store.people.list()).filter((p) => p.name === name);
  const [membership] = await store.memberships.list({ personId: person!.id });
  return { person: person!, membership: membership! };
}

type Store = Awaited<ReturnType<typeof useFreshBackend>>['store'];

const TITLE_BEFORE = 'Konst. direktør, Teknik og Miljø';
const TITLE_AFTER = 'Direktør, Teknik og Miljø';

describe('change role or title', { timeout: 20_000 }, () => {
  it("changes Charlotte Lyrskov's title from 1 March 2019, and the roster shows each title on its date", async () => {
    const { store } = await useFreshBackend();
    const { user } = renderApp('/roster?asOf=2019-03-01');
    const dialog = await openAction(user, await rowOf('Charlotte Lyrskov'), 'Skift rolle/titel');
    expect(within(dialog).getByRole('heading', { name: 'Skift rolle eller titel for Charlotte Lyrskov' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Gælder fra/)).toHaveValue('2019-03-01');
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });
    expect(title).toHaveValue(TITLE_BEFORE);
    await user.clear(title);
    await user.type(title, TITLE_AFTER);
    setDate(/^Besluttet den/, '2019-02-20', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: 'Link til beslutningen' }), 'https://example.org/referat');
    expect(dialog).toHaveTextContent(
      'Den nuværende rolle og titel gælder til og med 28. februar 2019; de nye gælder fra 1. marts 2019 på Horsens Kommune 4.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));

    expect(await screen.findByText('Ny rolle eller titel for Charlotte Lyrskov fra 1. marts 2019.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(async () => expect(await rowOf('Charlotte Lyrskov')).toHaveTextContent(TITLE_AFTER));

    setDate(/^Pr\. dato/, '2019-02-28');
    await waitFor(async () => expect(await rowOf('Charlotte Lyrskov')).toHaveTextContent(TITLE_BEFORE));
    setDate(/^Pr\. dato/, '2019-03-01');
    await waitFor(async () => expect(await rowOf('Charlotte Lyrskov')).toHaveTextContent(TITLE_AFTER));

    // Two segments, the second with the decision.
    const { person } = await membershipOf(store, 'Charlotte Lyrskov');
    const segments = (await store.memberships.list({ personId: person.id })).sort((a, b) => a.startDate.localeCompare(b.startDate));
    expect(segments.map((m) => [m.startDate, m.endDate, m.title, m.decidedOn, m.source])).toEqual([
      ['2018-01-01', '2019-02-28', TITLE_BEFORE, null, null],
      ['2019-03-01', null, TITLE_AFTER, '2019-02-20', 'https://example.org/referat'],
    ]);
  });

  it('undoes the change: the roster shows the former title again and one segment remains', async () => {
    const { store } = await useFreshBackend();
    const { user } = renderApp('/roster?asOf=2019-03-01');
    const dialog = await openAction(user, await rowOf('Charlotte Lyrskov'), 'Skift rolle/titel');
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });
    await user.clear(title);
    await user.type(title, TITLE_AFTER);
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    await waitFor(async () => expect(await rowOf('Charlotte Lyrskov')).toHaveTextContent(TITLE_AFTER));

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(async () => expect(await rowOf('Charlotte Lyrskov')).toHaveTextContent(TITLE_BEFORE));
    const { person } = await membershipOf(store, 'Charlotte Lyrskov');
    const segments = await store.memberships.list({ personId: person.id });
    expect(segments.map((m) => [m.startDate, m.endDate, m.title])).toEqual([['2018-01-01', null, TITLE_BEFORE]]);
  });

  it('makes a member the chair, and refuses a second chair naming the first', async () => {
    await useFreshBackend();
    const { user } = renderApp('/roster?asOf=2019-03-01');
    let dialog = await openAction(user, await rowOf('Bo Ulsøe'), 'Skift rolle/titel');
    await user.click(within(dialog).getByRole('combobox', { name: /^Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Formand' }));
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    await screen.findByText('Ny rolle eller titel for Bo Ulsøe fra 1. marts 2019.');
    await waitFor(async () => expect(await rowOf('Bo Ulsøe')).toHaveTextContent('Formand'));

    dialog = await openAction(user, await rowOf('Martin Ravn'), 'Skift rolle/titel');
    setDate(/^Gælder fra/, '2019-06-01', dialog);
    await user.click(within(dialog).getByRole('combobox', { name: /^Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Formand' }));
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Ændringen blev ikke gemt.');
    expect(alert).toHaveTextContent('Det strider mod:');
    await waitFor(() =>
      expect(alert).toHaveTextContent('Der er allerede en formand i perioden: Bo Ulsøe, BusinessHorsens 1, fra 1. marts 2019'),
    );
    expect(within(alert).getByRole('link', { name: 'Bo Ulsøe' })).toHaveAttribute('href', expect.stringMatching(/^\/people\//));
    // The rule is also shown next to the field it is about.
    expect(within(dialog).getByRole('combobox', { name: /^Rolle/ })).toHaveAccessibleDescription(
      'Der er allerede en formand i perioden',
    );
  });

  it('shows a Danish message next to a missing effective date', async () => {
    await useFreshBackend();
    const { user } = renderApp('/roster?asOf=2019-03-01');
    const dialog = await openAction(user, await rowOf('Charlotte Lyrskov'), 'Skift rolle/titel');
    setDate(/^Gælder fra/, '', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/^Gælder fra/)).toHaveAccessibleDescription('Skal udfyldes.'));
    expect(within(dialog).getByLabelText(/^Gælder fra/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses a date before the membership starts, and a change that changes nothing, before asking the server', async () => {
    await useFreshBackend();
    const { user } = renderApp('/roster?asOf=2019-03-01');
    const dialog = await openAction(user, await rowOf('Charlotte Lyrskov'), 'Skift rolle/titel');
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    expect(await within(dialog).findByText('Angiv en ny rolle eller titel.')).toBeInTheDocument();
    setDate(/^Gælder fra/, '2018-01-01', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    expect(await within(dialog).findByText('Skal ligge efter medlemskabets start (1. januar 2018).')).toBeInTheDocument();
  });

  it('says when someone else changed the membership first, and saves after reloading', async () => {
    const { store } = await useFreshBackend();
    const { user } = renderApp('/roster?asOf=2019-03-01');
    const dialog = await openAction(user, await rowOf('Charlotte Lyrskov'), 'Skift rolle/titel');
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });
    await user.clear(title);
    await user.type(title, TITLE_AFTER);
    // A colleague records the decision meanwhile.
    const { membership } = await membershipOf(store, 'Charlotte Lyrskov');
    const { id: _id, version: _version, ...data } = membership;
    await store.memberships.update(membership.id, { ...data, decidedOn: '2017-12-01' });

    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('En anden har ændret posten, mens du redigerede. Hent den nyeste udgave, og ret igen.');
    await user.click(within(alert).getByRole('button', { name: 'Hent nyeste udgave' }));
    await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument());
    expect(title).toHaveValue(TITLE_AFTER);
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    expect(await screen.findByText('Ny rolle eller titel for Charlotte Lyrskov fra 1. marts 2019.')).toBeInTheDocument();
    await waitFor(async () => expect(await rowOf('Charlotte Lyrskov')).toHaveTextContent(TITLE_AFTER));
  });

  it('shows a server error in the dialog and keeps what was typed', async () => {
    await useFreshBackend();
    server.use(
      http.post('*/api/memberships/:id/change', () =>
        HttpResponse.json(
          { type: '/problems/internal', title: 'Internal server error', status: 500 },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderApp('/roster?asOf=2019-03-01');
    const dialog = await openAction(user, await rowOf('Charlotte Lyrskov'), 'Skift rolle/titel');
    const title = within(dialog).getByRole('textbox', { name: 'Titel' });
    await user.clear(title);
    await user.type(title, TITLE_AFTER);
    await user.click(within(dialog).getByRole('button', { name: 'Gem skift' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Ændringen blev ikke gemt.');
    expect(alert).toHaveTextContent('Der skete en fejl på serveren.');
    expect(title).toHaveValue(TITLE_AFTER);
    await user.click(within(dialog).getByRole('button', { name: 'Annuller' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await rowOf('Charlotte Lyrskov')).toHaveTextContent(TITLE_BEFORE);
  });

  it('links the seat label on the roster to the seat page', async () => {
    await useFreshBackend();
    const { user, router } = renderApp('/roster?asOf=2019-03-01');
    const row = await rowOfSeat('Horsens Kommune 4');
    await user.click(within(row).getAllByRole('link', { name: 'Horsens Kommune 4' })[0]!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Horsens Kommune 4' })).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/seats\//);
    expect(router.state.location.search).toMatchObject({ asOf: '2019-03-01' });
  });
});
