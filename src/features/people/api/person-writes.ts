/**
 * Writes on people, each with its inverse for "Fortryd": create ↔ delete, update ↔ update
 * back (with the version the update made), delete ↔ create again (a new id: the API does not
 * let a client choose ids). Every write on an existing person names the version the user saw
 * (If-Match), so someone else's change is refused, not overwritten. The mutation hooks
 * refresh every view after a success; notices and navigation stay at the call site. Deletion
 * and its undo are in src/components/delete-record-dialog.tsx.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person, PersonInput } from '../../../domain/schemas';
import { createRecord, refreshAfterWrite, updateRecord } from '../../../lib/resources';

/** The fields a person's form edits, as the API names them. */
export const PERSON_FIELDS = ['name', 'email', 'phone', 'notes'] as const;

/** The person's editable data, to send back on undo. */
export const personData = (p: Person): PersonInput => ({ name: p.name, email: p.email, phone: p.phone, notes: p.notes });

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => createRecord('people', input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ person, input }: { person: Person; input: PersonInput }) => updateRecord('people', person, input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}
