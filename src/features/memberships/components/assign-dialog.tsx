/**
 * Assign a person to a seat from a start date (POST /api/memberships). The start date
 * defaults to the view's as-of date inside the term; when the seat has a later holder the
 * end date defaults to the day before they start, so the assignment fits the gap.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDateField, FormSelectField, type SelectOption } from '../../../components/form/form-fields';
import { rhfErrorText } from '../../../components/form/field-error';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import type { IsoDate } from '../../../domain/dates';
import { MembershipInputSchema, type MembershipInput, type Person, type Seat } from '../../../domain/schemas';
import { formatDate } from '../../../lib/format';
import { membershipQueries, refreshAfterWrite, termQueries } from '../../../lib/resources';
import { unassignMembership, useAssignMembership } from '../api/membership-actions';
import { clampDate, dayBefore } from '../dates';
import { actionResolver } from '../form';
import { ActionDialog } from './action-dialog';
import { DecisionFields, type DecisionValues } from './decision-fields';
import { RoleAndTitle, StackRow, useOrganizationOptions, type RoleTitleValues } from './membership-fields';
import { PersonPicker } from '../../../components/person-picker';

const FORM_FIELDS = ['personId', 'organizationId', 'role', 'title', 'startDate', 'endDate', 'decidedOn', 'source'] as const;
/** Fields the API may name in a refusal that the form does not show (their conflicts are listed). */
const PROBLEM_FIELDS = [...FORM_FIELDS, 'seatId', 'endReason'];
const EMPTY_AS_NULL = ['endDate', 'decidedOn', 'source', 'organizationId'];

interface Props {
  seat: Seat;
  asOf: IsoDate;
  onClose: () => void;
}

/** Mounted only while open, so each opening starts from fresh defaults. */
export function AssignDialog({ seat, asOf, onClose }: Props) {
  const term = useQuery(termQueries.detail(seat.termId));
  const history = useQuery(membershipQueries.list({ seatId: seat.id }));
  const organizationOptions = useOrganizationOptions();
  if (!term.data || !history.data || !organizationOptions) return null;
  const startDate = clampDate(asOf, term.data.startDate, term.data.endDate);
  const next = history.data
    .filter((m) => m.startDate > startDate)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  return (
    <AssignForm
      seat={seat}
      startDate={startDate}
      endDate={next ? dayBefore(next.startDate) : ''}
      organizationOptions={organizationOptions}
      onClose={onClose}
    />
  );
}

function AssignForm({
  seat,
  startDate,
  endDate,
  organizationOptions,
  onClose,
}: {
  seat: Seat;
  startDate: IsoDate;
  endDate: string;
  organizationOptions: SelectOption[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const assign = useAssignMembership();
  const [person, setPerson] = useState<Person | null>(null);
  const { control, handleSubmit, setError } = useForm<MembershipInput, unknown, MembershipInput>({
    resolver: actionResolver(MembershipInputSchema, EMPTY_AS_NULL),
    defaultValues: {
      seatId: seat.id,
      personId: '',
      organizationId: seat.nominatingOrganizationId ?? '',
      role: 'member',
      title: '',
      startDate,
      endDate,
      endReason: null,
      decidedOn: '',
      source: '',
    },
  });
  useServerErrors(assign.error, setError, FORM_FIELDS);


  const submit = handleSubmit((input) =>
    assign.mutate(input, {
      onSuccess: (created) => {
        onClose();
        notify({
          message: t('memberships.notify.assigned', {
            person: person?.name ?? '',
            seat: seat.label,
            date: formatDate(created.startDate, i18n.language),
          }),
          undo: async () => {
            await unassignMembership(created);
            await refreshAfterWrite(queryClient);
          },
        });
      },
    }),
  );

  return (
    <ActionDialog
      open
      onClose={onClose}
      title={t('memberships.assign.title', { seat: seat.label })}
      explanation={t('memberships.assign.explanation')}
      onSubmit={submit}
      submitLabel={t('memberships.assign.submit')}
      pending={assign.isPending}
      problem={<FormProblem error={assign.error} fields={PROBLEM_FIELDS} />}
    >
      <Controller
        control={control}
        name="personId"
        render={({ field, fieldState }) => (
          <PersonPicker
            label={t('memberships.fields.person')}
            required
            autoFocus
            value={person}
            onBlur={field.onBlur}
            onChange={(p) => {
              setPerson(p);
              field.onChange(p?.id ?? '');
            }}
            error={rhfErrorText(t, fieldState.error)}
          />
        )}
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
      <DatePair control={control} />
      <DecisionFields control={control as unknown as Control<DecisionValues>} />
    </ActionDialog>
  );
}

function DatePair({ control }: { control: Control<MembershipInput> }) {
  const { t } = useTranslation();
  return (
    <StackRow>
      <FormDateField control={control} name="startDate" label={t('memberships.fields.startDate')} required />
      <FormDateField
        control={control}
        name="endDate"
        label={t('memberships.fields.endDate')}
        helperText={t('memberships.fields.endDateHelp')}
      />
    </StackRow>
  );
}
