/**
 * Change a holder's role or title from a date (POST /api/memberships/:id/change): the
 * current segment ends the day before and the next one, same person, starts on the date.
 * E.g. "Konst. direktør, Teknik og Miljø" becomes "Direktør, Teknik og Miljø" from 1 March 2019.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDateField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import type { IsoDate } from '../../../domain/dates';
import { effectiveSpan } from '../../../domain/rules';
import { MembershipChangeInputSchema, type MembershipChangeInput } from '../../../domain/schemas';
import { formatDate } from '../../../lib/format';
import { refreshAfterWrite, termQueries } from '../../../lib/resources';
import { revertMembership, useChangeMembership } from '../api/membership-actions';
import { clampDate, dayAfter, dayBefore } from '../dates';
import { actionResolver } from '../form';
import type { HolderProps } from '../holder';
import { ActionDialog } from './action-dialog';
import { DecisionFields, type DecisionValues } from './decision-fields';
import { RoleAndTitle, type RoleTitleValues } from './membership-fields';

const FORM_FIELDS = ['effectiveDate', 'role', 'title', 'decidedOn', 'source'] as const;
const PROBLEM_FIELDS = [...FORM_FIELDS, 'seatId', 'personId', 'startDate', 'endDate'];
const EMPTY_AS_NULL = ['decidedOn', 'source'];

export function ChangeDialog({ holder, asOf, onClose }: HolderProps) {
  const term = useQuery(termQueries.detail(holder.seat.termId));
  if (!term.data) return null;
  const { membership } = holder;
  const lastDay = effectiveSpan(membership, term.data.endDate).endDate;
  return (
    <ChangeForm
      holder={holder}
      lastDay={lastDay}
      effectiveDate={clampDate(asOf, dayAfter(membership.startDate), lastDay)}
      onClose={onClose}
    />
  );
}

function ChangeForm({
  holder,
  lastDay,
  effectiveDate,
  onClose,
}: Pick<HolderProps, 'holder' | 'onClose'> & { lastDay: IsoDate | null; effectiveDate: IsoDate }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const change = useChangeMembership();
  const { membership, person, seat } = holder;
  const name = person?.name ?? '';
  const { control, handleSubmit, setError } = useForm<MembershipChangeInput, unknown, MembershipChangeInput>({
    resolver: actionResolver(MembershipChangeInputSchema, EMPTY_AS_NULL),
    defaultValues: { effectiveDate, role: membership.role, title: membership.title, decidedOn: '', source: '' },
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
    if (input.role === membership.role && input.title === membership.title) {
      setError('title', { type: 'server', message: t('memberships.validation.noChange') }, { shouldFocus: true });
      return;
    }
    change.mutate(
      { segment: membership, input },
      {
        onSuccess: (segments) => {
          const started = segments[segments.length - 1];
          onClose();
          notify({
            message: t('memberships.notify.changed', { person: name, date: formatDate(input.effectiveDate, i18n.language) }),
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
      title={t('memberships.change.title', { person: name })}
      explanation={
        validDate
          ? t('memberships.change.explanation', {
              seat: seat.label,
              end: formatDate(dayBefore(date), i18n.language),
              start: formatDate(date, i18n.language),
            })
          : t('memberships.change.explanationNoDate')
      }
      onSubmit={submit}
      submitLabel={t('memberships.change.submit')}
      pending={change.isPending}
      problem={<FormProblem error={change.error} fields={PROBLEM_FIELDS} onReload={() => void refreshAfterWrite(queryClient).then(() => change.reset())} />}
    >
      <FormDateField
        control={control}
        name="effectiveDate"
        label={t('memberships.fields.effectiveDate')}
        required
        sx={{ maxWidth: { sm: 240 } }}
      />
      <RoleAndTitle
        control={control as unknown as Control<RoleTitleValues>}
        titleHelp={t('memberships.change.titleHelp', { title: membership.title || '–' })}
      />
      <DecisionFields control={control as unknown as Control<DecisionValues>} />
    </ActionDialog>
  );
}
