/**
 * Errors as RFC 9457 problem details (application/problem+json). Field errors carry a code
 * that the SPA translates, so the same response reads in Danish and English.
 */
import type { z } from 'zod';
import type { Conflict, FieldError, Problem } from '../../src/domain/schemas';
import type { ConstraintRule, ConstraintViolationError, EntityName } from '../store/store';

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

export function validationProblem(errors: FieldError[], detail = 'The request has invalid fields.'): ProblemError {
  return new ProblemError({ type: '/problems/validation', title: 'Invalid request', status: 400, detail, errors });
}

/** English texts for the domain's own codes (zod's built-in issues bring their own). */
const DOMAIN_MESSAGES: Record<string, string> = {
  end_before_start: 'The end date is before the start date.',
  phone_format: 'Not a Danish phone number (8 digits, optionally +45).',
  email_format: 'Not an email address.',
  url_format: 'Not a web address (http or https).',
  control_characters: 'Contains control characters.',
  unknown_reference: 'No record has this id.',
  nominee_required: 'Name the nominee (a person) first.',
  due_before_request: 'The due date is before the request date.',
  no_person_for_decision: 'This decision names no person.',
};

export function zodProblem(error: z.ZodError, prefix: string[] = []): ProblemError {
  return validationProblem(
    error.issues.flatMap((issue) => {
      // An unknown key (a query filter the schema does not know) is an error of that key, so
      // the client can name it; zod reports it once, on the enclosing object.
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          field: [...prefix, ...issue.path.map(String), key].join('.'),
          code: issue.code,
          message: `Unknown field: ${key}.`,
        }));
      }
      const domainMessage = DOMAIN_MESSAGES[issue.message];
      return {
        field: [...prefix, ...issue.path.map(String)].join('.') || '(root)',
        code: domainMessage ? issue.message : issue.code,
        message: domainMessage ?? issue.message,
      };
    }),
  );
}

export function unknownReference(field: string): FieldError {
  return { field, code: 'unknown_reference', message: 'No record has this id.' };
}

export function notFoundProblem(entity: string, id: string): ProblemError {
  return new ProblemError({
    type: '/problems/not-found',
    title: 'Not found',
    status: 404,
    detail: `No ${entity} has id ${id}.`,
  });
}

export function conflictProblem(detail: string, conflicts: Conflict[], errors?: FieldError[]): ProblemError {
  return new ProblemError({ type: '/problems/conflict', title: 'Conflict', status: 409, detail, conflicts, errors });
}

/** Entities as problems name them (e.g. conflicts: [{ entity: 'membership' }]). */
export const SINGULAR: Record<EntityName, string> = {
  terms: 'term',
  bodies: 'body',
  organizations: 'organization',
  people: 'person',
  seats: 'seat',
  memberships: 'membership',
  renewals: 'renewal',
  nominations: 'nomination',
};

const CONSTRAINT_TEXT: Record<ConstraintRule, string> = {
  'seat-holder': 'The seat already has a holder in this period',
  'body-chair': 'The body already has a chair in this period',
  'person-body': 'The person already holds another seat in this body in this period',
  'within-term': "The dates lie outside the seat's term",
  'term-overlap': 'The dates overlap another term',
  'date-order': 'The end date is before the start date',
  'missing-reference': 'The record refers to a record that does not exist',
  'in-use': 'The record is still in use',
  'invalid-value': 'A value is not allowed',
  duplicate: 'A record like this already exists',
};

/**
 * 409 for a write the database's constraints refused (the backstop behind the API's own
 * checks, e.g. when two requests race): names the rule and, when the store found it, the
 * conflicting record. Never quotes the database's message, which may contain stored values.
 */
export function constraintProblem(err: ConstraintViolationError): ProblemError {
  const text = CONSTRAINT_TEXT[err.rule];
  const conflicts: Conflict[] = err.conflict
    ? [{ rule: err.rule, entity: SINGULAR[err.conflict.entity], id: err.conflict.id, ...(err.field ? { field: err.field } : {}) }]
    : [];
  return conflictProblem(
    `${text} (the database refused the change to the ${SINGULAR[err.entity]}).`,
    conflicts,
    err.field ? [{ field: err.field, code: err.rule, message: `${text}.` }] : undefined,
  );
}
