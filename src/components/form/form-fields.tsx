/**
 * react-hook-form fields on MUI: label, required mark, the error next to the field in the
 * user's language (from zod in the browser or from the server), and nothing else to wire up.
 */
import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { rhfErrorText } from './field-error';

type BaseProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  required?: boolean;
  helperText?: string;
} & Omit<TextFieldProps, 'name' | 'label' | 'required' | 'helperText' | 'value' | 'onChange' | 'select'>;

/** A text field; empty text is sent as '' and the schema turns it into null where optional. */
export function FormTextField<T extends FieldValues>({ control, name, label, required, helperText, ...rest }: BaseProps<T>) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...rest}
          {...field}
          value={(field.value) ?? ''}
          label={label}
          required={required}
          error={Boolean(fieldState.error)}
          helperText={rhfErrorText(t, fieldState.error) ?? helperText}
          fullWidth
        />
      )}
    />
  );
}

/** A date field (the browser's own picker, see docs/decisions/003); '' means no date. */
export function FormDateField<T extends FieldValues>(props: BaseProps<T>) {
  return (
    <FormTextField
      {...props}
      type="date"
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: '1900-01-01', max: '2999-12-31' } }}
    />
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A single choice from a short list. `emptyLabel` adds a "none" choice that stores null. */
export function FormSelectField<T extends FieldValues>({
  control,
  name,
  label,
  required,
  helperText,
  options,
  emptyLabel,
  ...rest
}: BaseProps<T> & { options: readonly SelectOption[]; emptyLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...rest}
          {...field}
          select
          value={(field.value) ?? ''}
          onChange={(e) => field.onChange(e.target.value === '' ? null : e.target.value)}
          label={label}
          required={required}
          error={Boolean(fieldState.error)}
          helperText={rhfErrorText(t, fieldState.error) ?? helperText}
          fullWidth
        >
          {emptyLabel !== undefined && (
            <MenuItem value="">
              <em>{emptyLabel}</em>
            </MenuItem>
          )}
          {options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}
