import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';

// The pages' code loads on first visit, and typing into forms takes a few seconds on a busy machine.
const SLOW = { timeout: 30_000 };

const serverError = () =>
  HttpResponse.json(
    { type: '/problems/internal', title: 'Internal server error', status: 500 },
    { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
  );

/** The data rows of the bodies table, as [name, kind, part of] (the phone-only lines excluded). */
async function listed() {
  const table = await screen.findByRole('table', { name: 'Råd og fora' }, { timeout: 15_000 });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row).getAllByRole('cell');
      return [within(row).getByRole('rowheader').querySelector('a')?.textContent, cells[0]?.textContent, cells[1]?.textContent];
    });
}

describe('council and fora list', () => {
  it('lists the council first with its fora under it, their kind and what they are part of', async () => {
    renderApp('/bodies');
    expect(await screen.findByRole('heading', { level: 1, name: 'Råd og fora' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(await listed()).toEqual([
      ['Horsens Alliancen', 'Råd', 'Øverste niveau'],
      ['Erhvervstaskforce', 'Forum', 'Horsens Alliancen'],
      ['Horsens Uddannelsesråd', 'Forum', 'Horsens Alliancen'],
      ['Jobtaskforce', 'Forum', 'Horsens Alliancen'],
    ]);
    expect(screen.getByText('4 råd og fora')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('link', { name: 'Jobtaskforce' })).toHaveAttribute('href', expect.stringMatching(/^\/bodies\//));
    expect(screen.getByRole('link', { name: 'Råd og fora' })).toHaveAttribute('aria-current', 'page');
  }, SLOW.timeout);

  it('creates a forum under the council (the name is required, in Danish), and undo deletes it', async () => {
    const { store } = await useFreshBackend();
    const { user, router } = renderApp('/bodies');
    await listed();
    await user.click(screen.getByRole('button', { name: 'Opret råd eller forum' }));
    const dialog = await screen.findByRole('dialog', { name: 'Opret råd eller forum' });
    expect(within(dialog).getByRole('combobox', { name: /^Type/ })).toHaveTextContent('Forum');
    expect(within(dialog).getByRole('combobox', { name: 'Hører under' })).toHaveTextContent('Horsens Alliancen');

    await user.click(within(dialog).getByRole('button', { name: 'Opret' }));
    const name = within(dialog).getByRole('textbox', { name: /^Navn/ });
    await waitFor(() => expect(name).toHaveAccessibleDescription('Skal udfyldes.'));

    await user.type(name, 'Testforum Eksempel');
    await user.type(within(dialog).getByRole('textbox', { name: 'Formål' }), 'Første mål.{Enter}Andet mål.');
    await user.click(within(dialog).getByRole('button', { name: 'Opret' }));

    expect(await screen.findByText('Testforum Eksempel er oprettet.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Testforum Eksempel' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/bodies\//);
    const created = (await store.bodies.list()).find((b) => b.name === 'Testforum Eksempel')!;
    const council = (await store.bodies.list()).find((b) => b.kind === 'council')!;
    expect(created).toMatchObject({ kind: 'forum', parentId: council.id, purpose: 'Første mål.\nAndet mål.' });

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/bodies'));
    expect((await listed()).map(([n]) => n)).not.toContain('Testforum Eksempel');
    expect(await store.bodies.get(created.id)).toBeUndefined();
  }, SLOW.timeout);

  it('shows an error with a retry when the bodies cannot be loaded, and recovers', async () => {
    let failing = true;
    server.use(http.get('*/api/bodies', () => (failing ? serverError() : undefined)));
    const { user } = renderApp('/bodies');
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent('Rådet og foraene kunne ikke hentes.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByText('4 råd og fora')).toBeInTheDocument();
  }, SLOW.timeout);
});

describe('editing a body', () => {
  it("edits a forum's purpose on its page, and undo puts the old text back", async () => {
    const { store } = await useFreshBackend();
    const job = (await store.bodies.list()).find((b) => b.name === 'Jobtaskforce')!;
    const { user } = renderApp(`/bodies/${job.id}?asOf=2019-06-01`);
    await user.click(await screen.findByRole('button', { name: 'Rediger' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Rediger Jobtaskforce' });
    const purpose = within(dialog).getByRole('textbox', { name: 'Formål' });
    expect(purpose).toHaveValue(job.purpose);
    await user.clear(purpose);
    await user.type(purpose, 'Flere i job.{Enter}Færre på overførsel.');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));

    expect(await screen.findByText('Jobtaskforce er gemt.')).toBeInTheDocument();
    const section = screen.getByRole('heading', { level: 2, name: 'Formål' }).closest('section')!;
    await waitFor(() => expect(section).toHaveTextContent('Flere i job. Færre på overførsel.'));
    expect((await store.bodies.get(job.id))?.purpose).toBe('Flere i job.\nFærre på overførsel.');

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('Fortrudt.')).toBeInTheDocument();
    await waitFor(async () => expect((await store.bodies.get(job.id))?.purpose).toBe(job.purpose));
  }, SLOW.timeout);

  it('refuses to delete the council while fora belong to it, saying why', async () => {
    const { store } = await useFreshBackend();
    const council = (await store.bodies.list()).find((b) => b.kind === 'council')!;
    const { user } = renderApp(`/bodies/${council.id}?asOf=2019-06-01`);
    await user.click(await screen.findByRole('button', { name: 'Slet' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Slet Horsens Alliancen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Slet' }));
    await waitFor(() => expect(dialog).toHaveTextContent('Et råd eller forum kan ikke slettes, mens der hører fora eller pladser under det.'));
    expect(dialog).toHaveTextContent('Posten er i brug');
    expect(await store.bodies.get(council.id)).toBeDefined();
  }, SLOW.timeout);
});
