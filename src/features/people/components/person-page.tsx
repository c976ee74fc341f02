/**
 * /people/$personId: who the person is and how to reach them (edit in a dialog; delete is
 * refused by the server while they hold memberships, and the dialog says why), every seat
 * they have held over all terms as a timeline, the history of their record (audit trail), and
 * their personal data: download it, or anonymise them (GDPR).
 */
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Facts } from '../../../components/facts';
import { PageHeader } from '../../../components/page-header';
import { AppLink } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { Person } from '../../../domain/schemas';
import { personQueries } from '../../../lib/resources';
import { DeletePersonDialog } from './delete-person-dialog';
import { MembershipTimeline } from './membership-timeline';
import { EditPersonDialog } from './person-form-dialog';
import { PersonHistory } from './person-history';
import { PersonPrivacy } from './person-privacy';
import { useCan } from '../../../lib/session';

const route = getRouteApi('/people/$personId');

export function PersonPage() {
  const { t } = useTranslation();
  const { personId } = route.useParams();
  const person = useQuery(personQueries.detail(personId));

  if (person.isPending) return <LoadingPerson />;
  if (person.isError) {
    return (
      <Stack spacing={2}>
        <PageHeader back={<BackLink />} title={t('people.detail.title')} />
        <ErrorState title={t('people.detail.loadError')} error={person.error} onRetry={() => void person.refetch()} />
      </Stack>
    );
  }
  return <PersonView person={person.data} />;
}

function BackLink() {
  const { t } = useTranslation();
  return <AppLink href="/people">{t('people.detail.back')}</AppLink>;
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation();
  // The record as the dialog opened: the version an edit or deletion is based on.
  const [editing, setEditing] = useState<Person | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const canWrite = useCan('roster:write');
  const canSeePrivacy = useCan('privacy:read');
  const contactId = useId();
  const none = (
    <Typography component="span" color="textSecondary">
      {t('people.detail.none')}
    </Typography>
  );

  return (
    <Stack spacing={4}>
      <PageHeader
        back={<BackLink />}
        title={person.name}
        actions={
          canWrite && (
            <>
              <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(person)}>
                {t('people.edit.button')}
              </Button>
              <Button variant="outlined" color="error" startIcon={<DeleteIcon />} onClick={() => setDeleting(person)}>
                {t('people.delete.button')}
              </Button>
            </>
          )
        }
      />

      <Box component="section" aria-labelledby={contactId}>
        <Typography variant="h2" id={contactId} sx={{ mb: 1.5 }}>
          {t('people.detail.contact')}
        </Typography>
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 2.5 } }}>
          <Facts
            items={[
              [t('people.fields.email'), person.email ? <Link href={`mailto:${person.email}`}>{person.email}</Link> : none],
              [
                t('people.fields.phone'),
                person.phone ? <Link href={`tel:${person.phone.replace(/[\s-]/g, '')}`}>{person.phone}</Link> : none,
              ],
              [t('people.fields.notes'), person.notes || none],
            ]}
          />
        </Paper>
      </Box>

      <MembershipTimeline personId={person.id} />
      <PersonHistory personId={person.id} />
      {canSeePrivacy && <PersonPrivacy person={person} />}

      {editing && <EditPersonDialog person={editing} onClose={() => setEditing(null)} />}
      {deleting && <DeletePersonDialog person={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

/** While the page loads: its own, and the router's while it waits for the person (pendingMs). */
export function LoadingPerson() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} role="status" aria-live="polite">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      <Skeleton variant="text" width="40%" height={48} />
      <Skeleton variant="rounded" height={120} />
      <Skeleton variant="rounded" height={160} />
    </Stack>
  );
}
