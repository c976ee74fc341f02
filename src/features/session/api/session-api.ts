/**
 * Signing in and out, and the first run's setup (POST /api/setup). A new session replaces
 * everything in the query cache: nothing the previous user saw stays behind.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { z } from 'zod';
import { SessionSchema, SetupStatusSchema, type SetupInput, type SignInInput } from '../../../domain/auth';
import { apiFetch, ApiError } from '../../../lib/api-client';
import { sessionQueries } from '../../../lib/session';

/** Mutation keys under 'session': the app's 401 watcher leaves these alone (a wrong password is a 401 too). */
export const SESSION_MUTATION_KEY = ['session'] as const;

export const setupQueries = {
  status: () =>
    queryOptions({
      queryKey: ['setup', 'status'] as const,
      queryFn: ({ signal }) => apiFetch(SetupStatusSchema, '/api/setup', { signal }),
      staleTime: 60_000,
    }),
};

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...SESSION_MUTATION_KEY, 'sign-in'],
    mutationFn: (input: SignInInput) => apiFetch(SessionSchema, '/api/session', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current().queryKey, session);
    },
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...SESSION_MUTATION_KEY, 'setup'],
    mutationFn: (input: SetupInput) => apiFetch(SessionSchema, '/api/setup', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current().queryKey, session);
    },
  });
}

/** Signs out on the server, leaves for /sign-in, and forgets every cached answer. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationKey: [...SESSION_MUTATION_KEY, 'sign-out'],
    mutationFn: async () => {
      try {
        await apiFetch(z.null(), '/api/session', { method: 'DELETE' });
      } catch (error) {
        // Already signed out (expired): the goal is reached.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: async () => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current().queryKey, null);
      await router.navigate({ to: '/sign-in', replace: true });
    },
  });
}

/** "Prøv igen om …": the seconds a 429 asks the client to wait (Retry-After), if it said. */
export function retryAfterSeconds(error: unknown): number | null {
  return error instanceof ApiError && error.status === 429 ? error.retryAfter : null;
}
