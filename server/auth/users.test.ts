/**
 * The first admin (ROSTER_ADMIN_* or the one-time setup link) and the admin's user
 * management (/api/users): password rules, unique e-mails, never losing the last admin,
 * stale edits, and no password hash in any answer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { UserSchema, type User } from '../../src/domain/auth';
import { freshEmptyStore } from '../../tests/contract/test-stores';
import { prepareFirstAdmin } from './first-run';
import { scryptHasher } from './passwords';
import { GOOD_PASSWORD, authBackend, cookiePair, emailOf, type AuthBackend } from './auth-test-helpers';

const TOKEN = 'a-one-time-setup-token-for-the-test-0123456';
const setupBody = (over: Record<string, unknown> = {}) => ({
  token: TOKEN,
  email: 'Forste.Admin@Roster.Example',
  name: 'Første Admin',
  password: GOOD_PASSWORD,
  ...over,
});

describe('first run', () => {
  let backend: AuthBackend;
  beforeEach(async () => {
    backend = await authBackend({ setupToken: TOKEN });
  });

  it('says setup is needed, and creates the first admin once with the printed token, signed in', async () => {
    expect(await (await backend.send('GET', '/api/setup')).json()).toEqual({ required: true });
    const res = await backend.send('POST', '/api/setup', { json: setupBody() });
    expect(res.status).toBe(201);
    const cookie = cookiePair(res);
    expect(await (await backend.send('GET', '/api/session', { cookie })).json()).toMatchObject({
      user: { email: 'forste.admin@roster.example', name: 'Første Admin', role: 'admin' },
    });
    expect(await (await backend.send('GET', '/api/setup')).json()).toEqual({ required: false });
    // The token is spent, and there is an admin now.
    const again = await backend.send('POST', '/api/setup', { json: setupBody({ email: 'other@roster.example' }) });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ type: '/problems/setup-done' });
    expect(await backend.store.accounts.countUsers()).toBe(1);
  });

  it('refuses a wrong token, a short and a common password, and creates nobody', async () => {
    const wrong = await backend.send('POST', '/api/setup', { json: setupBody({ token: 'guessed' }) });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ type: '/problems/invalid-setup-token' });
    const short = await backend.send('POST', '/api/setup', { json: setupBody({ password: 'kort' }) });
    expect(await short.json()).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'password', code: 'too_small' })] });
    const common = await backend.send('POST', '/api/setup', { json: setupBody({ password: 'Password1234' }) });
    expect(await common.json()).toMatchObject({ status: 400, errors: [{ field: 'password', code: 'password_common', message: expect.any(String) as unknown }] });
    expect(await backend.store.accounts.countUsers()).toBe(0);
  });

  it('has no setup without a token (the server had ROSTER_ADMIN_* or users)', async () => {
    const plain = await authBackend();
    expect((await plain.send('POST', '/api/setup', { json: setupBody() })).status).toBe(403);
  });

  it('creates the first admin from ROSTER_ADMIN_EMAIL/PASSWORD on an empty database only', async () => {
    const store = await freshEmptyStore();
    const created = await prepareFirstAdmin(store, scryptHasher, { email: 'Drift@Roster.Example', password: GOOD_PASSWORD });
    expect(created.kind).toBe('admin-created');
    expect(await store.accounts.findForSignIn('drift@roster.example')).toMatchObject({ user: { role: 'admin' } });
    expect(await prepareFirstAdmin(store, scryptHasher, { email: 'x@roster.example', password: GOOD_PASSWORD })).toEqual({ kind: 'has-users' });
    expect(await store.accounts.countUsers()).toBe(1);
  });

  it('offers a setup link without ROSTER_ADMIN_*, and refuses half or weak settings', async () => {
    const store = await freshEmptyStore();
    const link = await prepareFirstAdmin(store, scryptHasher, {});
    expect(link).toEqual({ kind: 'setup-link', token: expect.stringMatching(/^[\w-]{43}$/) as unknown });
    await expect(prepareFirstAdmin(store, scryptHasher, { email: 'x@roster.example' })).rejects.toThrow(/both ROSTER_ADMIN_EMAIL and ROSTER_ADMIN_PASSWORD/);
    await expect(prepareFirstAdmin(store, scryptHasher, { email: 'x@roster.example', password: 'kodeord12345' })).rejects.toThrow(
      /ROSTER_ADMIN_PASSWORD is refused/,
    );
    expect(await store.accounts.countUsers()).toBe(0);
  });
});

describe('users (admin)', () => {
  let backend: AuthBackend;
  let admin: string;
  beforeEach(async () => {
    backend = await authBackend();
    await backend.addUser('admin');
    admin = await backend.signIn(emailOf('admin'));
  });
  const create = (json: unknown) => backend.send('POST', '/api/users', { cookie: admin, json });
  const patch = (user: Pick<User, 'id' | 'version'>, json: unknown) =>
    backend.send('PATCH', `/api/users/${user.id}`, { cookie: admin, json, headers: { 'If-Match': `"${user.version}"` } });
  const newUser = { email: 'Ny.Bruger@Roster.Example', name: 'Ny Bruger', role: 'coordinator', password: GOOD_PASSWORD };

  it('creates a user who can then sign in, and never answers with a password hash', async () => {
    const res = await create(newUser);
    expect(res.status).toBe(201);
    const text = await res.text();
    const user = UserSchema.strict().parse(JSON.parse(text));
    expect(user).toMatchObject({ email: 'ny.bruger@roster.example', role: 'coordinator', disabled: false, lastSignInAt: null });
    expect(res.headers.get('location')).toBe(`/api/users/${user.id}`);
    expect(text).not.toMatch(/scrypt|hash/i);
    await backend.signIn('ny.bruger@roster.example');
    const list = await (await backend.send('GET', '/api/users', { cookie: admin })).text();
    expect(list).not.toMatch(/scrypt|hash/i);
    expect(JSON.parse(list)).toContainEqual(expect.objectContaining({ id: user.id, lastSignInAt: '2019-06-01T08:00:00.000Z' }));
  });

  it('refuses an e-mail another user has, naming that user, and creates nothing', async () => {
    const first = UserSchema.parse(await (await create(newUser)).json());
    const res = await create({ ...newUser, name: 'En anden' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      conflicts: [{ rule: 'unique', entity: 'users', field: 'email', id: first.id }],
      errors: [{ field: 'email', code: 'email_taken', message: expect.any(String) as unknown }],
    });
    expect(await backend.store.accounts.countUsers()).toBe(2);
  });

  it('refuses common and too short passwords next to the field', async () => {
    for (const [password, code] of [
      ['correct horse battery staple', 'password_common'],
      ['aaaaaaaaaaaaaaaa', 'password_common'],
      ['ny.bruger', 'too_small'],
      ['x'.repeat(129), 'too_big'],
    ]) {
      const res = await create({ ...newUser, password });
      expect(await res.json(), password).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'password', code })] });
    }
    expect(await backend.store.accounts.countUsers()).toBe(1);
  });

  it('never leaves the council without an active admin', async () => {
    const me = (await backend.store.accounts.listUsers())[0]!;
    for (const change of [{ role: 'viewer' }, { disabled: true }]) {
      const res = await patch(me, change);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ conflicts: [{ rule: 'last-admin', entity: 'users', id: me.id }] });
    }
    expect(await backend.store.accounts.getUser(me.id)).toEqual(me);
    // With a second admin the first may step down.
    const second = UserSchema.parse(await (await create({ ...newUser, role: 'admin' })).json());
    expect(second.role).toBe('admin');
    expect((await patch(me, { role: 'viewer' })).status).toBe(200);
  });

  it('refuses a stale edit with the current user, and an edit without If-Match', async () => {
    const user = UserSchema.parse(await (await create(newUser)).json());
    expect((await patch(user, { name: 'Først' })).status).toBe(200);
    const stale = await patch(user, { name: 'Sidst' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ conflicts: [{ rule: 'stale-version' }], current: { name: 'Først', version: 2 } });
    expect((await backend.send('PATCH', `/api/users/${user.id}`, { cookie: admin, json: { name: 'X' } })).status).toBe(428);
  });

  it('refuses unknown fields and a password hash sent in', async () => {
    const user = UserSchema.parse(await (await create(newUser)).json());
    const res = await patch(user, { passwordHash: 'scrypt$1$1$1$x$y' });
    expect(res.status).toBe(400);
    expect((await create({ ...newUser, email: 'other@roster.example', disabled: true })).status).toBe(400);
  });
});
