/**
 * zodResolver with the renewal's domain schemas, adjusted for how fields hold values: an empty
 * optional date, link or person ('' or null in its field) is sent as null; an empty required
 * field reads "Skal udfyldes."; and the renewal's own rule codes (a due date before the
 * request, a nominee missing) read as sentences in the user's language.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import type { FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';
import type { z } from 'zod';

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

const RENEWAL_CODES = ['due_before_request', 'nominee_required', 'no_person_for_decision', 'not_after_current'] as const;
type RenewalCode = (typeof RENEWAL_CODES)[number];
const isRenewalCode = (v: unknown): v is RenewalCode => (RENEWAL_CODES as readonly unknown[]).includes(v);

/** A renewal rule's text, or undefined when the code is not one of the renewal's own. */
export const renewalCodeText = (t: TFunction, code: unknown) => (isRenewalCode(code) ? t(`renewal.validation.${code}`) : undefined);

export function renewalResolver<V extends FieldValues, S extends z.ZodType = z.ZodType>(
  t: TFunction,
  schema: S,
  emptyAsNull: readonly string[],
  required: readonly string[] = [],
): Resolver<V, unknown, z.output<S>> {
  const resolve = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<S>>;
  return async (values, context, options) => {
    const sent: Record<string, unknown> = { ...values };
    for (const name of emptyAsNull) if (sent[name] === '') sent[name] = null;
    // Optional fields left empty are left out (the schema's default applies); required ones fail below.
    for (const name of required) if (sent[name] === '') sent[name] = undefined;
    const result = await resolve(sent, context, options as never);
    const errors = result.errors as Record<string, { type?: string; message?: string } | undefined>;
    for (const [name, error] of Object.entries(errors)) {
      if (!error) continue;
      const text = renewalCodeText(t, error.message);
      if (text) errors[name] = { ...error, type: 'server', message: text };
      else if (required.includes(name) && isEmpty(sent[name])) errors[name] = { ...error, type: 'required', message: 'required' };
    }
    // A required field left empty: the schema lets it out (optional), the form does not.
    let missing = false;
    for (const name of required) {
      if (isEmpty(sent[name]) && !errors[name]) {
        errors[name] = { type: 'required', message: 'required' };
        missing = true;
      }
    }
    if (missing) return { values: {}, errors } as never;
    return result as never;
  };
}

/**
 * The server's field errors with a renewal rule code, in the user's language (the shared
 * useServerErrors shows codes it does not know in the server's English). Call it after
 * useServerErrors, so its text wins.
 */
export function useRenewalFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    for (const e of error.problem?.errors ?? []) {
      const text = renewalCodeText(t, e.code);
      if (text) setError(e.field as Path<T>, { type: 'server', message: text }, { shouldFocus: true });
    }
  }, [error, setError, t]);
}
