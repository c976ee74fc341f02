/** The dashboard's vacant seats: every body's seats without a holder on the date, and since when. */
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DashboardCard } from '../../../components/dashboard-card';
import { ErrorState } from '../../../components/error-state';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { IsoDate } from '../../../domain/dates';
import type { Roster } from '../../../domain/schemas';
import { compareDanish } from '../../../domain/text';
import { formatDate } from '../../../lib/format';
import { membershipQueries } from '../../../lib/resources';
import { vacantSince } from '../dashboard';

export function VacanciesCard({ rosters, date }: { rosters: UseQueryResult<Roster>[]; date: IsoDate | undefined }) {
  const { t, i18n } = useTranslation();
  const loaded = rosters.map((r) => r.data).filter((r): r is Roster => r !== undefined);
  const withVacancies = loaded.filter((r) => r.entries.some((e) => e.vacant));
  // The memberships of the bodies with vacancies tell since when each seat is vacant.
  const memberships = useQueries({ queries: withVacancies.map((r) => membershipQueries.list({ bodyId: r.body.id })) });
  const failed = rosters.find((r) => r.isError) ?? memberships.find((m) => m.isError);
  const vacancies = withVacancies
    .flatMap((r, i) =>
      r.entries
        .filter((e) => e.vacant)
        .map((e) => ({
          seat: e.seat,
          body: r.body,
          since: r.term && memberships[i]?.data ? vacantSince(e.seat.id, memberships[i].data, r.term, r.asOf) : undefined,
        })),
    )
    .sort((a, b) => compareDanish(a.body.name, b.body.name) || compareDanish(a.seat.label, b.seat.label));
  const loading = rosters.some((r) => r.isPending) || memberships.some((m) => m.isPending);

  let content;
  if (!date) {
    // No term at all: nothing can be vacant (the term card says so).
    content = <Typography color="textSecondary">{t('dashboard.term.noTerms')}</Typography>;
  } else if (failed) {
    content = (
      <ErrorState
        title={t('roster.loadError')}
        error={failed.error}
        onRetry={() => {
          for (const q of rosters) if (q.isError) void q.refetch();
          for (const q of memberships) if (q.isError) void q.refetch();
        }}
      />
    );
  } else if (loading) {
    content = (
      <Box role="status">
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        <Skeleton variant="rounded" height={96} />
      </Box>
    );
  } else if (vacancies.length === 0) {
    content = <Typography>{t('dashboard.vacancies.none', { date: formatDate(date, i18n.language) })}</Typography>;
  } else {
    content = (
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {vacancies.map((v) => (
          <Box component="li" key={v.seat.id} sx={{ py: 0.75, '&:not(:last-child)': { borderBottom: 1, borderColor: 'divider' } }}>
            <AppLink href={`${recordHref('seat', v.seat.id) ?? ''}?asOf=${date}`} sx={{ fontWeight: 600 }}>
              {v.seat.label}
            </AppLink>
            <Typography variant="body2" color="textSecondary">
              {v.body.name}
              {v.since && ` · ${t('dashboard.vacancies.since', { date: formatDate(v.since, i18n.language) })}`}
            </Typography>
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <DashboardCard
      title={t('dashboard.vacancies.heading')}
      aside={date && !loading && !failed && vacancies.length > 0 ? t('dashboard.vacancies.count', { count: vacancies.length }) : undefined}
    >
      {content}
    </DashboardCard>
  );
}
