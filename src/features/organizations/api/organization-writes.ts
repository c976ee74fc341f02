/**
 * Writes on organisations, each with its inverse for "Fortryd" (create ↔ delete, update ↔
 * update back, delete ↔ create again with a new id). Writes on an existing organisation name
 * the version the user saw (If-Match). The hooks refresh every view after a success.
 * Deletion and its undo are in src/components/delete-record-dialog.tsx.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Organization, OrganizationInput } from '../../../domain/schemas';
import { createRecord, refreshAfterWrite, updateRecord } from '../../../lib/resources';

const MAX_OTHER_NAMES = 20;

/** The fields of the organisation form as the API names them, each other name included. */
export const ORGANIZATION_FIELDS = [
  'name',
  'sector',
  'otherNames',
  ...Array.from({ length: MAX_OTHER_NAMES }, (_, i) => `otherNames.${i}` as const),
] as const;

export const organizationData = (o: Organization): OrganizationInput => ({
  name: o.name,
  sector: o.sector,
  otherNames: [...o.otherNames],
});

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganizationInput) => createRecord('organizations', input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organization, input }: { organization: Organization; input: OrganizationInput }) =>
      updateRecord('organizations', organization, input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}
