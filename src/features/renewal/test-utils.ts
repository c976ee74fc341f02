/** Helpers for this feature's integration tests: arranging a renewal through the real API, finding rows. */
import { fireEvent, screen, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { RenewalState } from '../../domain/renewal';
import type { Term } from '../../domain/schemas';

export const SLOW = 30_000;

/** The test backend (mocks/node's useFreshBackend()): the real app and its store. */
interface Backend {
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
  store: { terms: { list: () => Promise<Term[]> } };
}

/** A request straight to the backend (not through the UI), for arranging data. */
export async function api<T = unknown>(backend: Backend, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await backend.app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.ok, `${method} ${path}: ${res.status} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : null) as T;
}

/** The seeded backend with the 2018-2021 term. */
export async function seeded<B extends Backend>(backend: B) {
  const [term] = await backend.store.terms.list();
  if (!term) throw new Error('seed has no term');
  return { backend, term };
}

/** The seed with a renewal of 2018-2021 started (2022-2025 with the 22 seats copied). */
export async function withRenewal<B extends Backend>(fresh: B) {
  const { backend, term } = await seeded(fresh);
  await api(backend, 'POST', `/api/terms/${term.id}/renewal`, {});
  const state = () => api<RenewalState>(backend, 'GET', `/api/terms/${term.id}/renewal`);
  return { backend, term, state };
}

/** Decides seats through the bulk endpoint. */
export async function bulk(backend: Backend, seatIds: string[], json: Record<string, unknown>) {
  return api<{ nominations: { id: string; version: number; seatId: string }[] }>(backend, 'POST', '/api/nominations/bulk', {
    items: seatIds.map((seatId) => ({ seatId })),
    ...json,
  });
}

/** The workspace row of a seat, found by the seat's label in its row header. */
export async function seatRow(label: string): Promise<HTMLElement> {
  const header = await screen.findByRole('rowheader', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }, { timeout: 15_000 });
  const row = header.closest('tr');
  if (!row) throw new Error(`no row for ${label}`);
  return row;
}

/** A native date field takes no typing in jsdom; a browser's picker sets the whole value at once. */
export function setDate(label: RegExp | string, value: string, container: HTMLElement = document.body): void {
  fireEvent.change(within(container).getByLabelText(label), { target: { value } });
}
