/**
 * Picks a person by name: search as you type (the API's search ignores case and diacritics,
 * so "sorensen" finds "Sørensen"), at most 20 suggestions with the total shown, and "Opret ny
 * person" to create one inline (name, email, phone) and pick them at once.
 */
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from './form/form-fields';
import { FormProblem, useServerErrors } from './form/form-problem';
import { PersonInputSchema, type Person, type PersonInput } from '../domain/schemas';
import { createRecord, personQueries, refreshAfterWrite } from '../lib/resources';
import { actionResolver } from './form/action-resolver';

const LIMIT = 20;
const PERSON_FIELDS = ['name', 'email', 'phone'] as const;

type CreateOption = { create: true; name: string };
type Option = Person | CreateOption;
const isCreate = (o: Option | null): o is CreateOption => o !== null && 'create' in o;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface Props {
  label: string;
  value: Person | null;
  onChange: (person: Person | null) => void;
  onBlur?: () => void;
  error?: string;
  required?: boolean;
  /** People who cannot be picked here (e.g. the holder being replaced), with the reason shown. */
  disabledIds?: readonly string[];
  disabledReason?: string;
  autoFocus?: boolean;
}

export function PersonPicker({ label, value, onChange, onBlur, error, required, disabledIds = [], disabledReason, autoFocus }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);
  const q = useDebounced(input.trim(), 250);
  // Once a person is picked the input shows their name: no need to search for it.
  const searching = open && !(value && input === value.name);
  const people = useQuery({ ...personQueries.page({ q: searching ? q : '', limit: LIMIT, offset: 0 }), enabled: open });
  const rows = people.data?.rows ?? [];
  const total = people.data?.total ?? 0;
  const options: Option[] = [...rows, ...(input.trim() ? [{ create: true as const, name: input.trim() }] : [])];

  return (
    <Box>
      <Autocomplete<Option, false, false, false>
        value={value}
        open={open}
        onOpen={() => setOpen(true)}
        onClose={() => setOpen(false)}
        onChange={(_e, option) => {
          if (isCreate(option)) setCreating(option.name);
          else {
            setCreating(null);
            onChange(option);
          }
        }}
        inputValue={input}
        onInputChange={(_e, text) => setInput(text)}
        onBlur={onBlur}
        options={options}
        filterOptions={(list) => list}
        getOptionLabel={(o) => (isCreate(o) ? o.name : o.name)}
        isOptionEqualToValue={(a, b) => !isCreate(a) && !isCreate(b) && a.id === b.id}
        getOptionDisabled={(o) => !isCreate(o) && disabledIds.includes(o.id)}
        getOptionKey={(o) => (isCreate(o) ? '__create__' : o.id)}
        loading={people.isFetching}
        loadingText={t('common.loading')}
        noOptionsText={people.isError ? t('personPicker.loadError') : t('personPicker.noMatch')}
        renderOption={({ key, ...props }, o) => (
          <li key={key} {...props}>
            {isCreate(o) ? (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <PersonAddIcon fontSize="small" aria-hidden />
                <span>{t('personPicker.create', { name: o.name })}</span>
              </Stack>
            ) : (
              <Box>
                <span>{o.name}</span>
                {disabledIds.includes(o.id) && disabledReason && (
                  <Typography component="span" variant="body2" color="textSecondary">
                    {` (${disabledReason})`}
                  </Typography>
                )}
                {o.email && (
                  <Typography component="span" variant="body2" color="textSecondary" sx={{ display: 'block' }}>
                    {o.email}
                  </Typography>
                )}
              </Box>
            )}
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label}
            required={required}
            autoFocus={autoFocus}
            error={Boolean(error)}
            helperText={
              error ??
              (open && total > rows.length
                ? t('personPicker.more', { shown: rows.length, total })
                : t('personPicker.help'))
            }
          />
        )}
      />
      {creating !== null && (
        <CreatePerson
          name={creating}
          onCancel={() => setCreating(null)}
          onCreated={(person) => {
            setCreating(null);
            setInput(person.name);
            onChange(person);
          }}
        />
      )}
    </Box>
  );
}

/**
 * A new person, created before the action is sent: not a nested <form> (the dialog is the
 * form), so Enter and the button create the person without sending the action.
 */
function CreatePerson({ name, onCancel, onCreated }: { name: string; onCancel: () => void; onCreated: (p: Person) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: PersonInput) => createRecord('people', input),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const { control, handleSubmit, setError } = useForm<PersonInput, unknown, PersonInput>({
    resolver: actionResolver(PersonInputSchema, ['email', 'phone']),
    defaultValues: { name, email: '', phone: '', notes: '' },
  });
  useServerErrors(create.error, setError, PERSON_FIELDS);
  const submit = handleSubmit((input) => create.mutate(input, { onSuccess: onCreated }));

  return (
    <Paper
      variant="outlined"
      role="group"
      aria-labelledby={headingId}
      sx={{ p: 2, mt: 1.5 }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Typography id={headingId} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('personPicker.createHeading')}
      </Typography>
      <Stack spacing={2}>
        <FormTextField control={control} name="name" label={t('personPicker.name')} required autoFocus />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <FormTextField control={control} name="email" type="email" label={t('personPicker.email')} />
          <FormTextField control={control} name="phone" type="tel" label={t('personPicker.phone')} />
        </Stack>
        <FormProblem error={create.error} fields={PERSON_FIELDS} />
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          <Button onClick={onCancel} disabled={create.isPending}>
            {t('personPicker.createCancel')}
          </Button>
          <Button variant="outlined" onClick={() => void submit()} loading={create.isPending}>
            {t('personPicker.createSubmit')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
