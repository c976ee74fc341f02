/**
 * The action forms validate with the domain's *InputSchema through zodResolver, with two
 * adjustments for how fields hold values: an empty optional date or link ('' in its input)
 * is sent as null, and an empty required field reads "Skal udfyldes." rather than zod's
 * "invalid format" for an empty date.
 */
export { actionResolver } from '../../components/form/action-resolver';

/** The text a person typed for a link or date, or '' for none: what a field shows. */
export const orEmpty = (v: string | null | undefined) => v ?? '';
