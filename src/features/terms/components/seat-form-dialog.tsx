/**
 * Add or edit a seat of a term: its name, the council or forum it belongs to (the council
 * first, its fora indented under it), the nominating organisation (searchable: "haandvaerker"
 * finds "Haandværker") and the sector it is reserved for. Validated with the domain's
 * SeatInputSchema in the browser and by the server; after a save, a notice with a real undo.
 * Exported for other pages (a forum's page adds seats with its body fixed, composed in src/app).
 */
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm, type Control, type UseFormGetValues, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { rhfErrorText } from '../../../components/form/field-error';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormSelectField, FormTextField } from '../../../components/form/form-fields';
import { FormTreeSelectField } from '../../../components/form/form-tree-select-field';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { bodiesInTreeOrder } from '../../../domain/body-tree';
import { SECTORS, SeatInputSchema, type Organization, type Seat, type SeatInput, type Term } from '../../../domain/schemas';
import { compareDanish, matchesSearch } from '../../../domain/text';
import { formatSpan } from '../../../lib/format';
import {
  bodyQueries,
  deleteRecord,
  organizationQueries,
  refreshAfterWrite,
  seatQueries,
  updateRecord,
} from '../../../lib/resources';
import { SEAT_FIELDS, SEAT_PROBLEM_FIELDS, seatData, useCreateSeat, useUpdateSeat } from '../api/seat-writes';
import { formResolver } from '../form';

type Values = SeatInput;
type Output = ReturnType<typeof SeatInputSchema.parse>;
const EMPTY_AS_NULL = ['nominatingOrganizationId', 'reservedSector'];

const formValues = (s: Partial<Seat> & { termId: string }): Values => ({
  termId: s.termId,
  bodyId: s.bodyId ?? '',
  label: s.label ?? '',
  nominatingOrganizationId: s.nominatingOrganizationId ?? null,
  reservedSector: s.reservedSector ?? null,
});

function useSeatForm(values: Values) {
  return useForm<Values, unknown, Output>({ resolver: formResolver(SeatInputSchema, EMPTY_AS_NULL), defaultValues: values });
}

function SeatFields({
  control,
  setValue,
  getValues,
  showBody,
}: {
  control: Control<Values>;
  setValue: UseFormSetValue<Values>;
  getValues: UseFormGetValues<Values>;
  showBody: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormTextField
        control={control}
        name="label"
        label={t('seats.fields.label')}
        helperText={t('seats.fields.labelHelp')}
        required
        autoFocus
        autoComplete="off"
      />
      {showBody && <BodySelect control={control} />}
      <OrganizationPicker
        control={control}
        onPicked={(org) => {
          // The seat counts for its nominator's sector unless someone chose otherwise.
          if (org && !getValues('reservedSector')) setValue('reservedSector', org.sector);
        }}
      />
      <FormSelectField
        control={control}
        name="reservedSector"
        label={t('seats.fields.sector')}
        helperText={t('seats.fields.sectorHelp')}
        emptyLabel={t('seats.fields.noSector')}
        options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
      />
    </>
  );
}

/** The council first, its fora indented under it. */
function BodySelect({ control }: { control: Control<Values> }) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyQueries.list());
  const options = useMemo(
    () => bodiesInTreeOrder(bodies.data ?? []).map(({ body, depth }) => ({ value: body.id, label: body.name, depth })),
    [bodies.data],
  );
  return <FormTreeSelectField control={control} name="bodyId" label={t('seats.fields.body')} options={options} required />;
}

function OrganizationPicker({ control, onPicked }: { control: Control<Values>; onPicked: (org: Organization | null) => void }) {
  const { t } = useTranslation();
  const organizations = useQuery(organizationQueries.list());
  const options = useMemo(
    () => [...(organizations.data ?? [])].sort((a, b) => compareDanish(a.name, b.name)),
    [organizations.data],
  );
  return (
    <Controller
      control={control}
      name="nominatingOrganizationId"
      render={({ field, fieldState }) => (
        <Autocomplete
          options={options}
          value={options.find((o) => o.id === field.value) ?? null}
          onChange={(_e, org) => {
            field.onChange(org?.id ?? null);
            onPicked(org);
          }}
          onBlur={field.onBlur}
          getOptionLabel={(o) => o.name}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          filterOptions={(list, { inputValue }) => list.filter((o) => matchesSearch([o.name, ...o.otherNames], inputValue))}
          loading={organizations.isPending}
          loadingText={t('common.loading')}
          noOptionsText={t('seats.fields.noOrganization')}
          renderInput={(params) => (
            <TextField
              {...params}
              inputRef={field.ref}
              label={t('seats.fields.organization')}
              error={Boolean(fieldState.error)}
              helperText={rhfErrorText(t, fieldState.error) ?? t('seats.fields.organizationHelp')}
            />
          )}
        />
      )}
    />
  );
}

function Explanation({ term }: { term: Term }) {
  const { t, i18n } = useTranslation();
  return (
    <Typography>
      {t('seats.create.explanation', { term: term.label, dates: formatSpan(term.startDate, term.endDate, i18n.language) })}
    </Typography>
  );
}

interface CreateProps {
  term: Term;
  /** The body the seat is added to; with `fixedBody` the form does not offer another. */
  bodyId?: string;
  /** The body's name, for the title, when the body is fixed. */
  bodyName?: string;
  fixedBody?: boolean;
  onClose: () => void;
}

export function CreateSeatDialog({ term, bodyId, bodyName, fixedBody = false, onClose }: CreateProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const create = useCreateSeat();
  const { control, handleSubmit, setError, setValue, getValues } = useSeatForm(formValues({ termId: term.id, bodyId }));
  useServerErrors(create.error, setError, SEAT_FIELDS);

  const submit = handleSubmit((input) =>
    create.mutate(input, {
      onSuccess: (created) => {
        onClose();
        notify({
          message: t('seats.notify.created', { seat: created.label }),
          undo: async () => {
            await deleteRecord('seats', created);
            await refreshAfterWrite(queryClient);
          },
        });
      },
    }),
  );

  return (
    <FormDialog
      open
      onClose={onClose}
      title={bodyName ? t('seats.addIn', { body: bodyName }) : t('seats.create.title')}
      onSubmit={submit}
      submitLabel={t('seats.create.submit')}
      pending={create.isPending}
      problem={<FormProblem error={create.error} fields={SEAT_PROBLEM_FIELDS} />}
    >
      <Explanation term={term} />
      <SeatFields control={control} setValue={setValue} getValues={getValues} showBody={!fixedBody} />
    </FormDialog>
  );
}

export function EditSeatDialog({ seat, onClose }: { seat: Seat; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const update = useUpdateSeat();
  // The version this edit is based on (see EditTermDialog).
  const [base, setBase] = useState(seat);
  const { control, handleSubmit, setError, setValue, getValues, reset } = useSeatForm(formValues(seat));
  useServerErrors(update.error, setError, SEAT_FIELDS);

  const submit = handleSubmit((input) =>
    update.mutate(
      { seat: base, input },
      {
        onSuccess: (saved) => {
          onClose();
          notify({
            message: t('seats.notify.saved', { seat: saved.label }),
            undo: async () => {
              await updateRecord('seats', saved, seatData(base));
              await refreshAfterWrite(queryClient);
            },
          });
        },
      },
    ),
  );

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...seatQueries.detail(seat.id), staleTime: 0 });
    setBase(fresh);
    reset(formValues(fresh));
    update.reset();
  };

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('seats.edit.title', { seat: base.label })}
      onSubmit={submit}
      submitLabel={t('form.save')}
      pending={update.isPending}
      problem={<FormProblem error={update.error} fields={SEAT_PROBLEM_FIELDS} onReload={() => void reload()} />}
    >
      <SeatFields control={control} setValue={setValue} getValues={getValues} showBody />
    </FormDialog>
  );
}
