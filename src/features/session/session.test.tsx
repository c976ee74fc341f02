import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { addMockUser, server, useFreshBackend } from '../../../mocks/node';
import { renderApp } from '../../../tests/render-app';

// Clearly fake.
const PASSWORD = 'lilla elefant cykler hjem';
const addSecretary = () => addMockUser({ email: 'sekretær@example.test', name: 'Testbruger Eksempelsen', role: 'secretariat', password: PASSWORD });

async function signIn(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(await screen.findByLabelText(/^E-mail/), email);
  await user.type(screen.getByLabelText(/^Adgangskode/), password);
  await user.click(screen.getByRole('button', { name: 'Log ind' }));
}

describe('sign-in', () => {
  it('shows the sign-in page, without the main menu, for a signed-out visitor of any page', async () => {
    await useFreshBackend({ role: null });
    const { router } = renderApp('/people?q=s%C3%B8rensen');
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toEqual({ redirect: '/people?q=s%C3%B8rensen' });
    expect(screen.queryByRole('navigation', { name: 'Hovedmenu' })).not.toBeInTheDocument();
    expect(screen.queryByText('Peter Sørensen')).not.toBeInTheDocument();
    // The language switch stays.
    expect(screen.getByRole('button', { name: 'Sprog: English' })).toBeInTheDocument();
  });

  it('says only that the e-mail or password is wrong, and empties the password', async () => {
    await useFreshBackend({ role: null });
    await addSecretary();
    const { user } = renderApp('/sign-in');
    await signIn(user, 'sekretær@example.test', 'forkert adgangskode');
    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail eller adgangskode er forkert.');
    expect(screen.getByLabelText(/^Adgangskode/)).toHaveValue('');
    expect(screen.getByLabelText(/^Adgangskode/)).toHaveFocus();
    expect(screen.getByLabelText(/^E-mail/)).toHaveValue('sekretær@example.test');
  });

  it('explains empty fields next to them, in Danish', async () => {
    await useFreshBackend({ role: null });
    const { user } = renderApp('/sign-in');
    await user.click(await screen.findByRole('button', { name: 'Log ind' }));
    expect(await screen.findAllByText('Skal udfyldes.')).toHaveLength(2);
  });

  it('asks to wait when there were too many attempts (429 Retry-After)', async () => {
    await useFreshBackend({ role: null });
    server.use(
      http.post('*/api/session', () =>
        HttpResponse.json(
          { type: '/problems/too-many-attempts', title: 'Too Many Requests', status: 429 },
          { status: 429, headers: { 'Retry-After': '42', 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderApp('/sign-in');
    await signIn(user, 'sekretær@example.test', PASSWORD);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('For mange mislykkede forsøg.');
    expect(alert).toHaveTextContent(/Prøv igen om 4[12] sekunder\./);
    expect(screen.getByRole('button', { name: 'Log ind' })).toBeDisabled();
  });

  it('counts the wait in minutes when it is long', async () => {
    await useFreshBackend({ role: null });
    server.use(
      http.post('*/api/session', () =>
        HttpResponse.json({ type: '/problems/too-many-attempts', title: 'Too Many Requests', status: 429 }, { status: 429, headers: { 'Retry-After': '300' } }),
      ),
    );
    const { user } = renderApp('/sign-in', { language: 'en' });
    await user.type(await screen.findByLabelText(/^E-mail/), 'x@example.test');
    await user.type(screen.getByLabelText(/^Password/), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed attempts. Try again in 5 minutes.');
  });

  it('signs in and goes back to the page the visitor came for', async () => {
    await useFreshBackend({ role: null });
    await addSecretary();
    const { user, router } = renderApp('/people?q=sorensen');
    await screen.findByRole('heading', { level: 1, name: 'Log ind' });
    await signIn(user, 'Sekretær@example.test', PASSWORD);
    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/people');
    expect(await screen.findByRole('link', { name: 'Peter Sørensen' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Hovedmenu' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bruger: Testbruger Eksempelsen' })).toBeInTheDocument();
  });

  it('goes to the start page instead of another site after signing in', async () => {
    await useFreshBackend({ role: null });
    await addSecretary();
    const { user, router } = renderApp('/sign-in?redirect=%2F%2Fevil.example%2Fx');
    await signIn(user, 'sekretær@example.test', PASSWORD);
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(router.state.location.href).not.toContain('evil');
  });

  it('notes that the first admin is created with the link from the start-up log while there are no users', async () => {
    await useFreshBackend({ role: null });
    renderApp('/sign-in');
    expect(await screen.findByText(/Den første administrator oprettes med linket i serverens opstartslog/)).toBeInTheDocument();
  });

  it('shows no setup note once a user exists', async () => {
    await useFreshBackend({ role: null });
    await addSecretary();
    renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Log ind' });
    // Let the setup status arrive.
    await waitFor(() => expect(screen.getByLabelText(/^E-mail/)).toBeInTheDocument());
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/opstartslog/)).not.toBeInTheDocument();
  });
});

describe('signed in', () => {
  it('shows the user menu with name and role in words, and signs out to the sign-in page', async () => {
    const backend = await useFreshBackend({ role: 'secretariat' });
    const { user, router, queryClient } = renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    await user.click(screen.getByRole('button', { name: 'Bruger: Mock secretariat' }));
    const panel = await screen.findByRole('dialog', { name: 'Mock secretariat' });
    expect(within(panel).getByText('Rolle: Sekretariat')).toBeInTheDocument();
    expect(within(panel).queryByRole('link', { name: 'Brugere' })).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Log ud' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(backend.getRole()).toBeNull();
    // Nothing of the roster stays in the cache.
    expect(queryClient.getQueryCache().getAll().filter((q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'setup')).toEqual([]);
  });

  it('offers the user administration to admins in the user menu', async () => {
    const { user, router } = renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    await user.click(screen.getByRole('button', { name: 'Bruger: Mock admin' }));
    await user.click(await screen.findByRole('link', { name: 'Brugere' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Brugere' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users');
  });

  it('goes to the sign-in page, forgetting the data, when the session ends while the app is open', async () => {
    const backend = await useFreshBackend();
    const { user, router, queryClient } = renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    backend.setRole(null); // e.g. the idle timeout passed
    await user.click(screen.getAllByRole('link', { name: 'Personer' })[0]!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Log ind' })).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ redirect: '/people' });
    expect(queryClient.getQueryCache().getAll().some((q) => q.queryKey[0] === 'roster')).toBe(false);
  });

  it('keeps the session of someone typing alive: asks the server at most every five minutes of activity', async () => {
    await useFreshBackend();
    const asked: number[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' && new URL(request.url).pathname === '/api/session') asked.push(Date.now());
    });
    const { user } = renderApp('/roster?asOf=2019-06-01');
    await screen.findByText('22 pladser · 22 besat · 0 ledige');
    const before = asked.length;
    await user.keyboard('a');
    expect(asked).toHaveLength(before); // just asked while loading the page
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 6 * 60_000);
    await user.keyboard('b');
    await waitFor(() => expect(asked).toHaveLength(before + 1));
    await user.keyboard('c');
    expect(asked).toHaveLength(before + 1);
    server.events.removeAllListeners();
  });

  it('says that the role does not allow a refused request (403)', async () => {
    server.use(
      http.get('*/api/people', () =>
        HttpResponse.json({ type: '/problems/forbidden', title: 'Forbidden', status: 403 }, { status: 403 }),
      ),
    );
    renderApp('/people');
    expect(await screen.findByText(/Din rolle giver ikke lov til det\./)).toBeInTheDocument();
  });
});

describe('first-run setup', () => {
  it('says the link is incomplete without its token', async () => {
    await useFreshBackend({ role: null });
    renderApp('/setup');
    expect(await screen.findByRole('heading', { level: 1, name: 'Opret den første administrator' })).toBeInTheDocument();
    expect(await screen.findByText(/Linket mangler sin nøgle/)).toBeInTheDocument();
  });

  it('says setup is done once an admin exists, and links to sign-in', async () => {
    await useFreshBackend({ role: null });
    await addSecretary();
    renderApp('/setup#token=abc');
    expect(await screen.findByText(/Den første administrator er allerede oprettet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gå til log ind' })).toHaveAttribute('href', '/sign-in');
  });

  it('checks the password length and the repeat next to the fields', async () => {
    await useFreshBackend({ role: null });
    const { user } = renderApp('/setup#token=abc');
    await user.type(await screen.findByLabelText(/^Navn/), 'Testadmin Eksempelsen');
    await user.type(screen.getByLabelText(/^E-mail/), 'admin@example.test');
    await user.type(screen.getByLabelText(/^Adgangskode/), 'for kort');
    await user.type(screen.getByLabelText(/^Gentag adgangskode/), 'noget andet');
    await user.click(screen.getByRole('button', { name: 'Opret og log ind' }));
    expect(await screen.findByText('Adgangskoden skal være 12-128 tegn.')).toBeInTheDocument();
    expect(screen.getByText('De to adgangskoder er ikke ens.')).toBeInTheDocument();
  });

  it('refuses a wrong token with a clear message', async () => {
    await useFreshBackend({ role: null });
    const { user } = renderApp('/setup#token=forkert');
    await user.type(await screen.findByLabelText(/^Navn/), 'Testadmin Eksempelsen');
    await user.type(screen.getByLabelText(/^E-mail/), 'admin@example.test');
    await user.type(screen.getByLabelText(/^Adgangskode/), PASSWORD);
    await user.type(screen.getByLabelText(/^Gentag adgangskode/), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Opret og log ind' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Linket er ugyldigt eller allerede brugt.');
  });

  it('sends the token from the link and opens the app', async () => {
    // Signed in as the mock's admin afterwards (the override below does not sign the mock in).
    let sent: unknown;
    server.use(
      http.post('*/api/setup', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          { user: { id: 'u1', email: 'admin@example.test', name: 'Testadmin Eksempelsen', role: 'admin' }, expiresAt: '2099-01-01T00:00:00Z', idleTimeoutSeconds: 1800 },
          { status: 201 },
        );
      }),
    );
    const { user, router } = renderApp('/setup#token=abc123');
    await user.type(await screen.findByLabelText(/^Navn/), 'Testadmin Eksempelsen');
    await user.type(screen.getByLabelText(/^E-mail/), 'admin@example.test');
    await user.type(screen.getByLabelText(/^Adgangskode/), PASSWORD);
    await user.type(screen.getByLabelText(/^Gentag adgangskode/), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Opret og log ind' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(sent).toEqual({ token: 'abc123', name: 'Testadmin Eksempelsen', email: 'admin@example.test', password: PASSWORD });
  });
});
