/**
 * Server-side sessions behind a cookie (ASVS V3). The cookie holds 32 random bytes; the
 * database holds only their SHA-256. A session ends at sign-out, after 30 minutes without a
 * request (idle), 12 hours after sign-in (absolute), and when its user is disabled or gets a
 * new password. Every sign-in makes a new session id (and ends the one the browser sent).
 *
 * The cookie is `__Host-roster_session; Secure; HttpOnly; SameSite=Lax; Path=/`, except on
 * plain-http localhost (development, the end-to-end tests), where browsers would refuse a
 * Secure cookie over http: there it is `roster_session` without Secure (README, decision 017).
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Session, SessionUser } from '../../src/domain/auth';
import type { Accounts } from './accounts';

export const SESSION_TIMEOUTS = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };
/** last_seen_at is written at most this often, not on every request (idle timeout ±1 minute). */
const TOUCH_EVERY_MS = 60_000;

/** Who is making a request. */
export interface Principal {
  user: SessionUser;
  /** When the session ends at the latest (ISO 8601). */
  expiresAt: string;
  /** The stored session's key; absent for principals that do not come from a cookie (mocks, tests). */
  sessionIdHash?: string;
}

export function sessionBody(principal: Principal): Session {
  return { user: principal.user, expiresAt: principal.expiresAt, idleTimeoutSeconds: SESSION_TIMEOUTS.idleMs / 1000 };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The cookie's name and whether it is Secure, for the URL the browser used. */
export function sessionCookie(url: string): { name: string; secure: boolean } {
  const { protocol, hostname } = new URL(url);
  const plainLocal = protocol === 'http:' && (LOOPBACK.has(hostname) || hostname.endsWith('.localhost'));
  return plainLocal ? { name: 'roster_session', secure: false } : { name: '__Host-roster_session', secure: true };
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function newSessionId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function readSessionId(c: Context): string | undefined {
  const value = getCookie(c, sessionCookie(c.req.url).name);
  // Our ids are 43 base64url characters; anything else is not worth a database lookup.
  return value !== undefined && /^[\w-]{43}$/.test(value) ? value : undefined;
}

export function writeSessionCookie(c: Context, id: string | null): void {
  const { name, secure } = sessionCookie(c.req.url);
  setCookie(c, name, id ?? '', {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    // Gone with the absolute timeout at the latest; an empty value with Max-Age=0 deletes it.
    maxAge: id === null ? 0 : SESSION_TIMEOUTS.absoluteMs / 1000,
  });
}

/** The session a cookie names, if it is still valid now; ends it (deletes it) when it is not. */
export async function principalFromCookie(c: Context, accounts: Accounts, now: Date): Promise<Principal | null> {
  const id = readSessionId(c);
  if (id === undefined) return null;
  const idHash = await sha256Hex(id);
  const session = await accounts.getSession(idHash);
  if (!session) return null;
  const created = Date.parse(session.createdAt);
  const lastSeen = Date.parse(session.lastSeenAt);
  const expired = now.getTime() - created >= SESSION_TIMEOUTS.absoluteMs || now.getTime() - lastSeen >= SESSION_TIMEOUTS.idleMs;
  const user = expired ? undefined : session.user;
  if (!user || user.disabled) {
    await accounts.deleteSession(idHash);
    return null;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) await accounts.touchSession(idHash, now.toISOString());
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    expiresAt: new Date(created + SESSION_TIMEOUTS.absoluteMs).toISOString(),
    sessionIdHash: idHash,
  };
}

/** Starts a new session for the user (ending the one this browser had) and sets its cookie. */
export async function startSession(c: Context, accounts: Accounts, user: SessionUser, now: Date): Promise<Principal> {
  const previous = readSessionId(c);
  if (previous !== undefined) await accounts.deleteSession(await sha256Hex(previous));
  // Sessions nobody came back to would otherwise stay in the table for ever.
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  await accounts.deleteExpiredSessions(ago(SESSION_TIMEOUTS.idleMs), ago(SESSION_TIMEOUTS.absoluteMs));
  const id = newSessionId();
  const idHash = await sha256Hex(id);
  await accounts.createSession({ idHash, userId: user.id, createdAt: now.toISOString(), lastSeenAt: now.toISOString() });
  writeSessionCookie(c, id);
  return { user, expiresAt: new Date(now.getTime() + SESSION_TIMEOUTS.absoluteMs).toISOString(), sessionIdHash: idHash };
}
