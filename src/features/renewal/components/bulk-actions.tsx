/**
 * One decision for all selected seats, all or nothing (POST /api/nominations/bulk):
 * "Genudpeg valgte" (the holders, confirmed), "Bed om kandidater" (asks each seat's
 * organisation, with a due date) and "Lad stå ledige". Each answers with a notice whose undo
 * writes every nomination back as it was (or deletes the ones the batch created).
 */
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form/form-dialog';
import { FormDateField } from '../../../components/form/form-fields';
import { FormProblem } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { addDays, todayIso } from '../../../domain/dates';
import { NominationBulkInputSchema, type NominationBulkInput, type NominationDecision, type RenewalSeat } from '../../../domain/renewal';
import { refreshAfterWrite } from '../../../lib/resources';
import { undoNominations, useBulkNominations } from '../api/renewal-api';
import { renewalResolver } from '../form';

const items = (seats: readonly RenewalSeat[]) =>
  seats.map((s) => (s.nomination ? { seatId: s.seat.id, version: s.nomination.version } : { seatId: s.seat.id }));

export function BulkActions({ seats, onDone }: { seats: RenewalSeat[]; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const bulk = useBulkNominations();
  const [asking, setAsking] = useState(false);
  const withoutHolder = seats.filter((s) => !s.currentHolder).length;

  // mutateAsync, not mutate's callbacks: with a filter such as "Uden beslutning" the decided
  // seats leave the list after the refresh, and this bar (their selection) with them.
  const run = async (input: NominationBulkInput, after?: () => void) => {
    const before = seats.map((s) => s.nomination);
    let nominations;
    try {
      ({ nominations } = await bulk.mutateAsync(input));
    } catch {
      return; // bulk.error explains it.
    }
    after?.();
    onDone();
    notify({
      message: t('renewal.bulk.done', { count: nominations.length, decision: t(`renewal.decisions.${input.decision}`) }),
      undo: async () => {
        await undoNominations(before, nominations);
        await refreshAfterWrite(queryClient);
      },
    });
  };
  const simple = (decision: NominationDecision) =>
    void run({ items: items(seats), decision, status: decision === 'reappoint' ? 'confirmed' : 'planned' });

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={t('renewal.bulk.label')}
      sx={{ p: 1.5, bgcolor: 'background.paper', displayPrint: 'none' }}
    >
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap' }}>
        <Typography role="status" sx={{ fontWeight: 600, mr: 1 }}>
          {t('renewal.bulk.selected', { count: seats.length })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
          <Button variant="contained" size="small" disabled={withoutHolder > 0 || bulk.isPending} onClick={() => simple('reappoint')}>
            {t('renewal.bulk.reappoint')}
          </Button>
          <Button variant="contained" size="small" disabled={bulk.isPending} onClick={() => setAsking(true)}>
            {t('renewal.bulk.request')}
          </Button>
          <Button variant="outlined" size="small" disabled={bulk.isPending} onClick={() => simple('vacant')}>
            {t('renewal.bulk.vacant')}
          </Button>
          <Button size="small" onClick={onDone} disabled={bulk.isPending}>
            {t('renewal.bulk.clear')}
          </Button>
        </Stack>
      </Stack>
      {withoutHolder > 0 && (
        <Typography variant="body2" color="textSecondary" sx={{ mt: 1 }}>
          {t('renewal.bulk.noHolder', { count: withoutHolder })}
        </Typography>
      )}
      {!asking && bulk.error ? (
        <Stack sx={{ mt: 1 }}>
          <FormProblem error={bulk.error} fields={[]} />
        </Stack>
      ) : null}
      {asking && (
        <RequestDialog
          seats={seats}
          pending={bulk.isPending}
          error={bulk.error}
          onClose={() => {
            setAsking(false);
            bulk.reset();
          }}
          onSubmit={(input) => void run(input, () => setAsking(false))}
        />
      )}
    </Paper>
  );
}

type RequestValues = { items: NominationBulkInput['items']; decision: NominationDecision; status: 'requested'; requestedOn: string; dueDate: string };

function RequestDialog({
  seats,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  seats: RenewalSeat[];
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: NominationBulkInput) => void;
}) {
  const { t } = useTranslation();
  const today = todayIso();
  const form = useForm<RequestValues, unknown, NominationBulkInput>({
    resolver: renewalResolver<RequestValues, typeof NominationBulkInputSchema>(t, NominationBulkInputSchema, ['requestedOn'], ['dueDate']),
    defaultValues: { items: items(seats), decision: 'nominate', status: 'requested', requestedOn: today, dueDate: addDays(today, 30) },
  });
  const { handleSubmit } = form;
  const control = form.control as unknown as Control<RequestValues>;
  const organizations = new Set(seats.map((s) => s.nominatingOrganization?.id ?? s.seat.id)).size;
  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('renewal.bulk.requestTitle', { count: seats.length })}
      onSubmit={handleSubmit(onSubmit)}
      submitLabel={t('renewal.bulk.requestSubmit')}
      pending={pending}
      problem={<FormProblem error={error} fields={['requestedOn', 'dueDate']} />}
    >
      <Typography>{t('renewal.bulk.requestExplain', { count: seats.length, organizations })}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <FormDateField control={control} name="requestedOn" label={t('renewal.fields.requestedOn')} />
        <FormDateField control={control} name="dueDate" label={t('renewal.fields.dueDate')} required />
      </Stack>
    </FormDialog>
  );
}
