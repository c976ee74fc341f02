/**
 * A single choice from a short tree (e.g. the council with its fora under it): like
 * FormSelectField, with each option indented by its depth. `emptyLabel` adds a "none" choice
 * that stores null.
 */
import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { rhfErrorText } from './field-error';

export interface TreeOption {
  value: string;
  label: string;
  /** 0 at the top level. */
  depth: number;
}

type Props<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  options: readonly TreeOption[];
  required?: boolean;
  helperText?: string;
  emptyLabel?: string;
} & Omit<TextFieldProps, 'name' | 'label' | 'required' | 'helperText' | 'value' | 'onChange' | 'select'>;

export function FormTreeSelectField<T extends FieldValues>({
  control,
  name,
  label,
  options,
  required,
  helperText,
  emptyLabel,
  ...rest
}: Props<T>) {
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
          // A value not (yet) among the options shows as empty rather than warning.
          value={options.some((o) => o.value === field.value) ? field.value : ''}
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
            <MenuItem key={o.value} value={o.value} sx={{ pl: 2 + o.depth * 3 }}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}
