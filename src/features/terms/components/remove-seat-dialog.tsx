/**
 * Asks before removing a seat. The server refuses while the seat has (or had) a holder (409
 * 'in-use'): the dialog then says why and names the membership (who, which seat, when), so the
 * user knows what to do instead. After a removal, "Fortryd" creates the seat again.
 */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormProblem } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { AppLink, recordHref } from '../../../components/record-link';
import type { Seat } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { createRecord, refreshAfterWrite } from '../../../lib/resources';
import { seatData, useRemoveSeat } from '../api/seat-writes';

export const isInUse = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && (error.problem?.conflicts ?? []).some((c) => c.rule === 'in-use');

export function RemoveSeatDialog({
  seat,
  bodyName,
  termLabel,
  onClose,
}: {
  seat: Seat;
  bodyName: string;
  termLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const remove = useRemoveSeat();
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={t('seats.remove.title', { seat: seat.label })}
      body={t('seats.remove.body', { seat: seat.label, body: bodyName, term: termLabel })}
      confirmLabel={t('seats.remove.confirm')}
      pending={remove.isPending}
      onConfirm={() =>
        remove.mutate(seat, {
          onSuccess: () => {
            onClose();
            notify({
              message: t('seats.notify.removed', { seat: seat.label }),
              undo: async () => {
                await createRecord('seats', seatData(seat));
                await refreshAfterWrite(queryClient);
              },
            });
          },
        })
      }
      problem={
        remove.error ? (
          <Stack spacing={1}>
            <FormProblem error={remove.error} fields={[]} />
            {isInUse(remove.error) && (
              <Alert severity="info" role="status">
                {t('seats.remove.inUse')}{' '}
                <AppLink href={recordHref('seat', seat.id) ?? '/terms'}>{t('seats.remove.openSeat', { seat: seat.label })}</AppLink>
              </Alert>
            )}
          </Stack>
        ) : undefined
      }
    />
  );
}
