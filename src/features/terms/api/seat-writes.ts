/**
 * Writes on seats, each with its inverse for "Fortryd" (see term-writes.ts). A seat is removed
 * only while it has never had a holder: the server refuses (409 'in-use', naming the
 * membership) otherwise, so a seat's history cannot vanish.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Seat, SeatInput } from '../../../domain/schemas';
import { createRecord, deleteRecord, refreshAfterWrite, updateRecord } from '../../../lib/resources';

/** The fields of the seat form, as the API names them. */
export const SEAT_FIELDS = ['label', 'bodyId', 'nominatingOrganizationId', 'reservedSector'] as const;
/** Fields the API may name in a refusal (termId has no field of its own in the form). */
export const SEAT_PROBLEM_FIELDS = [...SEAT_FIELDS, 'termId'];

export const seatData = (s: Seat): SeatInput => ({
  termId: s.termId,
  bodyId: s.bodyId,
  label: s.label,
  nominatingOrganizationId: s.nominatingOrganizationId,
  reservedSector: s.reservedSector,
});

export function useCreateSeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SeatInput) => createRecord('seats', input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useUpdateSeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ seat, input }: { seat: Seat; input: SeatInput }) => updateRecord('seats', seat, input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export function useRemoveSeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seat: Seat) => deleteRecord('seats', seat),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}
