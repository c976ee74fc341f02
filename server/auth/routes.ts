/**
 * Sign-in (issue 6): /api/session (sign in, who am I, sign out), /api/setup (the first admin,
 * with the one-time token printed at first start), /api/users (admin), and the middleware
 * that finds the principal of each request. Access per route: policy.ts.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import {
  SetupInputSchema,
  SignInInputSchema,
  UserInputSchema,
  UserPatchSchema,
  type SessionUser,
  type User,
} from '../../src/domain/auth';
import { parseWith, readJson } from '../http/crud';
import { etag, requireIfMatch, staleProblem } from '../http/preconditions';
import { ProblemError, conflictProblem, notFoundProblem, validationProblem } from '../http/problem';
import type { Store } from '../store/store';
import { EmailTakenError, LastAdminError, StaleUserError, UserNotFoundError } from './accounts';
import type { PasswordHasher } from './hasher';
import { commonPasswordProblem } from './password-policy';
import { unauthenticated } from './policy';
import { consoleSecurityLog, type SecurityLog } from './security-log';
import { principalFromCookie, readSessionId, sessionBody, sha256Hex, startSession, writeSessionCookie, type Principal } from './sessions';
import { createThrottle, type Throttle } from './throttle';

export interface AuthOptions {
  hasher: PasswordHasher;
  /**
   * Who makes a request, instead of the session cookie: the mock backend (MSW) and the API
   * tests pass a fixed principal. Production leaves it out.
   */
  authenticate?: (c: Context) => Principal | null | Promise<Principal | null>;
  /** The clock of sessions and throttling; injectable for tests. */
  now?: () => Date;
  /** The one-time token of the setup link (first run without ROSTER_ADMIN_*); spent once used. */
  setupToken?: string;
  log?: SecurityLog;
  /** The client's address for throttling (main.ts passes the socket's); 'unknown' otherwise. */
  clientAddress?: (c: Context) => string | undefined;
  throttle?: Throttle;
}

const principalOf = (c: Context) => c.get('principal' as never) as Principal | undefined;

/** The options with their defaults filled in, once (createApp passes these to every part). */
export type ResolvedAuthOptions = AuthOptions & Required<Pick<AuthOptions, 'now' | 'log' | 'throttle'>>;

export function resolveAuthOptions(options: AuthOptions): ResolvedAuthOptions {
  return { ...options, now: options.now ?? (() => new Date()), log: options.log ?? consoleSecurityLog, throttle: options.throttle ?? createThrottle() };
}

/** Sets the request's principal (and the audit actor: the user's e-mail) when there is one. */
export function authentication(store: Store, options: ResolvedAuthOptions): MiddlewareHandler {
  const { now } = options;
  return async (c, next) => {
    const principal = options.authenticate ? await options.authenticate(c) : await principalFromCookie(c, store.accounts, now());
    if (principal) {
      c.set('principal' as never, principal as never);
      c.set('actor' as never, principal.user.email);
    }
    await next();
  };
}

const toSessionUser = (u: User): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

function passwordProblem(password: string, email: string): ProblemError | null {
  const code = commonPasswordProblem(password, email);
  return code === null
    ? null
    : validationProblem([{ field: 'password', code, message: 'This password is too common; choose another.' }]);
}

function emailTaken(existingId: string): ProblemError {
  return conflictProblem(
    'Another user has this e-mail.',
    [{ rule: 'unique', entity: 'users', field: 'email', id: existingId }],
    [{ field: 'email', code: 'email_taken', message: 'Another user has this e-mail.' }],
  );
}

function userWriteProblem(e: unknown): unknown {
  if (e instanceof EmailTakenError) return emailTaken(e.existingId);
  if (e instanceof LastAdminError) {
    return conflictProblem('This would leave no active admin: make another user admin first.', [
      { rule: 'last-admin', entity: 'users', id: e.userId, field: 'role' },
    ]);
  }
  if (e instanceof StaleUserError) return staleProblem('user', e.current);
  if (e instanceof UserNotFoundError) return notFoundProblem('user', e.userId);
  return e;
}

export function sessionRoutes(store: Store, options: ResolvedAuthOptions) {
  const { hasher, now, log, throttle } = options;
  let setupToken = options.setupToken;
  let dummyHash: Promise<string> | undefined;
  const app = new Hono();

  app.get('/session', (c) => {
    const principal = principalOf(c);
    if (!principal) throw unauthenticated('Nobody is signed in.');
    return c.json(sessionBody(principal));
  });

  app.post('/session', async (c) => {
    const input = parseWith(SignInInputSchema, await readJson(c));
    const email = input.email.trim().toLowerCase();
    const accountKey = `account:${email}`;
    const keys = [accountKey, `address:${options.clientAddress?.(c) ?? 'unknown'}`];
    const at = now();
    const wait = throttle.retryAfterSeconds(keys, at.getTime());
    if (wait > 0) {
      log({ event: 'sign-in-throttled', reason: 'too-many-failures' });
      const problem = {
        type: '/problems/too-many-attempts',
        title: 'Too Many Requests',
        status: 429,
        detail: `Too many failed sign-ins. Try again in ${wait} seconds.`,
      };
      return c.body(JSON.stringify(problem), 429, { 'Content-Type': 'application/problem+json', 'Retry-After': String(wait) });
    }
    const found = await store.accounts.findForSignIn(email);
    // An unknown e-mail costs a hash check too, so the answer's timing does not tell it apart.
    dummyHash ??= hasher.hash(crypto.randomUUID());
    const passwordOk = await hasher.verify(input.password, found?.passwordHash ?? (await dummyHash));
    if (!found || !passwordOk || found.user.disabled) {
      throttle.fail(keys, at.getTime());
      log({ event: 'sign-in-failed', userId: found?.user.id, reason: !found ? 'unknown-account' : !passwordOk ? 'wrong-password' : 'disabled' });
      throw new ProblemError({
        type: '/problems/invalid-credentials',
        title: 'Unauthorized',
        status: 401,
        detail: 'The e-mail or the password is wrong, or the user is disabled.',
      });
    }
    throttle.forget(accountKey);
    const principal = await startSession(c, store.accounts, toSessionUser(found.user), at);
    await store.accounts.recordSignIn(found.user.id, at.toISOString());
    log({ event: 'sign-in', userId: found.user.id });
    return c.json(sessionBody(principal));
  });

  app.delete('/session', async (c) => {
    const id = readSessionId(c);
    if (id !== undefined) await store.accounts.deleteSession(await sha256Hex(id));
    writeSessionCookie(c, null);
    const userId = principalOf(c)?.user.id;
    if (userId) log({ event: 'sign-out', userId });
    return c.body(null, 204);
  });

  app.get('/setup', async (c) => c.json({ required: (await store.accounts.countUsers()) === 0 }));

  app.post('/setup', async (c) => {
    const input = parseWith(SetupInputSchema, await readJson(c));
    const given = await sha256Hex(input.token);
    if (setupToken === undefined || given !== (await sha256Hex(setupToken))) {
      log({ event: 'setup-refused', reason: setupToken === undefined ? 'no-token' : 'wrong-token' });
      if ((await store.accounts.countUsers()) > 0) throw setupDone();
      throw new ProblemError({
        type: '/problems/invalid-setup-token',
        title: 'Forbidden',
        status: 403,
        detail: 'This setup link is not valid: use the link the server printed at start-up.',
      });
    }
    const weak = passwordProblem(input.password, input.email);
    if (weak) throw weak;
    const user = await store.accounts.createFirstUser({
      email: input.email,
      name: input.name,
      role: 'admin',
      passwordHash: await hasher.hash(input.password),
      createdAt: now().toISOString(),
    });
    if (!user) throw setupDone();
    setupToken = undefined;
    log({ event: 'setup', userId: user.id });
    const principal = await startSession(c, store.accounts, toSessionUser(user), now());
    await store.accounts.recordSignIn(user.id, now().toISOString());
    return c.json(sessionBody(principal), 201);
  });

  return app;
}

function setupDone(): ProblemError {
  return new ProblemError({ type: '/problems/setup-done', title: 'Conflict', status: 409, detail: 'The first admin exists already: sign in.' });
}

export function userRoutes(store: Store, options: ResolvedAuthOptions) {
  const { now, log } = options;
  const app = new Hono();
  const by = (c: Context) => principalOf(c)?.user.id;

  app.get('/', async (c) => {
    const users = await store.accounts.listUsers();
    c.header('X-Total-Count', String(users.length));
    return c.json(users);
  });

  app.get('/:id', async (c) => {
    const user = await store.accounts.getUser(c.req.param('id'));
    if (!user) throw notFoundProblem('user', c.req.param('id'));
    c.header('ETag', etag(user));
    return c.json(user);
  });

  app.post('/', async (c) => {
    const input = parseWith(UserInputSchema.strict(), await readJson(c));
    const weak = passwordProblem(input.password, input.email);
    if (weak) throw weak;
    const passwordHash = await options.hasher.hash(input.password);
    const user = await store.accounts
      .createUser({ email: input.email, name: input.name, role: input.role, passwordHash, createdAt: now().toISOString() })
      .catch((e: unknown) => {
        throw userWriteProblem(e);
      });
    log({ event: 'user-created', userId: by(c), reason: `created ${user.id} as ${user.role}` });
    c.header('ETag', etag(user));
    c.header('Location', `/api/users/${user.id}`);
    return c.json(user, 201);
  });

  app.patch('/:id', async (c) => {
    const id = c.req.param('id');
    const version = requireIfMatch(c, 'user');
    const input = parseWith(UserPatchSchema, await readJson(c));
    const current = await store.accounts.getUser(id);
    if (!current) throw notFoundProblem('user', id);
    if (input.password !== undefined) {
      const weak = passwordProblem(input.password, input.email ?? current.email);
      if (weak) throw weak;
    }
    const { password, ...rest } = input;
    const passwordHash = password === undefined ? undefined : await options.hasher.hash(password);
    const user = await store.accounts.updateUser(id, { ...rest, passwordHash }, version).catch((e: unknown) => {
      throw userWriteProblem(e);
    });
    const changed = [...Object.keys(rest), ...(password === undefined ? [] : ['password'])].join(',');
    log({ event: 'user-changed', userId: by(c), reason: `changed ${id}: ${changed}` });
    c.header('ETag', etag(user));
    return c.json(user);
  });

  return app;
}
