/**
 * Writes on bodies (the council and its fora), each with its inverse for "Fortryd": create ↔
 * delete, update ↔ update back (with the version the update made), delete ↔ create again (a
 * new id). Every write on an existing body names the version the user saw (If-Match).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Body, BodyInput } from '../../../domain/schemas';
import { createRecord, deleteRecord, refreshAfterWrite, updateRecord } from '../../../lib/resources';

/** The fields of the body form, as the API names them. */
export const BODY_FIELDS = ['name', 'kind', 'parentId', 'purpose'] as const;

export const bodyData = (b: Body): BodyInput => ({ name: b.name, kind: b.kind, parentId: b.parentId, purpose: b.purpose });

export function useCreateBody() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyInput) => createRecord('bodies', input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useUpdateBody() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, input }: { body: Body; input: BodyInput }) => updateRecord('bodies', body, input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useDeleteBody() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => deleteRecord('bodies', body),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}
