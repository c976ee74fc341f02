/**
 * Writes that must name the version they were based on: If-Match is required (428 without it),
 * and a stale one gets 409 with the current record, so the client can compare or reload
 * without another request.
 */
import type { Context } from 'hono';
import type { Problem } from '../../src/domain/schemas';
import { ifMatchVersion, staleProblem } from './crud';
import { ProblemError } from './problem';

/** The version named by If-Match; 428 when the header is absent or "*", 400 when it is not an ETag. */
export function requireIfMatch(c: Context, entity: string): number {
  const version = ifMatchVersion(c);
  if (version !== undefined) return version;
  throw new ProblemError({
    type: '/problems/precondition-required',
    title: 'Precondition required',
    status: 428,
    detail: `Send If-Match with the version of the ${entity} this change is based on (its ETag, e.g. "3").`,
    errors: [{ field: 'If-Match', code: 'if_match_required', message: 'If-Match with the record version is required.' }],
  });
}

/** 409 for a stale If-Match, carrying the current record as `current`. */
export function staleWithCurrentProblem<T extends { id: string; version: number }>(entity: string, current: T): ProblemError {
  const { problem } = staleProblem(entity, current);
  return new ProblemError({ ...problem, current } as Problem);
}

/** Throws the stale problem unless the record has the expected version. */
export function assertVersion<T extends { id: string; version: number }>(entity: string, record: T, expected: number): void {
  if (record.version !== expected) throw staleWithCurrentProblem(entity, record);
}
