import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
// Not a React hook: it resets the mocked API to a freshly seeded backend and returns its store.
import { useFreshBackend as freshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';

describe('personal data on the person page', { timeout: 20_000 }, () => {
  it('offers the export as a download of everything held about the person', async () => {
    const { store } = await freshBackend();
    const person = (await store.people.list()).find((p) => p.name === 'Martin Ravn')!;
    renderApp(`/people/${person.id}`);
    const section = await screen.findByRole('region', { name: 'Persondata' });
    const link = within(section).getByRole('link', { name: 'Hent persondata (JSON)' });
    expect(link).toHaveAttribute('href', `/api/people/${person.id}/export`);
    expect(link).toHaveAttribute('download');
  });

  it('anonymises only after the name is typed, everywhere, and says it cannot be undone', async () => {
    const user = userEvent.setup();
    const { store } = await freshBackend();
    const person = (await store.people.list()).find((p) => p.name === 'Martin Ravn')!;
    await store.people.update(person.id, { ...person, email: 'martin.testdata@example.org' }, person.version);
    renderApp(`/people/${person.id}`);
    await user.click(await screen.findByRole('button', { name: 'Anonymisér' }));
    const dialog = await screen.findByRole('dialog', { name: 'Anonymisér Martin Ravn?' });
    expect(dialog).toHaveTextContent('Det kan ikke fortrydes.');
    await user.type(within(dialog).getByRole('textbox', { name: 'Skriv "Martin Ravn" for at bekræfte' }), 'Martin');
    await user.click(within(dialog).getByRole('button', { name: 'Anonymisér for altid' }));
    expect(await within(dialog).findByText('Skriv navnet præcis, som det står.')).toBeInTheDocument();
    expect((await store.people.get(person.id))?.name).toBe('Martin Ravn');

    await user.type(within(dialog).getByRole('textbox', { name: /Skriv "Martin Ravn"/ }), ' Ravn');
    await user.click(within(dialog).getByRole('button', { name: 'Anonymisér for altid' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Anonymiseret person 1' })).toBeInTheDocument();
    expect(await screen.findByText('Personen er anonymiseret som Anonymiseret person 1.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Anonymisér' })).toBeDisabled();
    expect(JSON.stringify(await store.exportAll())).not.toMatch(/Martin Ravn|martin\.testdata/);
  });

  it('lists people without a seat for review, from the people page', async () => {
    const user = userEvent.setup();
    const { store } = await freshBackend();
    await store.people.insert({ name: 'Testperson Uden Plads', email: null, phone: null, notes: '' });
    renderApp('/people');
    await user.click(await screen.findByRole('link', { name: 'Til gennemgang' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Personer til gennemgang' })).toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /Testperson Uden Plads/ });
    expect(row).toHaveTextContent('Aldrig haft en plads');
    expect(within(row).getByRole('link', { name: 'Testperson Uden Plads' })).toHaveAttribute('href', expect.stringMatching(/^\/people\//));
  });
});
