/**
 * "Forbered næste periode": the next term's name and dates, proposed from the current term's
 * length (proposeNextTerm) and editable, validated with RenewalStartInputSchema. The server
 * copies the term's seats into the new term; an overlap with another term (409 'term-overlap')
 * is shown next to the first-day field, and a renewal that already exists is named above the
 * buttons. On success: to the workspace, with an undo that cancels the renewal again.
 */
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormDateField, FormTextField } from '../../../components/form/form-fields';
import { FormProblem, useServerErrors } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { proposeNextTerm, RenewalStartInputSchema, type RenewalStartInput } from '../../../domain/renewal';
import type { Term } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { formatSpan } from '../../../lib/format';
import { refreshAfterWrite, termQueries } from '../../../lib/resources';
import { cancelRenewal, renewalQueries, useStartRenewal } from '../api/renewal-api';
import { renewalResolver, useRenewalFieldErrors } from '../form';

const FIELDS = ['label', 'startDate', 'endDate'] as const;
type Values = { label: string; startDate: string; endDate: string };

export function StartRenewalDialog({ term, onClose }: { term: Term; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useStartRenewal(term.id);
  const proposed = proposeNextTerm(term);
  const form = useForm<Values, unknown, RenewalStartInput>({
    resolver: renewalResolver<Values, typeof RenewalStartInputSchema>(t, RenewalStartInputSchema, [], ['label', 'startDate', 'endDate']),
    defaultValues: proposed,
  });
  const { handleSubmit, setError } = form;
  const control = form.control as unknown as Control<Values>;
  useServerErrors(start.error, setError, FIELDS);
  useRenewalFieldErrors(start.error, setError);
  // An overlap names the other term next to the first day (the shared text says only "another term").
  const overlap =
    start.error instanceof ApiError ? start.error.problem?.conflicts?.find((c) => c.rule === 'term-overlap') : undefined;
  const other = useQuery({ ...termQueries.detail(overlap?.id ?? ''), enabled: overlap !== undefined });
  const otherText = other.data
    ? `${other.data.label} (${formatSpan(other.data.startDate, other.data.endDate, i18n.language)})`
    : other.isPending
      ? undefined
      : (overlap?.summary ?? '');
  useEffect(() => {
    if (otherText !== undefined && start.error) {
      setError('startDate', { type: 'server', message: t('renewal.start.overlap', { label: otherText }) }, { shouldFocus: true });
    }
  }, [otherText, start.error, setError, t]);

  // mutateAsync, not mutate's callbacks: the page behind swaps its button for a link as soon
  // as the renewal exists (the refresh after the write), which may unmount this dialog first.
  const submit = handleSubmit(async (input) => {
    let next;
    try {
      next = await start.mutateAsync(input);
    } catch {
      return; // start.error explains it in the dialog.
    }
    onClose();
    void navigate({ to: '/terms/$termId/renewal', params: { termId: term.id } });
    notify({
      message: t('renewal.start.done', { label: next.label }),
      undo: async () => {
        const state = await queryClient.fetchQuery({ ...renewalQueries.state(term.id), staleTime: 0 });
        await cancelRenewal(state);
        queryClient.removeQueries({ queryKey: renewalQueries.all() });
        await refreshAfterWrite(queryClient);
        await navigate({ to: '/terms/$termId', params: { termId: term.id } });
      },
    });
  });

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('renewal.start.title', { label: term.label })}
      onSubmit={submit}
      submitLabel={t('renewal.start.submit')}
      pending={start.isPending}
      problem={<FormProblem error={start.error} fields={FIELDS} />}
    >
      <Typography>
        {t('renewal.start.explain', { label: term.label, dates: formatSpan(term.startDate, term.endDate, i18n.language) })}
      </Typography>
      <FormTextField control={control} name="label" label={t('renewal.start.label')} required autoComplete="off" />
      <FormDateField control={control} name="startDate" label={t('renewal.start.startDate')} required />
      <FormDateField control={control} name="endDate" label={t('renewal.start.endDate')} required />
    </FormDialog>
  );
}
