/**
 * "Historik": the person's record as the audit trail tells it (the shared RecordHistory),
 * with the person's editable fields. Seats over time are in the timeline.
 */
import { useTranslation } from 'react-i18next';
import { RecordHistory } from '../../../components/record-history';
import { PERSON_FIELDS } from '../api/person-writes';

export function PersonHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const fields = PERSON_FIELDS.map((key) => ({ key, label: t(`people.fields.${key}`) }));
  return <RecordHistory entity="people" entityId={personId} fields={fields} />;
}
