/**
 * Asks before deleting a council or forum. The server refuses while fora or seats belong to it
 * (409 'in-use', naming one): the dialog then says why. "Fortryd" creates it again.
 */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormProblem } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import type { Body } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { createRecord, refreshAfterWrite } from '../../../lib/resources';
import { bodyData, useDeleteBody } from '../api/body-writes';

const isInUse = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && (error.problem?.conflicts ?? []).some((c) => c.rule === 'in-use');

export function DeleteBodyDialog({ body, onClose }: { body: Body; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useDeleteBody();
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={t('bodies.delete.title', { name: body.name })}
      body={t('bodies.delete.body', { name: body.name })}
      confirmLabel={t('bodies.delete.confirm')}
      pending={remove.isPending}
      onConfirm={() =>
        remove.mutate(body, {
          onSuccess: () => {
            onClose();
            void navigate({ to: '/bodies' });
            notify({
              message: t('bodies.notify.deleted', { name: body.name }),
              undo: async () => {
                await createRecord('bodies', bodyData(body));
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
            {isInUse(remove.error) && <Alert severity="info" role="status">{t('bodies.delete.inUse')}</Alert>}
          </Stack>
        ) : undefined
      }
    />
  );
}
