import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../domain/dates';
import type { Roster } from '../../../domain/schemas';
import { ErrorState } from '../../../components/error-state';
import { AppLink } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { withQuery } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { rosterQueries } from '../api/roster-queries';
import { RosterFilters } from './roster-filters';
import { RosterTables, type RosterRowActions } from './roster-table';

const route = getRouteApi('/roster');

/** `rowActions` adds a column of actions per row (composed in src/app/router.tsx). */
export function RosterPage({ rowActions }: { rowActions?: RosterRowActions } = {}) {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIso();
  const asOf = search.asOf ?? today;
  const roster = useQuery(rosterQueries.detail({ bodyId: search.bodyId, asOf }));

  return (
    <Stack spacing={3}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 2 }}>
        <Box>
          <Typography variant="h1">{roster.data?.body.name ?? t('roster.title')}</Typography>
          <Typography color="textSecondary" sx={{ mt: 0.5 }}>
            {roster.data?.term
              ? t('roster.termAndDate', { term: roster.data.term.label, date: formatDate(asOf, i18n.language) })
              : t('roster.noTermDate', { date: formatDate(asOf, i18n.language) })}
          </Typography>
        </Box>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ displayPrint: 'none', flexShrink: 0, alignItems: 'flex-end', gap: 1 }}>
          <Button variant="text" startIcon={<DownloadIcon />} href={withQuery('/api/export/roster.csv', { bodyId: search.bodyId, asOf })} download>
            {t('importExport.export.csvShort')}
          </Button>
          <Button variant="text" startIcon={<PrintIcon />} onClick={() => window.print()}>
            {t('common.print')}
          </Button>
          <Button variant="text" startIcon={<PrintIcon />} component={AppLink} href={withQuery('/roster/print', { asOf: search.asOf })}>
            {t('rosterPrint.action')}
          </Button>
        </Stack>
      </Stack>

      <RosterFilters
        bodyId={search.bodyId}
        asOf={asOf}
        today={today}
        onChange={(next) => void navigate({ search: { bodyId: next.bodyId, asOf: next.asOf }, replace: false })}
      />

      {roster.isPending ? (
        <LoadingRoster />
      ) : roster.isError && !roster.data ? (
        <ErrorState title={t('roster.loadError')} error={roster.error} onRetry={() => void roster.refetch()} />
      ) : (
        <Box aria-busy={roster.isFetching} sx={{ opacity: roster.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
          {roster.isError && (
            <Box sx={{ mb: 2 }}>
              <ErrorState title={t('roster.loadError')} error={roster.error} onRetry={() => void roster.refetch()} />
            </Box>
          )}
          <RosterContent roster={roster.data} rowActions={rowActions} />
        </Box>
      )}
    </Stack>
  );
}

function RosterContent({ roster, rowActions }: { roster: Roster; rowActions: RosterRowActions | undefined }) {
  const { t, i18n } = useTranslation();
  if (!roster.term) {
    return (
      <Alert severity="info">
        {t('roster.noTerm', { date: formatDate(roster.asOf, i18n.language), body: roster.body.name })}
      </Alert>
    );
  }
  if (roster.entries.length === 0) {
    return <Alert severity="info">{t('roster.noSeats', { body: roster.body.name, term: roster.term.label })}</Alert>;
  }
  const vacant = roster.entries.filter((e) => e.vacant).length;
  return (
    <Stack spacing={3}>
      <Typography role="status" sx={{ fontWeight: 500 }}>
        {t('roster.summary', { seats: roster.entries.length, held: roster.entries.length - vacant, count: vacant })}
      </Typography>
      <RosterTables entries={roster.entries} asOf={roster.asOf} rowActions={rowActions} />
    </Stack>
  );
}

/** While the router waits for a roster it was sent to (src/app/router.tsx: pendingMs). */
export function RosterPending() {
  const { t } = useTranslation();
  return (
    <Stack spacing={3}>
      <Typography variant="h1">{t('roster.title')}</Typography>
      <LoadingRoster />
    </Stack>
  );
}

function LoadingRoster() {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} role="status" aria-live="polite">
      <Typography sx={visuallyHidden}>
        {t('common.loading')}
      </Typography>
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={36} />
      ))}
    </Stack>
  );
}
