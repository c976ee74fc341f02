/**
 * Writes that must name the version they were based on: If-Match is required (428 without it),
 * and a stale one gets 409 with the current record, so the client can compare or reload
 * without another request.
 */
import type { Context } from 'hono';
import { ProblemError, conflictProblem, validationProblem } from './problem';

export function etag(record: { version: number }): string {
  return `"${record.version}"`;
}

/** The version named by If-Match, or undefined when the header is absent or "*". */
export function ifMatchVersion(c: Context): number | undefined {
  const header = c.req.header('If-Match');
  if (!header || header.trim() === '*') return undefined;
  const m = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!m) {
    throw validationProblem([{ field: 'If-Match', code: 'invalid_etag', message: 'If-Match must be an ETag such as "3".' }]);
  }
  return Number(m[1]);
}

/** 409 for a write based on an old version; carries the record as it is now when given in full. */
export function staleProblem(entity: string, current: { id: string; version: number }): ProblemError {
  const problem = conflictProblem(
    `The ${entity} was changed by someone else (now version ${current.version}). Reload it and try again.`,
    [{ rule: 'stale-version', entity, id: current.id, summary: `version ${current.version}` }],
  ).problem;
  return new ProblemError({ ...problem, current: { ...current } });
}

/** The version named by If-Match; 428 when the header is absent or "*", 400 when it is not an ETag. */
export function requireIfMatch(c: Context, entity: string): number {
  const version = ifMatchVersion(c);
  if (version !== undefined) return version;
  throw new ProblemError({
    type: '/problems/precondition-required',
    title: 'Precondition Required',
    status: 428,
    detail: `Send If-Match with the version of the ${entity} this change is based on (its ETag, e.g. "3").`,
    errors: [{ field: 'If-Match', code: 'if_match_required', message: 'If-Match with the record version is required.' }],
  });
}

/** 409 for a stale If-Match, carrying the current record as `current`. */
export function staleWithCurrentProblem<T extends { id: string; version: number }>(entity: string, current: T): ProblemError {
  return staleProblem(entity, current);
}

/** Throws the stale problem unless the record has the expected version. */
export function assertVersion<T extends { id: string; version: number }>(entity: string, record: T, expected: number): void {
  if (record.version !== expected) throw staleWithCurrentProblem(entity, record);
}
