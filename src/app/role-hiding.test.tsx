/**
 * Each role sees what it may do and no more (issue 6): viewers read everything and get no
 * write buttons; coordinators plan renewals but do not change the roster; only roles with
 * the privacy capabilities see a person's data export and the anonymise button.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UserRole } from '../domain/auth';
import { useFreshBackend } from '../../mocks/node';
import { renderApp } from '../../tests/render-app';

/** The seeded backend signed in with `role` (pass `useFreshBackend({ role })`'s result). */
async function seeded(backend: Awaited<ReturnType<typeof useFreshBackend>>) {
  const [term] = await backend.store.terms.list();
  const people = await backend.store.people.list();
  const peter = people.find((p) => p.name === 'Peter Sørensen');
  if (!term || !peter) throw new Error('seed is missing the term or Peter Sørensen');
  return { backend, term, peter };
}

/** Starts the 2022-2025 renewal as admin (pass `useFreshBackend()`'s result), then signs the mock in with `role`. */
async function withRenewalAs(backend: Awaited<ReturnType<typeof useFreshBackend>>, role: UserRole) {
  const arranged = await seeded(backend);
  const res = await arranged.backend.app.request(`/api/terms/${arranged.term.id}/renewal`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBeLessThan(300);
  arranged.backend.setRole(role);
  return arranged;
}

describe('a viewer', () => {
  it('sees the people but cannot create one or review retention', async () => {
    await seeded(await useFreshBackend({ role: 'viewer' }));
    renderApp('/people?q=sorensen');
    expect(await screen.findByRole('link', { name: 'Peter Sørensen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ny person' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Til gennemgang' })).not.toBeInTheDocument();
  });

  it('sees a person without edit, delete or the personal data section', async () => {
    const { peter } = await seeded(await useFreshBackend({ role: 'viewer' }));
    renderApp(`/people/${peter.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Peter Sørensen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rediger' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Slet' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Persondata' })).not.toBeInTheDocument();
  });

  it('sees the roster without the actions column', async () => {
    await seeded(await useFreshBackend({ role: 'viewer' }));
    renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    expect(screen.getAllByText('Peter Sørensen').length).toBeGreaterThan(0);
    expect(screen.queryByRole('columnheader', { name: 'Handlinger' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Handlinger for/ })).not.toBeInTheDocument();
  });

  it('sees terms and a term’s seats without create, edit, delete, seat or renewal buttons', async () => {
    const { term } = await seeded(await useFreshBackend({ role: 'viewer' }));
    const { unmount } = renderApp('/terms');
    expect(await screen.findByRole('link', { name: term.label })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Opret periode' })).not.toBeInTheDocument();
    unmount();

    renderApp(`/terms/${term.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: new RegExp(term.label) })).toBeInTheDocument();
    expect((await screen.findAllByRole('link', { name: 'Peter Sørensen' })).length).toBeGreaterThan(0);
    for (const name of ['Rediger periode', 'Slet periode', 'Forbered næste periode']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('button', { name: /^Tilføj plads/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Rediger pladsen/ })).not.toBeInTheDocument();
  });

  it('sees organisations and fora without create buttons', async () => {
    await seeded(await useFreshBackend({ role: 'viewer' }));
    const { unmount } = renderApp('/organizations');
    expect(await screen.findByRole('link', { name: 'Velux' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ny organisation' })).not.toBeInTheDocument();
    unmount();
    renderApp('/bodies');
    expect(await screen.findByRole('link', { name: 'Jobtaskforce' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Opret råd eller forum' })).not.toBeInTheDocument();
  });

  it('can export but not import', async () => {
    await seeded(await useFreshBackend({ role: 'viewer' }));
    renderApp('/import');
    expect(await screen.findByRole('heading', { level: 2, name: 'Eksportér' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Importér' })).not.toBeInTheDocument();
  });

  it('sees a renewal’s seats and progress without deciding, switching over or cancelling', async () => {
    const { term } = await withRenewalAs(await useFreshBackend(), 'viewer');
    renderApp(`/terms/${term.id}/renewal`);
    expect(await screen.findByText('0 af 22 pladser afklaret')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Beslut for/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skift til ny periode' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Annullér fornyelse' })).not.toBeInTheDocument();
  });
});

describe('a coordinator', () => {
  it('can start the renewal from the term page but not edit the term or its seats', async () => {
    const { term } = await seeded(await useFreshBackend({ role: 'coordinator' }));
    renderApp(`/terms/${term.id}`);
    expect(await screen.findByRole('button', { name: 'Forbered næste periode' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rediger periode' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Tilføj plads/ })).not.toBeInTheDocument();
  });

  it('decides on renewal seats but does not get "Ny person"', async () => {
    const { term } = await withRenewalAs(await useFreshBackend(), 'coordinator');
    const { unmount } = renderApp(`/terms/${term.id}/renewal`);
    expect(await screen.findByRole('button', { name: 'Beslut for Velux' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Skift til ny periode' })).toBeInTheDocument();
    unmount();
    renderApp('/people');
    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Peter Sørensen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ny person' })).not.toBeInTheDocument();
  });
});

describe('personal data', () => {
  it('the secretariat can download a person’s data but not anonymise them', async () => {
    const { peter } = await seeded(await useFreshBackend({ role: 'secretariat' }));
    renderApp(`/people/${peter.id}`);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Persondata' })).closest('section');
    expect(within(section!).getByRole('link', { name: 'Hent persondata (JSON)' })).toBeInTheDocument();
    expect(within(section!).queryByRole('button', { name: 'Anonymisér' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rediger' })).toBeInTheDocument();
  });

  it('an admin can also anonymise', async () => {
    const { peter } = await seeded(await useFreshBackend({ role: 'admin' }));
    renderApp(`/people/${peter.id}`);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Persondata' })).closest('section');
    expect(within(section!).getByRole('button', { name: 'Anonymisér' })).toBeInTheDocument();
  });

  it('the retention review tells a viewer that the role does not allow it', async () => {
    await seeded(await useFreshBackend({ role: 'viewer' }));
    renderApp('/people/retention');
    expect(await screen.findByText('Din rolle giver ikke lov til det.')).toBeInTheDocument();
  });
});
