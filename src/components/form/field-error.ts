/**
 * Field errors in the user's language. A message can come from zod in the browser (through
 * zodResolver: type = issue code, message = a domain code such as 'phone_format' or zod's
 * English text) or from the server's problem+json (code + English message): both map to the
 * translated `validation.<code>` text, so the same mistake reads the same wherever it is caught.
 */
import type { TFunction } from 'i18next';
import type { FieldError as RhfFieldError } from 'react-hook-form';
import { ApiError } from '../../lib/api-client';
import type { Conflict, FieldError, Problem } from '../../domain/schemas';

const CODES = [
  'required',
  'too_big',
  'too_small',
  'invalid_format',
  'invalid_type',
  'invalid_value',
  'end_before_start',
  'phone_format',
  'email_format',
  'url_format',
  'control_characters',
  'unknown_reference',
  'unrecognized_keys',
  'password_length',
  'password_common',
  'password_mismatch',
] as const;
type Code = (typeof CODES)[number];
const isCode = (v: unknown): v is Code => typeof v === 'string' && (CODES as readonly string[]).includes(v);

/** The translated text for a validation code, with the field's limit when there is one. */
export function validationText(t: TFunction, code: string | undefined, english?: string): string {
  if (isCode(code)) return t(`validation.${code}`);
  return english && !english.startsWith('Invalid') ? english : t('validation.fallback');
}

/** Text for a react-hook-form error, whichever side found it. */
export function rhfErrorText(t: TFunction, error: RhfFieldError | undefined): string | undefined {
  if (!error) return undefined;
  if (isCode(error.message)) return t(`validation.${error.message}`);
  if (error.type === 'server' && typeof error.message === 'string') return error.message;
  return validationText(t, typeof error.type === 'string' ? error.type : undefined, error.message);
}

export interface ProblemParts {
  /** Errors that belong to a field of the form, by field name. */
  fieldErrors: FieldError[];
  /** Errors of fields the form does not show. */
  otherErrors: FieldError[];
  conflicts: Conflict[];
  problem: Problem | null;
  status: number;
}

/** Splits a failed write into what the form shows next to fields and what it shows above them. */
export function problemParts(error: unknown, formFields: readonly string[]): ProblemParts {
  const problem = error instanceof ApiError ? error.problem : null;
  const status = error instanceof ApiError ? error.status : 0;
  const errors = problem?.errors ?? [];
  return {
    fieldErrors: errors.filter((e) => formFields.includes(e.field)),
    otherErrors: errors.filter((e) => !formFields.includes(e.field)),
    conflicts: problem?.conflicts ?? [],
    problem,
    status,
  };
}
