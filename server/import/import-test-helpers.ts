/**
 * Helpers for the import and export API tests: the seed document's text (from this
 * repository, never from outside it), an empty backend with one council and one term made
 * through the API, and the roster of a body reduced to what a person reads (seat, name, title,
 * organisation), so two databases with different ids can be compared.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { freshEmptyStore } from '../../tests/contract/test-stores';
import type { ImportCommitResult, ImportPreview } from '../../src/domain/import';
import type { Body, Roster, Term } from '../../src/domain/schemas';
import { createApp, type App } from '../app';
import { TERM } from '../seed/horsens-alliancen';
import { TODAY, client, type Api, TEST_AUTH } from '../test-helpers';

export const SEED_TEXT = readFileSync(new URL('../seed/horsens-alliancen.txt', import.meta.url), 'utf8');

export interface EmptyBackend {
  app: App;
  api: Api;
  council: Body;
  term: Term;
}

/**
 * A database with nothing but a council named `councilName` and the seed's term, made through
 * the API. On a SQL store each call empties the same spare database: one per test.
 */
export async function emptyBackend(councilName = 'Horsens Alliancen'): Promise<EmptyBackend> {
  const app = createApp({ store: await freshEmptyStore(), today: () => TODAY, auth: TEST_AUTH });
  const api = client(app);
  const council = await api.create<Body>('/api/bodies', { name: councilName, kind: 'council', parentId: null, purpose: '' });
  const term = await api.create<Term>('/api/terms', TERM);
  return { app, api, council, term };
}

export async function preview(api: Api, body: Record<string, unknown>): Promise<ImportPreview> {
  const res = await api.post<ImportPreview>('/api/import/preview', body);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** Previews and commits every proposal unedited; every row must have one. */
export async function importUnedited(
  api: Api,
  request: { format: string; content: string; termId: string; bodyId: string },
): Promise<{ preview: ImportPreview; result: ImportCommitResult }> {
  const answer = await preview(api, request);
  expect(answer.errors).toEqual([]);
  expect(answer.rows.filter((r) => r.proposal === null)).toEqual([]);
  const res = await api.post<ImportCommitResult>('/api/import/commit', {
    termId: request.termId,
    bodyId: request.bodyId,
    rows: answer.rows.map((r) => r.proposal),
  });
  expect(res.status, res.text).toBe(201);
  return { preview: answer, result: res.body };
}

/** What a person reads in a roster: seat, holder, title, organisation, sector, role, dates. */
export async function readableRoster(api: Api, bodyId: string, asOf: string) {
  const res = await api.get<Roster>(`/api/roster?bodyId=${bodyId}&asOf=${asOf}`);
  expect(res.status, res.text).toBe(200);
  return res.body.entries.map((e) => ({
    seat: e.seat.label,
    name: e.person?.name ?? null,
    title: e.membership?.title ?? null,
    organization: e.organization?.name ?? null,
    sector: e.sector,
    role: e.membership?.role ?? null,
    startDate: e.membership?.startDate ?? null,
    endDate: e.membership?.endDate ?? null,
  }));
}

/**
 * A GET whose answer is not JSON (a CSV download): status, headers, the bytes, and the text
 * decoded with any byte order mark kept (Response.text() would drop it).
 */
export async function download(app: App, path: string) {
  const res = await app.request(path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}
