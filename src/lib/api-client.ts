/**
 * fetch for the API: JSON in, responses parsed with the domain schema (a contract break fails
 * loudly here, not deep in a component), errors as ApiError carrying the problem+json body.
 */
import type { z } from 'zod';
import { ProblemSchema, type Problem } from '../domain/schemas';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** Seconds to wait before asking again (a 429's Retry-After), when the server said. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
  /** 0 when the server could not be reached at all. */
  get isNetworkError() {
    return this.status === 0;
  }
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function apiFetch<S extends z.ZodType>(
  schema: S,
  path: string,
  init: RequestInit & { query?: Query } = {},
): Promise<z.output<S>> {
  const response = await send(path, init);
  return schema.parse(response.status === 204 ? null : await response.json());
}

/** A page of a list: the rows and the total count the server reports in X-Total-Count. */
export async function apiList<T>(
  schema: z.ZodType<T>,
  path: string,
  init: RequestInit & { query?: Query } = {},
): Promise<{ rows: T[]; total: number }> {
  const response = await send(path, init);
  const rows = (schema.array() as z.ZodType<T[]>).parse(await response.json());
  const total = Number(response.headers.get('X-Total-Count') ?? rows.length);
  return { rows, total: Number.isFinite(total) ? total : rows.length };
}

async function send(path: string, init: RequestInit & { query?: Query }): Promise<Response> {
  const { query, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      ...rest,
      headers: { Accept: 'application/json', ...(rest.body ? { 'Content-Type': 'application/json' } : {}), ...rest.headers },
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    let problem: Problem | null;
    try {
      problem = ProblemSchema.parse(await response.json());
    } catch {
      problem = null;
    }
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    throw new ApiError(response.status, problem, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null);
  }
  return response;
}
