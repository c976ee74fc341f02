/**
 * /organizations/$organizationId: the organisation (name, sector, other names; edit in a
 * dialog, delete refused while in use with the reason shown), the seats it nominates per
 * term and body, everyone who has represented it, over time, current ones marked, and the
 * record's own history from the audit trail.
 */
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Facts } from '../../../components/facts';
import { PageHeader } from '../../../components/page-header';
import { defaultValueText, RecordHistory } from '../../../components/record-history';
import { AppLink } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { Organization } from '../../../domain/schemas';
import { organizationQueries } from '../../../lib/resources';
import { DeleteOrganizationDialog } from './delete-organization-dialog';
import { NominatedSeats } from './nominated-seats';
import { EditOrganizationDialog } from './organization-form-dialog';
import { Representatives } from './representatives';
import { useCan } from '../../../lib/session';

const route = getRouteApi('/organizations/$organizationId');

export function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId } = route.useParams();
  const organization = useQuery(organizationQueries.detail(organizationId));

  if (organization.isPending) return <LoadingOrganization />;
  if (organization.isError) {
    return (
      <Stack spacing={2}>
        <PageHeader back={<BackLink />} title={t('organizations.detail.title')} />
        <ErrorState
          title={t('organizations.detail.loadError')}
          error={organization.error}
          onRetry={() => void organization.refetch()}
        />
      </Stack>
    );
  }
  return <OrganizationView organization={organization.data} />;
}

function BackLink() {
  const { t } = useTranslation();
  return <AppLink href="/organizations">{t('organizations.detail.back')}</AppLink>;
}

function OrganizationView({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  // The record as the dialog opened: the version an edit or deletion is based on.
  const [editing, setEditing] = useState<Organization | null>(null);
  const [deleting, setDeleting] = useState<Organization | null>(null);
  const canWrite = useCan('roster:write');

  return (
    <Stack spacing={4}>
      <PageHeader
        back={<BackLink />}
        title={organization.name}
        actions={
          canWrite && (
            <>
              <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(organization)}>
                {t('organizations.edit.button')}
              </Button>
              <Button variant="outlined" color="error" startIcon={<DeleteIcon />} onClick={() => setDeleting(organization)}>
                {t('organizations.delete.button')}
              </Button>
            </>
          )
        }
      />

      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 2.5 } }}>
        <Facts
          items={[
            [t('organizations.fields.sector'), t(`sector.${organization.sector}`)],
            [
              t('organizations.fields.otherNames'),
              organization.otherNames.length ? (
                organization.otherNames.join('\n')
              ) : (
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {t('organizations.detail.none')}
                </Box>
              ),
            ],
          ]}
        />
      </Paper>

      <NominatedSeats organizationId={organization.id} />
      <Representatives organizationId={organization.id} />
      <RecordHistory
        entity="organizations"
        entityId={organization.id}
        fields={[
          { key: 'name', label: t('organizations.fields.name') },
          { key: 'sector', label: t('organizations.fields.sector') },
          { key: 'otherNames', label: t('organizations.fields.otherNames') },
        ]}
        formatValue={(key, value) =>
          key === 'sector' && typeof value === 'string' ? t(`sector.${value}`, { defaultValue: value }) : defaultValueText(value)
        }
      />

      {editing && <EditOrganizationDialog organization={editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteOrganizationDialog organization={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

function LoadingOrganization() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} role="status" aria-live="polite">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      <Skeleton variant="text" width="40%" height={48} />
      <Skeleton variant="rounded" height={96} />
      <Skeleton variant="rounded" height={160} />
    </Stack>
  );
}
