/**
 * The membership actions of the API (docs/decisions/005): assign (a plain create), change or
 * replace from a date, end; and their inverses for undo (delete, revert, reopen). Every write
 * on an existing segment names the version the user saw (If-Match), so a concurrent change is
 * refused instead of overwritten. The mutation hooks refresh every view after a success.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  MembershipSegmentsSchema,
  type Membership,
  type MembershipChangeInput,
  type MembershipEndInput,
  type MembershipInput,
} from '../../../domain/schemas';
import { apiFetch } from '../../../lib/api-client';
import { createRecord, deleteRecord, ifMatch, refreshAfterWrite, updateRecord } from '../../../lib/resources';

type Versioned = Pick<Membership, 'id' | 'version'>;

function action(segment: Versioned, name: 'change' | 'end' | 'revert' | 'reopen', body?: unknown) {
  return apiFetch(MembershipSegmentsSchema, `/api/memberships/${encodeURIComponent(segment.id)}/${name}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: ifMatch(segment.version),
  }).then((answer) => answer.segments);
}

export const assignMembership = (input: MembershipInput) => createRecord('memberships', input);
export const changeMembership = (segment: Versioned, input: MembershipChangeInput) => action(segment, 'change', input);
export const endMembership = (segment: Versioned, input: MembershipEndInput) => action(segment, 'end', input);

/** Undo of assign: the new membership goes away. */
export const unassignMembership = (created: Versioned) => deleteRecord('memberships', created);
/** Undo of change or replace: removes the new segment and gives its predecessor its end back. */
export const revertMembership = (started: Versioned) => action(started, 'revert');

/** Undo of end: an open membership is reopened; a moved end is moved back. */
export function unendMembership(
  ended: Versioned,
  before: Pick<Membership, 'endDate' | 'endReason' | 'endDecidedOn' | 'endSource'>,
) {
  if (before.endDate === null) return action(ended, 'reopen');
  if (before.endReason) {
    return action(ended, 'end', {
      endDate: before.endDate,
      endReason: before.endReason,
      decidedOn: before.endDecidedOn,
      source: before.endSource,
    });
  }
  return updateRecord('memberships', ended, before).then((m) => [m]);
}

/** A mutation that refreshes every view after it succeeds; notices and closing stay at the call site. */
function useWrite<V, R>(write: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => refreshAfterWrite(queryClient),
  });
}

export const useAssignMembership = () => useWrite((input: MembershipInput) => assignMembership(input));
export const useChangeMembership = () =>
  useWrite(({ segment, input }: { segment: Versioned; input: MembershipChangeInput }) => changeMembership(segment, input));
export const useEndMembership = () =>
  useWrite(({ segment, input }: { segment: Versioned; input: MembershipEndInput }) => endMembership(segment, input));
