/**
 * The other names an organisation is known by ("LO Horsens Hedensted" for "LO Horsens-
 * Hedensted"): one field per name, each with its own label, error and remove button, and
 * "Tilføj andet navn" that adds a field and puts the cursor in it.
 */
import AddIcon from '@mui/icons-material/Add';
import RemoveIcon from '@mui/icons-material/RemoveCircleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState } from 'react';
import { Controller, type Control, type FieldError, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { rhfErrorText } from '../../../components/form/field-error';

/** The most other names the API takes (OrganizationInputSchema). */
const MAX = 20;

interface Props<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
}

export function OtherNamesField<T extends FieldValues>({ control, name }: Props<T>) {
  const { t } = useTranslation();
  const headingId = useId();
  const helpId = useId();
  // The field that "Tilføj" just added gets the focus.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const names = (field.value as string[] | undefined) ?? [];
        const errors = fieldState.error as unknown as (FieldError | undefined)[] | FieldError | undefined;
        const itemError = (i: number) => (Array.isArray(errors) ? errors[i] : undefined);
        const listError = errors && !Array.isArray(errors) ? rhfErrorText(t, errors) : undefined;
        const set = (next: string[]) => field.onChange(next);
        return (
          <Box component="fieldset" aria-describedby={helpId} sx={{ border: 0, m: 0, p: 0, minWidth: 0 }}>
            <Typography component="legend" id={headingId} sx={{ fontWeight: 500, mb: 0.5, p: 0 }}>
              {t('organizations.fields.otherNames')}
            </Typography>
            <Typography id={helpId} variant="body2" color="textSecondary" sx={{ mb: 1.5 }}>
              {t('organizations.fields.otherNamesHelp')}
            </Typography>
            <Stack spacing={1.5}>
              {names.map((value, i) => (
                <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <TextField
                    label={t('organizations.fields.otherName', { n: i + 1 })}
                    value={value}
                    onChange={(e) => set(names.map((v, j) => (j === i ? e.target.value : v)))}
                    onBlur={field.onBlur}
                    error={Boolean(itemError(i))}
                    helperText={rhfErrorText(t, itemError(i))}
                    autoFocus={focusIndex === i}
                    required
                    size="small"
                    fullWidth
                  />
                  <IconButton
                    aria-label={t('organizations.fields.removeOtherName', { name: value || t('organizations.fields.otherName', { n: i + 1 }) })}
                    onClick={() => {
                      set(names.filter((_, j) => j !== i));
                      setFocusIndex(null);
                      addRef.current?.focus();
                    }}
                    sx={{ mt: 0.25 }}
                  >
                    <RemoveIcon />
                  </IconButton>
                </Stack>
              ))}
            </Stack>
            {listError && (
              <Typography role="alert" variant="body2" color="error" sx={{ mt: 1 }}>
                {listError}
              </Typography>
            )}
            <Button
              ref={addRef}
              startIcon={<AddIcon />}
              onClick={() => {
                setFocusIndex(names.length);
                set([...names, '']);
              }}
              disabled={names.length >= MAX}
              sx={{ mt: names.length ? 1.5 : 0 }}
            >
              {t('organizations.fields.addOtherName')}
            </Button>
          </Box>
        );
      }}
    />
  );
}
