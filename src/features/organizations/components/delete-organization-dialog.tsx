/**
 * Deleting an organisation, after asking. The server refuses while a seat names it as
 * nominator or a membership sits on its behalf (409 'in-use', naming one): the dialog then
 * says why and links that record. Undo creates the organisation again (with a new id).
 */
import { useTranslation } from 'react-i18next';
import { DeleteRecordDialog } from '../../../components/delete-record-dialog';
import type { Organization } from '../../../domain/schemas';
import { organizationData } from '../api/organization-writes';

export function DeleteOrganizationDialog({ organization, onClose }: { organization: Organization; onClose: () => void }) {
  const { t } = useTranslation();
  const name = organization.name;
  return (
    <DeleteRecordDialog
      resource="organizations"
      record={organization}
      dataOf={organizationData}
      listHref="/organizations"
      texts={{
        title: t('organizations.delete.title', { name }),
        body: t('organizations.delete.body'),
        inUse: t('organizations.delete.inUse', { name }),
        submit: t('organizations.delete.submit'),
        deleted: t('organizations.notify.deleted', { name }),
      }}
      onClose={onClose}
    />
  );
}
