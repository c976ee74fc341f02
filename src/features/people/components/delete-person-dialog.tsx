/**
 * Deleting a person, after asking. The server refuses while they have memberships (409
 * 'in-use', naming one): the dialog then says why and links the membership. After a deletion
 * the list opens with a notice whose undo creates the person again (with a new id).
 */
import { useTranslation } from 'react-i18next';
import { DeleteRecordDialog } from '../../../components/delete-record-dialog';
import type { Person } from '../../../domain/schemas';
import { personData } from '../api/person-writes';

export function DeletePersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const name = person.name;
  return (
    <DeleteRecordDialog
      resource="people"
      record={person}
      dataOf={personData}
      listHref="/people"
      texts={{
        title: t('people.delete.title', { name }),
        body: t('people.delete.body'),
        inUse: t('people.delete.inUse', { name }),
        submit: t('people.delete.submit'),
        deleted: t('people.notify.deleted', { name }),
      }}
      onClose={onClose}
    />
  );
}
