import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { UserRole } from '../../domain/auth';
import { addMockUser, server, useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';

// Clearly fake people and passwords.
const PASSWORD = 'lilla elefant cykler hjem';
const add = (name: string, email: string, role: UserRole) => addMockUser({ name, email, role, password: PASSWORD });

async function usersPage() {
  const utils = renderApp('/users');
  expect(await screen.findByRole('heading', { level: 1, name: 'Brugere' })).toBeInTheDocument();
  return utils;
}

/** The row of a user in the list, by name. */
async function row(name: string) {
  const cell = await screen.findByRole('rowheader', { name: new RegExp(`^${name}`) });
  return cell.closest('tr')!;
}

async function openAction(user: ReturnType<typeof renderApp>['user'], name: string, action: string) {
  await user.click(within(await row(name)).getByRole('button', { name: `Handlinger for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
}

describe('users page', () => {
  it('lists the users with e-mail, role in words, status and last sign-in', async () => {
    const backend = await useFreshBackend();
    await add('Testadmin Eksempelsen', 'admin@example.test', 'admin');
    const viewer = await add('Testlæser Eksempelsen', 'laeser@example.test', 'viewer');
    await backend.store.accounts.recordSignIn(viewer.id, '2019-06-01T10:00:00.000Z');
    await usersPage();
    expect(await screen.findByText('2 brugere')).toBeInTheDocument();
    const r = await row('Testlæser Eksempelsen');
    expect(within(r).getAllByText('laeser@example.test').length).toBeGreaterThan(0);
    expect(within(r).getAllByText('Læser').length).toBeGreaterThan(0);
    expect(within(r).getByText('Aktiv')).toBeInTheDocument();
    expect(within(r).getByText('1. juni 2019')).toBeInTheDocument();
    expect(within(await row('Testadmin Eksempelsen')).getByText('Aldrig')).toBeInTheDocument();
  });

  it('creates a user after checking the password length in Danish', async () => {
    const backend = await useFreshBackend();
    await add('Testadmin Eksempelsen', 'admin@example.test', 'admin');
    const { user } = await usersPage();
    await user.click(screen.getByRole('button', { name: 'Opret bruger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Opret bruger' });
    await user.type(within(dialog).getByLabelText(/^Navn/), 'Testkoordinator Eksempelsen');
    await user.type(within(dialog).getByLabelText(/^E-mail/), 'koordinator@example.test');
    await user.click(within(dialog).getByRole('combobox', { name: /^Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Koordinator' }));
    await user.type(within(dialog).getByLabelText(/^Første adgangskode/), 'for kort');
    await user.click(within(dialog).getByRole('button', { name: 'Opret bruger' }));
    expect(await within(dialog).findByText('Adgangskoden skal være 12-128 tegn.')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText(/^Første adgangskode/));
    await user.type(within(dialog).getByLabelText(/^Første adgangskode/), PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Opret bruger' }));
    expect(await screen.findByText('Testkoordinator Eksempelsen er oprettet.')).toBeInTheDocument();
    expect(within(await row('Testkoordinator Eksempelsen')).getAllByText('Koordinator').length).toBeGreaterThan(0);
    expect((await backend.store.accounts.listUsers()).map((u) => [u.email, u.role])).toContainEqual(['koordinator@example.test', 'coordinator']);
  });

  it('explains an e-mail that another user has, next to the field', async () => {
    await useFreshBackend();
    await add('Testadmin Eksempelsen', 'admin@example.test', 'admin');
    const { user } = await usersPage();
    await user.click(screen.getByRole('button', { name: 'Opret bruger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Opret bruger' });
    await user.type(within(dialog).getByLabelText(/^Navn/), 'Testdublet Eksempelsen');
    await user.type(within(dialog).getByLabelText(/^E-mail/), 'ADMIN@example.test');
    await user.type(within(dialog).getByLabelText(/^Første adgangskode/), PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Opret bruger' }));
    const email = within(dialog).getByLabelText(/^E-mail/);
    await waitFor(() => expect(email).toHaveAccessibleDescription('E-mailadressen bruges allerede af en anden bruger.'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Ændringen blev ikke gemt.');
  });

  it('refuses to demote the last active admin, and says why by the role field', async () => {
    const backend = await useFreshBackend();
    await add('Testadmin Eksempelsen', 'admin@example.test', 'admin');
    const { user } = await usersPage();
    await openAction(user, 'Testadmin Eksempelsen', 'Rediger');
    const dialog = await screen.findByRole('dialog', { name: 'Rediger Testadmin Eksempelsen' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Læser' }));
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Der skal være mindst én aktiv administrator');
    expect(within(dialog).getByText('Der skal være mindst én aktiv administrator.')).toBeInTheDocument();
    expect((await backend.store.accounts.listUsers())[0]?.role).toBe('admin');
  });

  it('edits a user’s name and role, with undo', async () => {
    const backend = await useFreshBackend();
    await add('Testadmin Eksempelsen', 'admin@example.test', 'admin');
    await add('Testlæser Eksempelsen', 'laeser@example.test', 'viewer');
    const { user } = await usersPage();
    await openAction(user, 'Testlæser Eksempelsen', 'Rediger');
    const dialog = await screen.findByRole('dialog', { name: 'Rediger Testlæser Eksempelsen' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Sekretariat' }));
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    expect(await screen.findByText('Testlæser Eksempelsen er gemt.')).toBeInTheDocument();
    expect((await within(await row('Testlæser Eksempelsen')).findAllByText('Sekretariat')).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect((await within(await row('Testlæser Eksempelsen')).findAllByText('Læser')).length).toBeGreaterThan(0);
    const stored = (await backend.store.accounts.listUsers()).find((u) => u.email === 'laeser@example.test');
    expect(stored?.role).toBe('viewer');
  });

  it('disables a user after asking, and enables them again with undo', async () => {
    const backend = await useFreshBackend();
    await add('Testadmin Eksempelsen', 'admin@example.test', 'admin');
    await add('Testlæser Eksempelsen', 'laeser@example.test', 'viewer');
    const { user } = await usersPage();
    await openAction(user, 'Testlæser Eksempelsen', 'Deaktiver');
    const dialog = await screen.findByRole('dialog', { name: 'Deaktiver Testlæser Eksempelsen?' });
    expect(dialog).toHaveTextContent('kan ikke længere logge ind');
    await user.click(within(dialog).getByRole('button', { name: 'Deaktiver' }));
    expect(await screen.findByText('Testlæser Eksempelsen er deaktiveret.')).toBeInTheDocument();
    expect(await within(await row('Testlæser Eksempelsen')).findByText('Deaktiveret')).toBeInTheDocument();
    const stored = async () => (await backend.store.accounts.listUsers()).find((u) => u.email === 'laeser@example.test');
    expect((await stored())?.disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Fortryd' }));
    await waitFor(async () => expect((await stored())?.disabled).toBe(false));
  });

  it('refuses to disable the last active admin, in the dialog', async () => {
    await useFreshBackend();
    await add('Testadmin Eksempelsen', 'admin@example.test', 'admin');
    const { user } = await usersPage();
    await openAction(user, 'Testadmin Eksempelsen', 'Deaktiver');
    const dialog = await screen.findByRole('dialog', { name: 'Deaktiver Testadmin Eksempelsen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deaktiver' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Der skal være mindst én aktiv administrator');
  });

  it('sets a new password, checking that both are the same', async () => {
    await useFreshBackend();
    await add('Testadmin Eksempelsen', 'admin@example.test', 'admin');
    await add('Testlæser Eksempelsen', 'laeser@example.test', 'viewer');
    const { user } = await usersPage();
    await openAction(user, 'Testlæser Eksempelsen', 'Ny adgangskode');
    const dialog = await screen.findByRole('dialog', { name: 'Ny adgangskode til Testlæser Eksempelsen' });
    await user.type(within(dialog).getByLabelText(/^Ny adgangskode/), 'grøn giraf danser vals');
    await user.type(within(dialog).getByLabelText(/^Gentag adgangskode/), 'grøn giraf danser tango');
    await user.click(within(dialog).getByRole('button', { name: 'Gem adgangskode' }));
    expect(await within(dialog).findByText('De to adgangskoder er ikke ens.')).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText(/^Gentag adgangskode/));
    await user.type(within(dialog).getByLabelText(/^Gentag adgangskode/), 'grøn giraf danser vals');
    await user.click(within(dialog).getByRole('button', { name: 'Gem adgangskode' }));
    expect(await screen.findByText(/Ny adgangskode gemt til Testlæser Eksempelsen/)).toBeInTheDocument();
  });

  it('shows a server error with a retry', async () => {
    server.use(http.get('*/api/users', () => HttpResponse.json({ type: 'about:blank', title: 'Error', status: 500 }, { status: 500 })));
    renderApp('/users');
    expect(await screen.findByRole('alert')).toHaveTextContent('Brugerne kunne ikke hentes. Der skete en fejl på serveren.');
    expect(screen.getByRole('button', { name: 'Prøv igen' })).toBeInTheDocument();
  });

  it('is closed to roles other than admin', async () => {
    await useFreshBackend({ role: 'secretariat' });
    renderApp('/users');
    expect(await screen.findByText('Din rolle giver ikke adgang til brugeradministrationen.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Opret bruger' })).not.toBeInTheDocument();
  });
});
