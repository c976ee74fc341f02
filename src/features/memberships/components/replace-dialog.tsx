/**
 * Replace a holder mid-term (POST /api/memberships/:id/change with another personId): the
 * holder's segment ends the day before the date and the new person's starts on it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { rhfErrorText } from '../../../components/form/field-error';
import { FormDateField, FormSelectField, type SelectOption } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import type { IsoDate } from '../../../domain/dates';
import { effectiveSpan } from '../../../domain/rules';
import { MembershipChangeInputSchema, type MembershipChangeInput, type Person } from '../../../domain/schemas';
import { formatDate } from '../../../lib/format';
import { refreshAfterWrite, termQueries } from '../../../lib/resources';
import { revertMembership, useChangeMembership } from '../api/membership-actions';
import { clampDate, dayAfter, dayBefore } from '../dates';
import { actionResolver } from '../form';
import type { HolderProps } from '../holder';
import { ActionDialog } from './action-dialog';
import { DecisionFields, type DecisionValues } from './decision-fields';
import { RoleAndTitle, useOrganizationOptions, type RoleTitleValues } from './membership-fields';
import { PersonPicker } from '../../../components/person-picker';

const FORM_FIELDS = ['personId', 'effectiveDate', 'role', 'title', 'organizationId', 'decidedOn', 'source'] as const;
const PROBLEM_FIELDS = [...FORM_FIELDS, 'seatId', 'startDate', 'endDate'];
const EMPTY_AS_NULL = ['decidedOn', 'source', 'organizationId'];

export function ReplaceDialog({ holder, asOf, onClose }: HolderProps) {
  const term = useQuery(termQueries.detail(holder.seat.termId));
  const organizationOptions = useOrganizationOptions();
  if (!term.data || !organizationOptions) return null;
  const lastDay = effectiveSpan(holder.membership, term.data.endDate).endDate;
  return (
    <ReplaceForm
      holder={holder}
      organizationOptions={organizationOptions}
      lastDay={lastDay}
      effectiveDate={clampDate(asOf, dayAfter(holder.membership.startDate), lastDay)}
      onClose={onClose}
    />
  );
}

function ReplaceForm({
  holder,
  organizationOptions,
  lastDay,
  effectiveDate,
  onClose,
}: Pick<HolderProps, 'holder' | 'onClose'> & {
  organizationOptions: SelectOption[];
  lastDay: IsoDate | null;
  effectiveDate: IsoDate;
}) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const change = useChangeMembership();
  const { membership, person: previous, seat } = holder;
  const [person, setPerson] = useState<Person | null>(null);
  const { control, handleSubmit, setError } = useForm<MembershipChangeInput, unknown, MembershipChangeInput>({
    resolver: actionResolver(MembershipChangeInputSchema, EMPTY_AS_NULL),
    defaultValues: {
      personId: '',
      effectiveDate,
      role: membership.role,
      title: '',
      organizationId: membership.organizationId ?? seat.nominatingOrganizationId ?? '',
      decidedOn: '',
      source: '',
    },
  });
  useServerErrors(change.error, setError, FORM_FIELDS);
  const date = useWatch({ control, name: 'effectiveDate' });

  const submit = handleSubmit((input) => {
    if (input.effectiveDate <= membership.startDate) {
      setError('effectiveDate', {
        type: 'server',
        message: t('memberships.validation.notAfterStart', { date: formatDate(membership.startDate, i18n.language) }),
      });
      return;
    }
    if (lastDay !== null && input.effectiveDate > lastDay) {
      setError('effectiveDate', {
        type: 'server',
        message: t('memberships.validation.afterEnd', { date: formatDate(lastDay, i18n.language) }),
      });
      return;
    }
    change.mutate(
      { segment: membership, input },
      {
        onSuccess: (segments) => {
          const started = segments[segments.length - 1];
          onClose();
          notify({
            message: t('memberships.notify.replaced', {
              next: person?.name ?? '',
              previous: previous?.name ?? '',
              date: formatDate(input.effectiveDate, i18n.language),
            }),
            undo: started
              ? async () => {
                  await revertMembership(started);
                  await refreshAfterWrite(queryClient);
                }
              : undefined,
          });
        },
      },
    );
  });

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) && date > membership.startDate;
  return (
    <ActionDialog
      open
      onClose={onClose}
      title={t('memberships.replace.title', { person: previous?.name ?? '', seat: seat.label })}
      explanation={
        validDate
          ? t('memberships.replace.explanation', {
              previous: previous?.name ?? '',
              next: person?.name ?? t('memberships.replace.newPerson'),
              end: formatDate(dayBefore(date), i18n.language),
              start: formatDate(date, i18n.language),
            })
          : t('memberships.replace.explanationNoDate')
      }
      onSubmit={submit}
      submitLabel={t('memberships.replace.submit')}
      pending={change.isPending}
      problem={
        <FormProblem
          error={change.error}
          fields={PROBLEM_FIELDS}
          onReload={() => void refreshAfterWrite(queryClient).then(() => change.reset())}
        />
      }
    >
      <Controller
        control={control}
        name="personId"
        render={({ field, fieldState }) => (
          <PersonPicker
            label={t('memberships.fields.newPerson')}
            required
            autoFocus
            value={person}
            onBlur={field.onBlur}
            onChange={(p) => {
              setPerson(p);
              field.onChange(p?.id ?? '');
            }}
            error={rhfErrorText(t, fieldState.error)}
            disabledIds={[membership.personId]}
            disabledReason={t('memberships.replace.currentHolder')}
          />
        )}
      />
      <FormDateField
        control={control}
        name="effectiveDate"
        label={t('memberships.fields.effectiveDate')}
        required
        sx={{ maxWidth: { sm: 240 } }}
      />
      <RoleAndTitle control={control as unknown as Control<RoleTitleValues>} />
      <FormSelectField
        control={control}
        name="organizationId"
        label={t('memberships.fields.organization')}
        helperText={t('memberships.fields.organizationHelp')}
        options={organizationOptions}
        emptyLabel={t('memberships.fields.noOrganization')}
      />
      <DecisionFields control={control as unknown as Control<DecisionValues>} />
    </ActionDialog>
  );
}
