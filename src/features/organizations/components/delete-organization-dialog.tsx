/**
 * Deleting an organisation, after asking. The server refuses while a seat names it as
 * nominator or a membership sits on its behalf (409 'in-use', naming one): the dialog then
 * says why and links that record. Undo creates the organisation again (with a new id).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormProblem } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import type { Organization } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { createRecord, refreshAfterWrite } from '../../../lib/resources';
import { organizationData, useDeleteOrganization } from '../api/organization-writes';

export function DeleteOrganizationDialog({ organization, onClose }: { organization: Organization; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useDeleteOrganization();
  const inUse =
    remove.error instanceof ApiError && (remove.error.problem?.conflicts ?? []).some((c) => c.rule === 'in-use');

  /** Leave the deleted record's page first, then refresh every view (see the delete hook). */
  const afterDelete = async () => {
    onClose();
    await navigate({ to: '/organizations' });
    notify({
      message: t('organizations.notify.deleted', { name: organization.name }),
      undo: async () => {
        const again = await createRecord('organizations', organizationData(organization));
        await refreshAfterWrite(queryClient);
        await navigate({ to: '/organizations/$organizationId', params: { organizationId: again.id } });
      },
    });
    await refreshAfterWrite(queryClient);
  };
  const confirm = () => remove.mutate(organization, { onSuccess: () => void afterDelete() });

  return (
    <ConfirmDialog
      open
      onClose={onClose}
      onConfirm={confirm}
      title={t('organizations.delete.title', { name: organization.name })}
      body={inUse ? t('organizations.delete.inUse', { name: organization.name }) : t('organizations.delete.body')}
      confirmLabel={t('organizations.delete.submit')}
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
