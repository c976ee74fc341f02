/**
 * Who is signed in, for every part of the SPA: the session query (GET /api/session; null
 * when nobody is signed in), `useSession()` and `useCan(capability)`. The route guard in
 * src/app/router.tsx ensures the session before any signed-in page renders, so inside the
 * app `useSession()` has its data at once. Sign-in, sign-out and setup are in
 * src/features/session/.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { can, SessionSchema, type Capability, type Session } from '../domain/auth';
import { apiFetch, ApiError } from './api-client';

export const sessionQueries = {
  all: () => ['session'] as const,
  /** The current session, or null when nobody is signed in (401). */
  current: () =>
    queryOptions({
      queryKey: ['session', 'current'] as const,
      queryFn: async ({ signal }): Promise<Session | null> => {
        try {
          return await apiFetch(SessionSchema, '/api/session', { signal });
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      },
      // The server ends idle sessions; any 401 elsewhere sends the user to /sign-in anyway.
      staleTime: 5 * 60_000,
    }),
};

/** Paths a signed-out visitor may open; every other path requires a session. */
export const PUBLIC_PATHS: readonly string[] = ['/sign-in', '/setup'];

export const isPublicPath = (pathname: string) => PUBLIC_PATHS.includes(pathname.replace(/\/+$/, '') || '/');

/** The signed-in user's session (null only on the public pages). */
export function useSession(): Session | null {
  return useQuery(sessionQueries.current()).data ?? null;
}

/** Whether the signed-in user's role allows a capability (the server refuses it anyway). */
export function useCan(capability: Capability): boolean {
  return can(useSession()?.user.role, capability);
}

/**
 * A `redirect` search param made safe: only a path inside this app ("/people?q=x"), never
 * another site ("//evil.example", "https://…", "/\\evil"), and never back to the public pages.
 */
export function safeRedirect(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return '/';
  try {
    const url = new URL(target, 'http://app.invalid');
    if (url.origin !== 'http://app.invalid' || isPublicPath(url.pathname)) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
