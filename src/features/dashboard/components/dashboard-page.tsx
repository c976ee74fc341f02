/**
 * "/" ("Overblik"): the first page of the day. A grid of cards: the current term and its days
 * left, the council's seats held and vacant, the vacant seats of every body, the sector
 * balance in numbers, and the latest changes. Text and numbers only, so this first page loads
 * no chart library.
 *
 * Adding a card: render a <DashboardCard> (src/components/dashboard-card.tsx) in the grid
 * below, or pass it from src/app as `cards` (a feature's card, e.g. renewal's unsettled items)
 * or as `banner` (a notice above the grid); the grid places it like the others.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { visuallyHidden } from '../../../components/visually-hidden';
import { todayIso } from '../../../domain/dates';
import { bodyRosterQuery } from '../../../lib/body-roster';
import { formatDate } from '../../../lib/format';
import { bodyQueries, termQueries } from '../../../lib/resources';
import { reference } from '../dashboard';
import { BalanceCard, CouncilCard } from './council-cards';
import { RecentChangesCard } from './recent-changes-card';
import { TermCard } from './term-card';
import { VacanciesCard } from './vacancies-card';

export function DashboardPage({ banner, cards }: { banner?: ReactNode; cards?: ReactNode } = {}) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  const terms = useQuery(termQueries.list({ sort: '-startDate' }));
  const bodies = useQuery(bodyQueries.list());
  const refView = reference(terms.data ?? [], today);
  const date = refView.date;
  const rosters = useQueries({
    queries: (bodies.data ?? []).map((b) => ({ ...bodyRosterQuery({ bodyId: b.id, asOf: date ?? today }), enabled: date !== undefined })),
  });
  const council = bodies.data?.find((b) => b.kind === 'council' && b.parentId === null);
  const councilRoster = council ? rosters[bodies.data?.indexOf(council) ?? -1] : undefined;
  const failed = terms.isError ? terms : bodies.isError ? bodies : undefined;

  let content: ReactNode;
  if (failed) {
    content = <ErrorState title={t('dashboard.loadError')} error={failed.error} onRetry={() => void failed.refetch()} />;
  } else if (!terms.data || !bodies.data) {
    content = (
      <Box role="status" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} variant="rounded" height={180} />
        ))}
      </Box>
    );
  } else {
    content = (
      <>
        {!refView.current && date && (
          <Alert severity="info" role="status">
            {t('dashboard.reference', { date: formatDate(date, i18n.language) })}
          </Alert>
        )}
        {banner}
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' }, gap: 2, alignItems: 'stretch' }}>
          <TermCard reference={refView} today={today} />
          <CouncilCard council={council} roster={councilRoster} date={date} today={today} />
          <VacanciesCard rosters={rosters} date={date} />
          <BalanceCard council={council} roster={councilRoster} date={date} />
          {cards}
          <RecentChangesCard />
        </Box>
      </>
    );
  }

  return (
    <Stack spacing={3}>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle', { date: formatDate(today, i18n.language) })} />
      {content}
    </Stack>
  );
}

