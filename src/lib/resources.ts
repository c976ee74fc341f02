/**
 * The API's record collections for every feature: query factories (keys and fetchers
 * together) and the writes, which always carry the record's version (If-Match), so a stale
 * edit is refused by the server instead of overwriting someone else's change.
 *
 * Features build their pages on these; a feature's own endpoints (roster, actions) live in
 * the feature's api/ folder.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  BodySchema,
  MembershipSchema,
  OrganizationSchema,
  PersonSchema,
  SeatSchema,
  TermSchema,
} from '../domain/schemas';
import { NominationSchema } from '../domain/renewal';
import { apiFetch, apiList, type Query } from './api-client';

export const RESOURCE_SCHEMAS = {
  terms: TermSchema,
  bodies: BodySchema,
  organizations: OrganizationSchema,
  people: PersonSchema,
  seats: SeatSchema,
  memberships: MembershipSchema,
  nominations: NominationSchema,
} as const;
export type ResourceName = keyof typeof RESOURCE_SCHEMAS;
export type ResourceRecord<N extends ResourceName> = z.infer<(typeof RESOURCE_SCHEMAS)[N]>;

/** Query factories for one collection: `all` is the key prefix every write invalidates. */
export function resourceQueries<N extends ResourceName>(name: N) {
  const all = () => [name] as const;
  const schema = () => RESOURCE_SCHEMAS[name] as unknown as z.ZodType<ResourceRecord<N>>;
  return {
    all,
    /** Every record matching the query (no paging): for pickers and small collections. */
    list: (query: Query = {}) =>
      queryOptions({
        queryKey: [name, 'list', query] as const,
        queryFn: ({ signal }) => apiFetch(z.array(schema()), `/api/${name}`, { query, signal }),
      }),
    /** One page of records and the total count (X-Total-Count), for tables with paging. */
    page: (query: Query & { limit: number; offset: number }) =>
      queryOptions({
        queryKey: [name, 'page', query] as const,
        queryFn: ({ signal }) => apiList(schema(), `/api/${name}`, { query, signal }),
        placeholderData: keepPreviousData,
      }),
    detail: (id: string) =>
      queryOptions({
        queryKey: [name, 'detail', id] as const,
        queryFn: ({ signal }) => apiFetch(schema(), `/api/${name}/${encodeURIComponent(id)}`, { signal }),
      }),
  };
}

export const termQueries = resourceQueries('terms');
export const bodyQueries = resourceQueries('bodies');
export const organizationQueries = resourceQueries('organizations');
export const personQueries = resourceQueries('people');
export const seatQueries = resourceQueries('seats');
export const membershipQueries = resourceQueries('memberships');
export const nominationQueries = resourceQueries('nominations');

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export function createRecord<N extends ResourceName>(name: N, data: unknown): Promise<ResourceRecord<N>> {
  return apiFetch(RESOURCE_SCHEMAS[name] as unknown as z.ZodType<ResourceRecord<N>>, `/api/${name}`, {
    method: 'POST',
    body: JSON.stringify(data),
  });
}

/** PATCH with the version the user saw: 409 (with the current record) when someone else saved first. */
export function updateRecord<N extends ResourceName>(
  name: N,
  record: { id: string; version: number },
  changes: unknown,
): Promise<ResourceRecord<N>> {
  return apiFetch(
    RESOURCE_SCHEMAS[name] as unknown as z.ZodType<ResourceRecord<N>>,
    `/api/${name}/${encodeURIComponent(record.id)}`,
    { method: 'PATCH', body: JSON.stringify(changes), headers: ifMatch(record.version) },
  );
}

export async function deleteRecord(name: ResourceName, record: { id: string; version: number }): Promise<void> {
  await apiFetch(z.null(), `/api/${name}/${encodeURIComponent(record.id)}`, {
    method: 'DELETE',
    headers: ifMatch(record.version),
  });
}

export { ifMatch };

/**
 * After any write: every view may show the changed record (rosters, timelines, pickers), and
 * the app's data is small, so everything on screen is refetched rather than guessed at.
 */
export function refreshAfterWrite(queryClient: { invalidateQueries: () => Promise<void> }): Promise<void> {
  return queryClient.invalidateQueries();
}
