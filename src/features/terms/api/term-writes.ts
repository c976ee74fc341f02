/**
 * Writes on terms, each with its inverse for "Fortryd": create ↔ delete, update ↔ update back
 * (with the version the update made), delete ↔ create again (a new id). Every write on an
 * existing term names the version the user saw (If-Match). The hooks refresh every view after
 * a success; notices and navigation stay at the call site.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Term, TermInput } from '../../../domain/schemas';
import { createRecord, deleteRecord, refreshAfterWrite, updateRecord } from '../../../lib/resources';

/** The fields of the term form, as the API names them. */
export const TERM_FIELDS = ['label', 'startDate', 'endDate'] as const;

export const termData = (t: Term): TermInput => ({ label: t.label, startDate: t.startDate, endDate: t.endDate });

export function useCreateTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TermInput) => createRecord('terms', input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useUpdateTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ term, input }: { term: Term; input: TermInput }) => updateRecord('terms', term, input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useDeleteTerm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (term: Term) => deleteRecord('terms', term),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}
