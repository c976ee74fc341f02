/** The dashboard's term card: the term running today, its dates and days left; else the latest and next. */
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { DashboardCard } from '../../../components/dashboard-card';
import { AppLink, recordHref } from '../../../components/record-link';
import { daysBetween, type IsoDate } from '../../../domain/dates';
import { formatDate, formatSpan } from '../../../lib/format';
import { daysLeft, termProgress, type Reference } from '../dashboard';

export function TermCard({ reference, today }: { reference: Reference; today: IsoDate }) {
  const { t, i18n } = useTranslation();
  const { current, latest, next } = reference;
  const termLink = (id: string) => <AppLink href={recordHref('term', id) ?? '/terms'}>{t('dashboard.term.open')}</AppLink>;
  const allLink = <AppLink href="/terms">{t('dashboard.term.all')}</AppLink>;

  if (current) {
    const left = daysLeft(current, today);
    const percent = termProgress(current, today);
    return (
      <DashboardCard title={t('dashboard.term.current')} actions={<>{termLink(current.id)}{allLink}</>}>
        <Stack spacing={1}>
          <Typography sx={{ fontSize: '1.5rem', fontWeight: 700 }}>{current.label}</Typography>
          <Typography color="textSecondary">{formatSpan(current.startDate, current.endDate, i18n.language)}</Typography>
          <Typography sx={{ fontSize: '1.25rem', fontWeight: 600 }}>
            {left === 0 ? t('dashboard.term.lastDay') : t('dashboard.term.daysLeft', { count: left })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={percent}
            aria-label={t('dashboard.term.progress', { percent })}
            sx={{ height: 8, borderRadius: 4 }}
          />
          <Typography variant="body2" color="textSecondary">
            {t('dashboard.term.progress', { percent })}
          </Typography>
        </Stack>
      </DashboardCard>
    );
  }
  return (
    <DashboardCard title={t('dashboard.term.heading')} actions={allLink}>
      <Stack spacing={1}>
        <Typography sx={{ fontWeight: 600 }}>{latest || next ? t('dashboard.term.none') : t('dashboard.term.noTerms')}</Typography>
        {latest && (
          <Typography>
            {t('dashboard.term.latest', { term: latest.label, date: formatDate(latest.endDate, i18n.language) })}{' '}
            <AppLink href={recordHref('term', latest.id) ?? '/terms'} underline="always">{t('dashboard.term.open')}</AppLink>
          </Typography>
        )}
        {next && (
          <Typography>
            {t('dashboard.term.next', {
              term: next.label,
              date: formatDate(next.startDate, i18n.language),
              count: daysBetween(today, next.startDate),
            })}{' '}
            <AppLink href={recordHref('term', next.id) ?? '/terms'} underline="always">{t('dashboard.term.open')}</AppLink>
          </Typography>
        )}
      </Stack>
    </DashboardCard>
  );
}
