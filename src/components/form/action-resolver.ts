/**
 * zodResolver with the domain's *InputSchema, adjusted for how fields hold values: an empty
 * optional date or link ('' in its input) is sent as null, and an empty required field reads
 * "Skal udfyldes." rather than zod's "invalid format" for an empty date. Used by the
 * membership action dialogs and the shared person picker.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

export function actionResolver<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  emptyAsNull: readonly string[],
): Resolver<z.input<S> & FieldValues, unknown, z.output<S>> {
  const resolve = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<S>>;
  return async (values, context, options) => {
    const sent: Record<string, unknown> = { ...values };
    for (const name of emptyAsNull) if (sent[name] === '') sent[name] = null;
    const result = await resolve(sent, context, options as never);
    const errors = result.errors as Record<string, { type?: string; message?: string } | undefined>;
    for (const [name, error] of Object.entries(errors)) {
      if (error && isEmpty(sent[name])) errors[name] = { ...error, type: 'required', message: 'required' };
    }
    return result as never;
  };
}
