/**
 * The renewal's own endpoints (docs/decisions/013-term-renewal.md): the whole state of a
 * renewal from a term, starting and cancelling it, decisions per seat (nominations, one by one
 * or in bulk) and the switch-over. Query factories parse with the domain schemas; the mutation
 * hooks refresh every view after a success, and notices stay at the call site.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  NominationSchema,
  RenewalStateSchema,
  SettingsSchema,
  SwitchOverResultSchema,
  type Nomination,
  type NominationBulkInput,
  type NominationInput,
  type RenewalStartInput,
  type RenewalState,
} from '../../../domain/renewal';
import { TermSchema } from '../../../domain/schemas';
import { apiFetch } from '../../../lib/api-client';
import { createRecord, deleteRecord, ifMatch, refreshAfterWrite, updateRecord } from '../../../lib/resources';

const termPath = (termId: string) => `/api/terms/${encodeURIComponent(termId)}`;

export const renewalQueries = {
  all: () => ['renewal'] as const,
  /** The renewal FROM a term (the current one); 404 while none was started. */
  state: (termId: string) =>
    queryOptions({
      queryKey: ['renewal', 'state', termId] as const,
      queryFn: ({ signal }) => apiFetch(RenewalStateSchema, `${termPath(termId)}/renewal`, { signal }),
    }),
  settings: () =>
    queryOptions({
      queryKey: ['settings'] as const,
      queryFn: ({ signal }) => apiFetch(SettingsSchema, '/api/settings', { signal }),
      staleTime: 10 * 60_000,
    }),
};

/** The nomination request list as CSV, for a mail merge. */
export const requestsCsvHref = (termId: string) => `${termPath(termId)}/renewal/requests.csv`;

export function startRenewal(termId: string, input: RenewalStartInput) {
  return apiFetch(TermSchema, `${termPath(termId)}/renewal`, { method: 'POST', body: JSON.stringify(input) });
}

export async function cancelRenewal(state: Pick<RenewalState, 'term' | 'renewal'>) {
  await apiFetch(z.null(), `${termPath(state.term.id)}/renewal`, { method: 'DELETE', headers: ifMatch(state.renewal.version) });
}

export function useStartRenewal(termId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RenewalStartInput) => startRenewal(termId, input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useCancelRenewal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelRenewal,
    // The state is gone (404 from now on): no view may keep showing the old one.
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: renewalQueries.all() });
      return refreshAfterWrite(queryClient);
    },
  });
}

/** The writable fields of a nomination, for sending it back unchanged (undo). */
export const nominationData = (n: Nomination): NominationInput => ({
  seatId: n.seatId,
  decision: n.decision,
  status: n.status,
  personId: n.personId,
  organizationId: n.organizationId,
  role: n.role,
  title: n.title,
  requestedOn: n.requestedOn,
  dueDate: n.dueDate,
  note: n.note,
  decidedOn: n.decidedOn,
  source: n.source,
});

/** Creates the seat's nomination, or updates it with the version the user saw. */
export function useSaveNomination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, input }: { existing: Nomination | null; input: NominationInput }) =>
      existing ? updateRecord('nominations', existing, input) : createRecord('nominations', input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

const BulkResultSchema = z.object({ nominations: z.array(NominationSchema) });

export function useBulkNominations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NominationBulkInput) =>
      apiFetch(BulkResultSchema, '/api/nominations/bulk', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

/**
 * Undoes a batch of decisions: nominations the batch created are deleted, those it changed
 * are written back as they were (with the version the batch made).
 */
export async function undoNominations(before: readonly (Nomination | null)[], after: readonly Nomination[]) {
  const bySeat = new Map(before.filter((n): n is Nomination => n !== null).map((n) => [n.seatId, n]));
  for (const saved of after) {
    const previous = bySeat.get(saved.seatId);
    if (previous) await updateRecord('nominations', saved, nominationData(previous));
    else await deleteRecord('nominations', saved);
  }
}

export function useSwitchOver(termId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vacantSeatIds: string[]) =>
      apiFetch(SwitchOverResultSchema, `${termPath(termId)}/switch-over`, {
        method: 'POST',
        body: JSON.stringify({ vacantSeatIds }),
      }),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}
