/**
 * Deleting a person, after asking. The server refuses while they have memberships (409
 * 'in-use', naming one): the dialog then says why and links the membership. After a deletion
 * the list opens with a notice whose undo creates the person again (with a new id).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormProblem } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import type { Person } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { createRecord, refreshAfterWrite } from '../../../lib/resources';
import { personData, useDeletePerson } from '../api/person-writes';

export function DeletePersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useDeletePerson();
  const inUse =
    remove.error instanceof ApiError && (remove.error.problem?.conflicts ?? []).some((c) => c.rule === 'in-use');

  /** Leave the deleted record's page first, then refresh every view (see the delete hook). */
  const afterDelete = async () => {
    onClose();
    await navigate({ to: '/people' });
    notify({
      message: t('people.notify.deleted', { name: person.name }),
      undo: async () => {
        const again = await createRecord('people', personData(person));
        await refreshAfterWrite(queryClient);
        await navigate({ to: '/people/$personId', params: { personId: again.id } });
      },
    });
    await refreshAfterWrite(queryClient);
  };
  const confirm = () => remove.mutate(person, { onSuccess: () => void afterDelete() });

  return (
    <ConfirmDialog
      open
      onClose={onClose}
      onConfirm={confirm}
      title={t('people.delete.title', { name: person.name })}
      body={inUse ? t('people.delete.inUse', { name: person.name }) : t('people.delete.body')}
      confirmLabel={t('people.delete.submit')}
      pending={remove.isPending}
      problem={
        <FormProblem
          error={remove.error}
          fields={[]}
          onReload={() => {
            remove.reset();
            onClose();
            void refreshAfterWrite(queryClient);
          }}
        />
      }
    />
  );
}
