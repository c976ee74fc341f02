/**
 * Users and their sessions (issue 6): what the sign-in needs to keep. Separate from the
 * roster's records on purpose: no user is ever in an export, a backup dump or the roster's
 * audit trail, and a password hash never leaves this module's callers on the server.
 * Implementations: memory (below; mocks and fast tests) and SQL (sql-accounts.ts).
 */
import type { User, UserRole } from '../../src/domain/auth';

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface UserChanges {
  email?: string;
  name?: string;
  role?: UserRole;
  disabled?: boolean;
  passwordHash?: string;
}

export interface SessionRecord {
  /** SHA-256 (hex) of the session id in the cookie; the id itself is never stored. */
  idHash: string;
  userId: string;
  /** ISO 8601. */
  createdAt: string;
  lastSeenAt: string;
}

/** Another user already has this e-mail. */
export class EmailTakenError extends Error {
  constructor(readonly existingId: string) {
    super('e-mail taken');
    this.name = 'EmailTakenError';
  }
}

/** The change would leave no active admin. */
export class LastAdminError extends Error {
  constructor(readonly userId: string) {
    super('last admin');
    this.name = 'LastAdminError';
  }
}

export class UserNotFoundError extends Error {
  constructor(readonly userId: string) {
    super('no such user');
    this.name = 'UserNotFoundError';
  }
}

export class StaleUserError extends Error {
  constructor(readonly current: User) {
    super('stale user');
    this.name = 'StaleUserError';
  }
}

export interface Accounts {
  countUsers(): Promise<number>;
  /** Sorted by name, then e-mail. */
  listUsers(): Promise<User[]>;
  getUser(id: string): Promise<User | undefined>;
  /** The user with this e-mail (already lower-cased) and their password hash, for sign-in. */
  findForSignIn(email: string): Promise<{ user: User; passwordHash: string } | undefined>;
  /** Throws EmailTakenError. */
  createUser(data: NewUser): Promise<User>;
  /** The first admin, only while there is no user at all (atomic); undefined when there is one. */
  createFirstUser(data: NewUser): Promise<User | undefined>;
  /**
   * Applies the changes when the version matches (StaleUserError otherwise), refusing to leave
   * no active admin (LastAdminError), or a taken e-mail (EmailTakenError). Disabling or a new
   * password ends every session of the user in the same transaction.
   */
  updateUser(id: string, changes: UserChanges, expectedVersion: number): Promise<User>;
  recordSignIn(userId: string, at: string): Promise<void>;

  createSession(session: SessionRecord): Promise<void>;
  /** The session with its user, in one read (it is on every request's path). */
  getSession(idHash: string): Promise<(SessionRecord & { user: User }) | undefined>;
  touchSession(idHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes sessions last seen before idleBefore or created before createdBefore (ISO 8601). */
  deleteExpiredSessions(idleBefore: string, createdBefore: string): Promise<void>;
}

const byName = (a: User, b: User) => a.name.localeCompare(b.name, 'da') || a.email.localeCompare(b.email);

export function createMemoryAccounts(newId: () => string = () => crypto.randomUUID()): Accounts {
  const users = new Map<string, User & { passwordHash: string }>();
  const sessions = new Map<string, SessionRecord>();
  const publicUser = ({ passwordHash: _h, ...user }: User & { passwordHash: string }): User => ({ ...user });
  const emailOwner = (email: string, except?: string) => [...users.values()].find((u) => u.email === email && u.id !== except);
  const activeAdmins = () => [...users.values()].filter((u) => u.role === 'admin' && !u.disabled);

  function insert(data: NewUser): User {
    const taken = emailOwner(data.email);
    if (taken) throw new EmailTakenError(taken.id);
    const user = { id: newId(), version: 1, email: data.email, name: data.name, role: data.role, disabled: false, createdAt: data.createdAt, lastSignInAt: null, passwordHash: data.passwordHash };
    users.set(user.id, user);
    return publicUser(user);
  }

  return {
    countUsers: () => Promise.resolve(users.size),
    listUsers: () => Promise.resolve([...users.values()].map(publicUser).sort(byName)),
    getUser: (id) => {
      const user = users.get(id);
      return Promise.resolve(user && publicUser(user));
    },
    findForSignIn: (email) => {
      const user = emailOwner(email);
      return Promise.resolve(user && { user: publicUser(user), passwordHash: user.passwordHash });
    },
    createUser: (data) => Promise.resolve().then(() => insert(data)),
    createFirstUser: (data) => Promise.resolve(users.size === 0 ? insert(data) : undefined),
    updateUser: (id, changes, expectedVersion) =>
      Promise.resolve().then(() => {
        const user = users.get(id);
        if (!user) throw new UserNotFoundError(id);
        if (user.version !== expectedVersion) throw new StaleUserError(publicUser(user));
        if (changes.email !== undefined) {
          const taken = emailOwner(changes.email, id);
          if (taken) throw new EmailTakenError(taken.id);
        }
        const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        const next = { ...user, ...defined, version: user.version + 1 };
        const wasActiveAdmin = user.role === 'admin' && !user.disabled;
        if (wasActiveAdmin && (next.role !== 'admin' || next.disabled) && activeAdmins().length <= 1) throw new LastAdminError(id);
        users.set(id, next);
        if (next.disabled || changes.passwordHash !== undefined) {
          for (const [key, s] of sessions) if (s.userId === id) sessions.delete(key);
        }
        return publicUser(next);
      }),
    recordSignIn: (userId, at) => {
      const user = users.get(userId);
      if (user) users.set(userId, { ...user, lastSignInAt: at });
      return Promise.resolve();
    },
    createSession: (session) => {
      sessions.set(session.idHash, { ...session });
      return Promise.resolve();
    },
    getSession: (idHash) => {
      const session = sessions.get(idHash);
      const user = session && users.get(session.userId);
      return Promise.resolve(session && user && { ...session, user: publicUser(user) });
    },
    touchSession: (idHash, lastSeenAt) => {
      const session = sessions.get(idHash);
      if (session) sessions.set(idHash, { ...session, lastSeenAt });
      return Promise.resolve();
    },
    deleteSession: (idHash) => {
      sessions.delete(idHash);
      return Promise.resolve();
    },
    deleteExpiredSessions: (idleBefore, createdBefore) => {
      const [idle, created] = [Date.parse(idleBefore), Date.parse(createdBefore)];
      for (const [key, s] of sessions) if (Date.parse(s.lastSeenAt) < idle || Date.parse(s.createdAt) < created) sessions.delete(key);
      return Promise.resolve();
    },
  };
}
