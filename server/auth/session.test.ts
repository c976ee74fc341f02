/**
 * Sign-in and sessions (issue 6, ASVS V2/V3): cookie attributes, a new id at each sign-in,
 * sign-out that really ends the session, idle and absolute timeouts on a fake clock, disabled
 * users, throttling, the audit's actor, and security logs without secrets.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SessionSchema } from '../../src/domain/auth';
import { fakePerson } from '../test-helpers';
import { sha256Hex } from './sessions';
import { GOOD_PASSWORD, authBackend, cookiePair, emailOf, type AuthBackend } from './auth-test-helpers';

const MINUTE = 60_000;

let backend: AuthBackend;
beforeEach(async () => {
  backend = await authBackend({ address: '192.0.2.10' });
  await backend.addUser('secretariat');
});

const whoAmI = async (cookie: string) => backend.send('GET', '/api/session', { cookie });
const readPeople = async (cookie: string) => (await backend.send('GET', '/api/people', { cookie })).status;

describe('signing in', () => {
  it('answers who is signed in, with the role and when the session ends', async () => {
    const cookie = await backend.signIn(emailOf('secretariat'));
    const res = await whoAmI(cookie);
    expect(res.status).toBe(200);
    const session = SessionSchema.parse(await res.json());
    expect(session.user).toMatchObject({ email: 'secretariat@roster.example', role: 'secretariat' });
    expect(session.expiresAt).toBe('2019-06-01T20:00:00.000Z');
    expect(session.idleTimeoutSeconds).toBe(1800);
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    await backend.signIn('  Secretariat@Roster.Example ');
  });

  it('sets a __Host- cookie that is Secure, HttpOnly and SameSite=Lax over https', async () => {
    const res = await backend.send('POST', '/api/session', {
      json: { email: emailOf('secretariat'), password: GOOD_PASSWORD },
      base: 'https://roster.horsens.example',
    });
    expect(res.status).toBe(200);
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/^__Host-roster_session=[\w-]{43}; /);
    expect(header).toMatch(/; Path=\//);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).not.toMatch(/Domain=/i);
    // The session cookie of that origin is the only one read there.
    const pair = cookiePair(res);
    expect((await backend.send('GET', '/api/session', { cookie: pair, base: 'https://roster.horsens.example' })).status).toBe(200);
    expect((await backend.send('GET', '/api/session', { cookie: pair.replace('__Host-', ''), base: 'https://roster.horsens.example' })).status).toBe(401);
  });

  it('leaves out Secure (and so the __Host- prefix) only on plain-http localhost', async () => {
    const res = await backend.send('POST', '/api/session', { json: { email: emailOf('secretariat'), password: GOOD_PASSWORD } });
    const header = res.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/^roster_session=[\w-]{43}; /);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);
  });

  it('gives a new session id at every sign-in and ends the one the browser had', async () => {
    const first = await backend.signIn(emailOf('secretariat'));
    const res = await backend.send('POST', '/api/session', { cookie: first, json: { email: emailOf('secretariat'), password: GOOD_PASSWORD } });
    const second = cookiePair(res);
    expect(second).not.toBe(first);
    expect((await whoAmI(first)).status).toBe(401);
    expect((await whoAmI(second)).status).toBe(200);
  });

  it('refuses a wrong password, an unknown e-mail and a disabled user with the same 401', async () => {
    const id = await backend.addUser('viewer');
    const admin = await backend.addUser('admin');
    expect(admin).toBeTruthy();
    const adminCookie = await backend.signIn(emailOf('admin'));
    const user = await (await backend.send('GET', `/api/users/${id}`, { cookie: adminCookie })).json() as { version: number };
    const disabled = await backend.send('PATCH', `/api/users/${id}`, { cookie: adminCookie, json: { disabled: true }, headers: { 'If-Match': `"${user.version}"` } });
    expect(disabled.status).toBe(200);

    const answers = [];
    for (const [email, password] of [
      [emailOf('secretariat'), 'not the right password'],
      ['nobody@roster.example', GOOD_PASSWORD],
      [emailOf('viewer'), GOOD_PASSWORD],
    ]) {
      const res = await backend.send('POST', '/api/session', { json: { email, password } });
      expect(res.headers.get('set-cookie')).toBeNull();
      answers.push([res.status, ((await res.json()) as { type: string; detail: string })]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual([401, expect.objectContaining({ type: '/problems/invalid-credentials' })]);
  });
});

describe('signing out', () => {
  it('ends the session on the server: the same cookie replayed afterwards gets 401', async () => {
    const cookie = await backend.signIn(emailOf('secretariat'));
    expect(await readPeople(cookie)).toBe(200);
    const res = await backend.send('DELETE', '/api/session', { cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^roster_session=; Max-Age=0/);
    expect(await readPeople(cookie)).toBe(401);
    expect((await whoAmI(cookie)).status).toBe(401);
  });
});

describe('session timeouts (fake clock)', () => {
  it('ends a session after 30 minutes without a request', async () => {
    const cookie = await backend.signIn(emailOf('secretariat'));
    backend.advance(29 * MINUTE);
    expect(await readPeople(cookie)).toBe(200);
    backend.advance(29 * MINUTE); // 58 minutes after sign-in, 29 after the last request
    expect(await readPeople(cookie)).toBe(200);
    backend.advance(30 * MINUTE);
    expect(await readPeople(cookie)).toBe(401);
    // Gone for good, also if the clock were to move back.
    backend.advance(-30 * MINUTE);
    expect(await readPeople(cookie)).toBe(401);
  });

  it('clears expired sessions from the database at the next sign-in', async () => {
    const old = await backend.signIn(emailOf('secretariat'));
    const oldHash = await sha256Hex(old.split('=')[1] ?? '');
    expect(await backend.store.accounts.getSession(oldHash)).toBeDefined();
    backend.advance(31 * MINUTE);
    await backend.signIn(emailOf('secretariat'));
    expect(await backend.store.accounts.getSession(oldHash)).toBeUndefined();
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    const cookie = await backend.signIn(emailOf('secretariat'));
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      backend.advance(20 * MINUTE);
      expect(await readPeople(cookie), `after ${minutes + 20} minutes`).toBe(200);
    }
    backend.advance(20 * MINUTE); // 12 h 0 min
    expect(await readPeople(cookie)).toBe(401);
  });
});

describe('users an admin changes', () => {
  async function asAdmin() {
    await backend.addUser('admin');
    return backend.signIn(emailOf('admin'));
  }
  async function patchUser(adminCookie: string, id: string, json: unknown) {
    const current = (await (await backend.send('GET', `/api/users/${id}`, { cookie: adminCookie })).json()) as { version: number };
    return backend.send('PATCH', `/api/users/${id}`, { cookie: adminCookie, json, headers: { 'If-Match': `"${current.version}"` } });
  }
  const idOf = async (adminCookie: string, email: string) => {
    const users = (await (await backend.send('GET', '/api/users', { cookie: adminCookie })).json()) as { id: string; email: string }[];
    return users.find((u) => u.email === email)!.id;
  };

  it("refuses a disabled user's open session at once", async () => {
    const adminCookie = await asAdmin();
    const cookie = await backend.signIn(emailOf('secretariat'));
    expect((await patchUser(adminCookie, await idOf(adminCookie, emailOf('secretariat')), { disabled: true })).status).toBe(200);
    expect(await readPeople(cookie)).toBe(401);
  });

  it("ends a user's sessions when the password changes; the new password signs in", async () => {
    const adminCookie = await asAdmin();
    const cookie = await backend.signIn(emailOf('secretariat'));
    const id = await idOf(adminCookie, emailOf('secretariat'));
    expect((await patchUser(adminCookie, id, { password: 'en helt ny lang adgangskode' })).status).toBe(200);
    expect(await readPeople(cookie)).toBe(401);
    await backend.signIn(emailOf('secretariat'), 'en helt ny lang adgangskode');
  });

  it('takes effect at the next request when a role changes', async () => {
    const adminCookie = await asAdmin();
    const cookie = await backend.signIn(emailOf('secretariat'));
    expect((await backend.send('POST', '/api/people', { cookie, json: fakePerson() })).status).toBe(201);
    expect((await patchUser(adminCookie, await idOf(adminCookie, emailOf('secretariat')), { role: 'viewer' })).status).toBe(200);
    expect((await backend.send('POST', '/api/people', { cookie, json: fakePerson() })).status).toBe(403);
  });
});

describe('throttling', () => {
  const attempt = (email: string, password: string) => backend.send('POST', '/api/session', { json: { email, password } });

  it('refuses an account for a minute after 10 failures in a minute, even with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await attempt(emailOf('secretariat'), `wrong password ${i}`)).status).toBe(401);
    const refused = await attempt(emailOf('secretariat'), GOOD_PASSWORD);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ type: '/problems/too-many-attempts', status: 429 });
    backend.advance(retryAfter * 1000);
    expect((await attempt(emailOf('secretariat'), GOOD_PASSWORD)).status).toBe(200);
  });

  it('refuses an address after 10 failures a minute across accounts', async () => {
    await backend.addUser('viewer');
    for (let i = 0; i < 10; i++) expect((await attempt(`someone${i}@roster.example`, 'wrong password')).status).toBe(401);
    expect((await attempt(emailOf('viewer'), GOOD_PASSWORD)).status).toBe(429);
  });

  it('counts failures within a minute only', async () => {
    for (let i = 0; i < 9; i++) expect((await attempt(emailOf('secretariat'), 'wrong password')).status).toBe(401);
    backend.advance(61_000);
    expect((await attempt(emailOf('secretariat'), 'wrong password')).status).toBe(401);
    expect((await attempt(emailOf('secretariat'), GOOD_PASSWORD)).status).toBe(200);
  });
});

describe('audit and logs', () => {
  it("records the signed-in user's e-mail as the actor of a change", async () => {
    const cookie = await backend.signIn(emailOf('secretariat'));
    const res = await backend.send('POST', '/api/people', { cookie, json: fakePerson() });
    expect(res.status).toBe(201);
    const { events } = await backend.store.audit.list({ entity: 'people' });
    expect(events[0]).toMatchObject({ action: 'create', actor: 'secretariat@roster.example' });
  });

  it('logs sign-ins, failures and refusals without passwords, e-mails or session ids', async () => {
    await backend.send('POST', '/api/session', { json: { email: emailOf('secretariat'), password: 'a wrong password' } });
    const cookie = await backend.signIn(emailOf('secretariat'));
    await backend.send('GET', '/api/users', { cookie });
    const events = backend.log.map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['sign-in-failed', 'sign-in', 'refused']));
    const logged = JSON.stringify(backend.log);
    for (const secret of ['a wrong password', GOOD_PASSWORD, 'secretariat@roster.example', cookie.split('=')[1]!]) {
      expect(logged).not.toContain(secret);
    }
  });
});
