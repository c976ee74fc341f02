/** The dashboard's council cards: seats held and vacant, and the sector balance in numbers. */
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DashboardCard } from '../../../components/dashboard-card';
import { ErrorState } from '../../../components/error-state';
import { AppLink } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { sectorBalance } from '../../../domain/balance';
import type { IsoDate } from '../../../domain/dates';
import type { Body, Roster } from '../../../domain/schemas';
import { withQuery } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';

type RosterResult = UseQueryResult<Roster> | undefined;

/** The roster's states as card content: loading, error with retry, or `render(roster)`. */
function withRoster(roster: RosterResult, errorTitle: string, render: (r: Roster) => ReactNode): ReactNode {
  if (!roster || roster.isPending) return <Loading />;
  if (roster.isError) return <ErrorState title={errorTitle} error={roster.error} onRetry={() => void roster.refetch()} />;
  return render(roster.data);
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Box role="status">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      <Skeleton variant="rounded" height={96} />
    </Box>
  );
}

function BigNumber({ value, label }: { value: number; label: string }) {
  return (
    <Box>
      <Typography component="span" sx={{ display: 'block', fontSize: '2.25rem', fontWeight: 700, lineHeight: 1.1 }}>
        {value}
      </Typography>
      <Typography component="span" color="textSecondary">
        {label}
      </Typography>
    </Box>
  );
}

export function CouncilCard({ council, roster, date, today }: { council: Body | undefined; roster: RosterResult; date: IsoDate | undefined; today: IsoDate }) {
  const { t, i18n } = useTranslation();
  if (!council || !date) {
    return (
      <DashboardCard title={council?.name ?? t('app.nav.roster')}>
        <Typography color="textSecondary">{council ? t('dashboard.term.noTerms') : t('dashboard.council.noCouncil')}</Typography>
      </DashboardCard>
    );
  }
  const dateText = formatDate(date, i18n.language);
  return (
    <DashboardCard
      title={t('dashboard.council.heading', { body: council.name, date: dateText })}
      actions={<AppLink href={withQuery('/roster', { asOf: date === today ? undefined : date })}>{t('dashboard.council.open')}</AppLink>}
    >
      {withRoster(roster, t('roster.loadError'), (r) => {
        if (r.entries.length === 0) return <Typography>{t('dashboard.council.noSeats', { date: dateText })}</Typography>;
        const vacant = r.entries.filter((e) => e.vacant).length;
        return (
          <Stack spacing={1}>
            <Stack direction="row" spacing={5}>
              <BigNumber value={r.entries.length - vacant} label={t('dashboard.council.held')} />
              <BigNumber value={vacant} label={t('dashboard.council.vacant', { count: vacant })} />
            </Stack>
            <Typography color="textSecondary">{t('dashboard.council.seats', { count: r.entries.length })}</Typography>
          </Stack>
        );
      })}
    </DashboardCard>
  );
}

export function BalanceCard({ council, roster, date }: { council: Body | undefined; roster: RosterResult; date: IsoDate | undefined }) {
  const { t, i18n } = useTranslation();
  if (!council || !date) return null;
  const dateText = formatDate(date, i18n.language);
  return (
    <DashboardCard
      title={t('dashboard.balance.heading')}
      actions={<AppLink href={withQuery('/insights', { asOf: date })}>{t('dashboard.balance.open')}</AppLink>}
    >
      {withRoster(roster, t('insights.balance.loadError'), (r) => {
        const balance = sectorBalance(r.entries);
        if (r.entries.length === 0) return <Typography>{t('dashboard.council.noSeats', { date: dateText })}</Typography>;
        const max = Math.max(1, ...balance.rows.map((row) => row.held));
        return (
          <>
            <Typography color="textSecondary" sx={{ mb: 1 }}>
              {t('dashboard.balance.intro', { body: council.name, date: dateText })}
            </Typography>
            <Box
              component="dl"
              sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)', columnGap: 1.5, rowGap: 0.75, alignItems: 'center' }}
            >
              {[...balance.rows.map((row) => [t(`sector.${row.sector}`), row.held] as const), [t('dashboard.balance.vacant'), balance.vacant] as const].map(
                ([label, value], i) => (
                  <Box key={label} sx={{ display: 'contents' }}>
                    <Typography component="dt">{label}</Typography>
                    <Typography component="dd" sx={{ m: 0, display: 'flex', alignItems: 'center', gap: 1.5 }}>
                      <Box component="span" sx={{ fontWeight: 700, minWidth: '2ch', textAlign: 'right' }}>
                        {value}
                      </Box>
                      {/* A small bar for the eye; the number beside it is the information. */}
                      <Box
                        component="span"
                        aria-hidden
                        sx={{ display: 'block', height: 10, borderRadius: 5, bgcolor: i < balance.rows.length ? 'primary.main' : 'grey.600', width: `${(value / max) * 80}%`, minWidth: value ? 4 : 0 }}
                      />
                    </Typography>
                  </Box>
                ),
              )}
            </Box>
          </>
        );
      })}
    </DashboardCard>
  );
}
