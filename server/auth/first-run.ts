/**
 * The first admin (issue 6): on a database without users, `npm start` creates one from
 * ROSTER_ADMIN_EMAIL and ROSTER_ADMIN_PASSWORD when both are set; otherwise it makes a
 * one-time setup token, and main.ts prints the link (/setup#token=...) that lets the first
 * visitor create the admin. No default password exists anywhere.
 */
import { NewPasswordSchema } from '../../src/domain/auth';
import type { Store } from '../store/store';
import type { PasswordHasher } from './hasher';
import { commonPasswordProblem } from './password-policy';
import { newSessionId } from './sessions';

export type FirstRun = { kind: 'has-users' } | { kind: 'admin-created'; userId: string } | { kind: 'setup-link'; token: string };

export async function prepareFirstAdmin(
  store: Store,
  hasher: PasswordHasher,
  admin: { email?: string; password?: string },
  now = new Date(),
): Promise<FirstRun> {
  if ((await store.accounts.countUsers()) > 0) return { kind: 'has-users' };
  if (admin.email === undefined || admin.password === undefined) {
    if (admin.email !== undefined || admin.password !== undefined) {
      throw new Error('Set both ROSTER_ADMIN_EMAIL and ROSTER_ADMIN_PASSWORD to create the first admin (or neither, for a setup link).');
    }
    return { kind: 'setup-link', token: newSessionId() };
  }
  if (!NewPasswordSchema.safeParse(admin.password).success || commonPasswordProblem(admin.password, admin.email) !== null) {
    throw new Error('ROSTER_ADMIN_PASSWORD is refused: use 12 to 128 characters, and not a common password.');
  }
  const user = await store.accounts.createFirstUser({
    email: admin.email.trim().toLowerCase(),
    name: 'Administrator',
    role: 'admin',
    passwordHash: await hasher.hash(admin.password),
    createdAt: now.toISOString(),
  });
  return user ? { kind: 'admin-created', userId: user.id } : { kind: 'has-users' };
}
