/**
 * Vacate a seat: the holder's last day and why (POST /api/memberships/:id/end). The seat is
 * vacant from the next day.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDateField, FormTextField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { effectiveSpan } from '../../../domain/rules';
import { MembershipEndInputSchema, type MembershipEndInput } from '../../../domain/schemas';
import { formatDate } from '../../../lib/format';
import { refreshAfterWrite, termQueries } from '../../../lib/resources';
import { unendMembership, useEndMembership } from '../api/membership-actions';
import { clampDate, dayAfter } from '../dates';
import { actionResolver } from '../form';
import type { HolderProps } from '../holder';
import { ActionDialog } from './action-dialog';
import { DecisionFields, type DecisionValues } from './decision-fields';
import { StackRow } from './membership-fields';

const FORM_FIELDS = ['endDate', 'endReason', 'decidedOn', 'source'] as const;
const PROBLEM_FIELDS = [...FORM_FIELDS, 'seatId', 'personId', 'role', 'startDate'];

export function EndDialog({ holder, asOf, onClose }: HolderProps) {
  const term = useQuery(termQueries.detail(holder.seat.termId));
  if (!term.data) return null;
  const lastDay = effectiveSpan(holder.membership, term.data.endDate).endDate;
  return <EndForm holder={holder} endDate={clampDate(asOf, holder.membership.startDate, lastDay)} onClose={onClose} />;
}

function EndForm({ holder, endDate, onClose }: Pick<HolderProps, 'holder' | 'onClose'> & { endDate: string }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const end = useEndMembership();
  const { membership, person, seat } = holder;
  const name = person?.name ?? '';
  const { control, handleSubmit, setError } = useForm<MembershipEndInput, unknown, MembershipEndInput>({
    resolver: actionResolver(MembershipEndInputSchema, ['decidedOn', 'source']),
    defaultValues: { endDate, endReason: '', decidedOn: '', source: '' },
  });
  useServerErrors(end.error, setError, FORM_FIELDS);
  const date = useWatch({ control, name: 'endDate' });

  const submit = handleSubmit((input) => {
    if (input.endDate < membership.startDate) {
      setError('endDate', {
        type: 'server',
        message: t('memberships.validation.beforeStart', { date: formatDate(membership.startDate, i18n.language) }),
      });
      return;
    }
    const before = {
      endDate: membership.endDate,
      endReason: membership.endReason,
      endDecidedOn: membership.endDecidedOn,
      endSource: membership.endSource,
    };
    end.mutate(
      { segment: membership, input },
      {
        onSuccess: ([ended]) => {
          onClose();
          notify({
            message: t('memberships.notify.ended', {
              person: name,
              seat: seat.label,
              date: formatDate(input.endDate, i18n.language),
              vacantFrom: formatDate(dayAfter(input.endDate), i18n.language),
            }),
            undo: ended
              ? async () => {
                  await unendMembership(ended, before);
                  await refreshAfterWrite(queryClient);
                }
              : undefined,
          });
        },
      },
    );
  });

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <ActionDialog
      open
      onClose={onClose}
      title={t('memberships.end.title', { person: name, seat: seat.label })}
      explanation={
        validDate
          ? t('memberships.end.explanation', {
              person: name,
              date: formatDate(date, i18n.language),
              vacantFrom: formatDate(dayAfter(date), i18n.language),
            })
          : t('memberships.end.explanationNoDate')
      }
      onSubmit={submit}
      submitLabel={t('memberships.end.submit')}
      pending={end.isPending}
      problem={
        <FormProblem
          error={end.error}
          fields={PROBLEM_FIELDS}
          onReload={() => void refreshAfterWrite(queryClient).then(() => end.reset())}
        />
      }
    >
      <StackRow>
        <FormDateField
          control={control}
          name="endDate"
          label={t('memberships.fields.lastDay')}
          required
          sx={{ maxWidth: { sm: 240 } }}
        />
        <FormTextField
          control={control}
          name="endReason"
          label={t('memberships.fields.endReason')}
          helperText={t('memberships.fields.endReasonHelp')}
          required
          autoFocus
        />
      </StackRow>
      <DecisionFields control={control as unknown as Control<DecisionValues>} />
    </ActionDialog>
  );
}
