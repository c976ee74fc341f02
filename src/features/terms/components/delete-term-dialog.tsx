/**
 * Asks before deleting a term. The server refuses while the term has seats (409 'in-use',
 * naming a seat): the dialog then says why. After a deletion, "Fortryd" creates it again.
 */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormProblem } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import type { Term } from '../../../domain/schemas';
import { formatSpan } from '../../../lib/format';
import { createRecord, refreshAfterWrite } from '../../../lib/resources';
import { termData, useDeleteTerm } from '../api/term-writes';
import { isInUse } from './remove-seat-dialog';

export function DeleteTermDialog({ term, onClose }: { term: Term; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useDeleteTerm();
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={t('terms.delete.title', { label: term.label })}
      body={t('terms.delete.body', { label: term.label, dates: formatSpan(term.startDate, term.endDate, i18n.language) })}
      confirmLabel={t('terms.delete.confirm')}
      pending={remove.isPending}
      onConfirm={() =>
        remove.mutate(term, {
          onSuccess: () => {
            onClose();
            void navigate({ to: '/terms' });
            notify({
              message: t('terms.notify.deleted', { label: term.label }),
              undo: async () => {
                await createRecord('terms', termData(term));
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
            {isInUse(remove.error) && <Alert severity="info" role="status">{t('terms.delete.inUse')}</Alert>}
          </Stack>
        ) : undefined
      }
    />
  );
}
