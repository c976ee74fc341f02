/**
 * /api/users (admins only): the list, and writes that name the version the admin saw
 * (If-Match). There is no deletion: a user is disabled, so the audit trail keeps its actors.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { UserSchema, type User, type UserInput, type UserPatch } from '../../../domain/auth';
import { apiFetch } from '../../../lib/api-client';
import { ifMatch } from '../../../lib/resources';

export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: ['users', 'list'] as const,
      queryFn: ({ signal }) => apiFetch(z.array(UserSchema), '/api/users', { signal }),
    }),
};

export const USER_FIELDS = ['name', 'email', 'role', 'password'] as const;

export function createUser(input: UserInput): Promise<User> {
  return apiFetch(UserSchema, '/api/users', { method: 'POST', body: JSON.stringify(input) });
}

export function patchUser(user: Pick<User, 'id' | 'version'>, patch: UserPatch): Promise<User> {
  return apiFetch(UserSchema, `/api/users/${encodeURIComponent(user.id)}`, {
    method: 'PATCH',
    body: JSON.stringify(patch),
    headers: ifMatch(user.version),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  });
}

export function usePatchUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, patch }: { user: Pick<User, 'id' | 'version'>; patch: UserPatch }) => patchUser(user, patch),
    // The session too: an admin may have changed their own name or role.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
