/**
 * The frame of every membership action: the shared form dialog, with one sentence first
 * that says what the action will do (who leaves, who starts, from when).
 */
import Typography from '@mui/material/Typography';
import type { ComponentProps, ReactNode } from 'react';
import { FormDialog } from '../../../components/form/form-dialog';

type Props = ComponentProps<typeof FormDialog> & {
  /** What the action does, in the user's words; updates as the fields change. */
  explanation?: ReactNode;
};

export function ActionDialog({ explanation, children, ...rest }: Props) {
  return (
    <FormDialog {...rest}>
      {explanation && <Typography aria-live="polite">{explanation}</Typography>}
      {children}
    </FormDialog>
  );
}
