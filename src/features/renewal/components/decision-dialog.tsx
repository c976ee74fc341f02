/**
 * The decision for one seat of the new term: reappoint the holder, ask the nominating
 * organisation for a candidate, leave the seat vacant, or drop it. Asking has a status
 * (planned -> requested -> received -> confirmed, or declined), request and due dates and the
 * nominee (an existing person or a new one created inline). Validated with the domain's
 * NominationInputSchema; the server also refuses a confirmed nominee who already sits in the
 * same body in the new term, or a second chair (409, named next to the field). After a save,
 * a notice with a real undo (the nomination written back as it was, or deleted).
 */
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Controller, useForm, useWatch, type Control, type UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormDateField, FormSelectField, FormTextField } from '../../../components/form/form-fields';
import { rhfErrorText } from '../../../components/form/field-error';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { todayIso } from '../../../domain/dates';
import {
  NOMINATION_DECISIONS,
  NOMINATION_STATUSES,
  NominationInputSchema,
  reappointmentOf,
  type Nomination,
  type NominationDecision,
  type RenewalSeat,
} from '../../../domain/renewal';
import { ROLES, type Person } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { deleteRecord, refreshAfterWrite, updateRecord } from '../../../lib/resources';
import { nominationData, renewalQueries, useSaveNomination } from '../api/renewal-api';
import { renewalResolver, useRenewalFieldErrors } from '../form';
import { PersonPicker } from '../../../components/person-picker';

const FIELDS = ['decision', 'status', 'personId', 'role', 'title', 'requestedOn', 'dueDate', 'note', 'decidedOn', 'source'] as const;
type NominationOutput = z.output<typeof NominationInputSchema>;
const EMPTY_AS_NULL = ['personId', 'requestedOn', 'dueDate', 'decidedOn', 'source'];

interface Values {
  seatId: string;
  decision: NominationDecision | '';
  status: Nomination['status'];
  personId: string | null;
  organizationId: string | null;
  role: Nomination['role'];
  title: string;
  requestedOn: string;
  dueDate: string;
  note: string;
  decidedOn: string;
  source: string;
}

function formValues(seat: RenewalSeat, n: Nomination | null): Values {
  return {
    seatId: seat.seat.id,
    decision: n?.decision ?? '',
    status: n?.status ?? 'planned',
    personId: n?.personId ?? null,
    organizationId: n?.organizationId ?? null,
    role: n?.role ?? 'member',
    title: n?.title ?? '',
    requestedOn: n?.requestedOn ?? '',
    dueDate: n?.dueDate ?? '',
    note: n?.note ?? '',
    decidedOn: n?.decidedOn ?? '',
    source: n?.source ?? '',
  };
}

interface Props {
  /** The CURRENT term (the renewal's address), for reloading the state. */
  termId: string;
  seat: RenewalSeat;
  onClose: () => void;
}

export function DecisionDialog({ termId, seat, onClose }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const save = useSaveNomination();
  const radioLabelId = useId();
  // The version this edit is based on (as opened, or as reloaded after a refusal).
  const [base, setBase] = useState(seat.nomination);
  const [nominee, setNominee] = useState<Person | null>(seat.nominee);
  const holder = seat.currentHolder;
  const form = useForm<Values, unknown, NominationOutput>({
    resolver: renewalResolver<Values, typeof NominationInputSchema>(t, NominationInputSchema, EMPTY_AS_NULL, ['decision']),
    defaultValues: formValues(seat, base),
  });
  const { handleSubmit, setError, setValue, reset, formState } = form;
  // The fields take the form's values; what the schema makes of them only matters on submit.
  const control = form.control as unknown as Control<Values>;
  useServerErrors(save.error, setError, FIELDS);
  useRenewalFieldErrors(save.error, setError);
  useConflictsOnFields(save.error, setError);
  const decision = useWatch({ control, name: 'decision' });

  /** A new decision brings its sensible defaults; what the user typed for the same decision stays. */
  const onDecision = (next: NominationDecision) => {
    if (next === 'reappoint' && holder) {
      const r = reappointmentOf(holder.membership);
      setValue('personId', r.personId);
      setValue('organizationId', r.organizationId);
      setValue('role', r.role);
      setValue('title', r.title);
      setValue('status', 'confirmed');
      setNominee(holder.person);
    } else if (next === 'nominate') {
      const keep = base?.decision === 'nominate';
      setValue('personId', keep ? base.personId : null);
      setValue('organizationId', keep ? base.organizationId : null);
      setValue('role', keep ? base.role : 'member');
      setValue('title', keep ? base.title : '');
      setValue('status', keep ? base.status : 'requested');
      if (!keep) {
        setValue('requestedOn', todayIso());
        setNominee(null);
      } else setNominee(seat.nominee);
    } else {
      setValue('personId', null);
      setValue('organizationId', null);
      setValue('status', 'planned');
      setNominee(null);
    }
  };

  const submit = handleSubmit((input) =>
    save.mutate(
      { existing: base, input },
      {
        onSuccess: (saved) => {
          onClose();
          const before = base;
          notify({
            message: t('renewal.decision.saved', { seat: seat.seat.label, decision: t(`renewal.decisions.${saved.decision}`) }),
            undo: async () => {
              if (before) await updateRecord('nominations', saved, nominationData(before));
              else await deleteRecord('nominations', saved);
              await refreshAfterWrite(queryClient);
            },
          });
        },
      },
    ),
  );

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...renewalQueries.state(termId), staleTime: 0 });
    const now = fresh.seats.find((s) => s.seat.id === seat.seat.id);
    setBase(now?.nomination ?? null);
    setNominee(now?.nominee ?? null);
    reset(formValues(seat, now?.nomination ?? null));
    save.reset();
  };

  const statusOptions = NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`renewal.statuses.${s}`) }));
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const names = decision === 'reappoint' || decision === 'nominate';

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('renewal.decision.title', { seat: seat.seat.label })}
      onSubmit={submit}
      submitLabel={t('renewal.decision.submit')}
      pending={save.isPending}
      problem={<FormProblem error={save.error} fields={FIELDS} onReload={() => void reload()} />}
    >
      <Typography>
        {holder
          ? t('renewal.decision.holder', {
              name: holder.person.name,
              title: holder.membership.title || t(`role.${holder.membership.role}`),
              organization: seat.nominatingOrganization?.name ?? t('renewal.table.noOrganization'),
            })
          : t('renewal.decision.noHolder', { organization: seat.nominatingOrganization?.name ?? t('renewal.table.noOrganization') })}
      </Typography>
      <Controller
        control={control}
        name="decision"
        render={({ field, fieldState }) => (
          <FormControl error={Boolean(fieldState.error)} required>
            <FormLabel id={radioLabelId}>{t('renewal.decision.decisionLabel')}</FormLabel>
            <RadioGroup
              aria-labelledby={radioLabelId}
              name={field.name}
              value={field.value}
              onChange={(e) => {
                const next = e.target.value as NominationDecision;
                field.onChange(next);
                onDecision(next);
              }}
            >
              {NOMINATION_DECISIONS.map((d) => (
                <FormControlLabel
                  key={d}
                  value={d}
                  control={<Radio />}
                  disabled={d === 'reappoint' && !holder}
                  label={
                    <span>
                      {t(`renewal.decisions.${d}`)}
                      <Typography component="span" variant="body2" color="textSecondary" sx={{ display: 'block' }}>
                        {d === 'reappoint' && !holder ? t('renewal.decision.noHolderToReappoint') : t(`renewal.decisionHelp.${d}`)}
                      </Typography>
                    </span>
                  }
                  sx={{ alignItems: 'flex-start', my: 0.5, '& .MuiRadio-root': { mt: -0.75 } }}
                />
              ))}
            </RadioGroup>
            {fieldState.error && <FormHelperText>{t('renewal.validation.decision_required')}</FormHelperText>}
          </FormControl>
        )}
      />

      {names && (
        <Stack spacing={2.5}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {decision === 'reappoint' ? t('renewal.decision.reappointHeading') : t('renewal.decision.nominateHeading')}
          </Typography>
          <FormSelectField control={control} name="status" label={t('renewal.fields.status')} options={statusOptions} required />
          {decision === 'nominate' && (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormDateField control={control} name="requestedOn" label={t('renewal.fields.requestedOn')} />
              <FormDateField control={control} name="dueDate" label={t('renewal.fields.dueDate')} />
            </Stack>
          )}
          {decision === 'nominate' ? (
            <Controller
              control={control}
              name="personId"
              render={({ fieldState }) => (
                <PersonPicker
                  label={t('renewal.fields.nominee')}
                  value={nominee}
                  onChange={(p) => {
                    setNominee(p);
                    setValue('personId', p?.id ?? null, { shouldValidate: formState.isSubmitted });
                  }}
                  error={rhfErrorText(t, fieldState.error)}
                />
              )}
            />
          ) : (
            <Controller
              control={control}
              name="personId"
              render={({ fieldState }) => (
                <Stack spacing={0.5}>
                  <Typography>{t('renewal.decision.reappointWho', { name: nominee?.name ?? holder?.person.name ?? '' })}</Typography>
                  {fieldState.error && (
                    <Typography role="alert" color="error" variant="body2">
                      {rhfErrorText(t, fieldState.error)}
                    </Typography>
                  )}
                </Stack>
              )}
            />
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <FormSelectField control={control} name="role" label={t('renewal.fields.role')} options={roleOptions} required sx={{ maxWidth: { sm: 200 } }} />
            <FormTextField control={control} name="title" label={t('renewal.fields.title')} />
          </Stack>
        </Stack>
      )}

      {decision !== '' && (
        <>
          <FormTextField control={control} name="note" label={t('renewal.fields.note')} multiline minRows={2} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <FormDateField control={control} name="decidedOn" label={t('renewal.fields.decidedOn')} sx={{ maxWidth: { sm: 200 } }} />
            <FormTextField
              control={control}
              name="source"
              type="url"
              label={t('renewal.fields.source')}
              helperText={t('renewal.fields.sourceHelp')}
              slotProps={{ htmlInput: { inputMode: 'url' } }}
            />
          </Stack>
        </>
      )}
    </FormDialog>
  );
}

/**
 * A 409 about the nominee or the role names the seat it collides with, next to the field:
 * "Personen har allerede en plads i samme råd eller forum: Velux".
 */
function useConflictsOnFields(error: unknown, setError: UseFormSetError<Values>) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!(error instanceof ApiError) || error.status !== 409) return;
    for (const c of error.problem?.conflicts ?? []) {
      const seat = c.summary ?? '';
      if (c.rule === 'person-body' || c.rule === 'seat-holder') {
        setError('personId', { type: 'server', message: t('renewal.conflicts.personBody', { seat }) }, { shouldFocus: true });
      } else if (c.rule === 'body-chair') {
        setError('role', { type: 'server', message: t('renewal.conflicts.bodyChair', { seat }) }, { shouldFocus: true });
      }
    }
  }, [error, setError, t]);
}
