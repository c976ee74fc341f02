/**
 * The dashboard's renewal reminder: shown from `renewalReminderDays` (GET /api/settings,
 * default 180) before the current term ends. Days left, "x af N afklaret" and the first
 * unsettled seats with links to the workspace; or, with no renewal started, a link to the
 * term page where it starts. Renders nothing outside the reminder window.
 */
import AutorenewIcon from '@mui/icons-material/Autorenew';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { AppLink } from '../../../components/record-link';
import { daysBetween, todayIso, type IsoDate } from '../../../domain/dates';
import { renewalDue } from '../../../domain/renewal';
import { termCovering } from '../../../domain/rules';
import type { Term } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { termQueries } from '../../../lib/resources';
import { renewalQueries } from '../api/renewal-api';
import { LinkButton } from '../../../components/record-link';

const SHOWN = 5;

export function RenewalReminderCard({ today = todayIso() }: { today?: IsoDate }) {
  const { t } = useTranslation();
  const terms = useQuery(termQueries.list({ sort: '-startDate' }));
  const settings = useQuery(renewalQueries.settings());
  if (terms.isError || settings.isError) {
    const retry = () => {
      if (terms.isError) void terms.refetch();
      if (settings.isError) void settings.refetch();
    };
    return <ErrorState title={t('renewal.reminder.loadError')} error={terms.error ?? settings.error} onRetry={retry} />;
  }
  if (!terms.data || !settings.data) return null;
  const current = termCovering(terms.data, today);
  if (!current || !renewalDue(current, today, settings.data.renewalReminderDays)) return null;
  return <Reminder term={current} today={today} />;
}

function Reminder({ term, today }: { term: Term; today: IsoDate }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const state = useQuery(renewalQueries.state(term.id));
  const missing = state.error instanceof ApiError && state.error.status === 404;
  const days = daysBetween(today, term.endDate);

  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ borderColor: 'warning.main', borderWidth: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <AutorenewIcon color="warning" aria-hidden />
          <Typography component="h2" variant="h6" id={headingId}>
            {t('renewal.reminder.title', { label: term.label })}
          </Typography>
        </Stack>
        <Typography sx={{ mb: 2 }}>
          {t('renewal.reminder.daysLeft', { count: days, date: formatDate(term.endDate, i18n.language) })}
        </Typography>
        {state.isPending ? (
          <Skeleton variant="rounded" height={48} />
        ) : missing ? (
          <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <Typography>{t('renewal.reminder.notStarted')}</Typography>
            <LinkButton href={`/terms/${encodeURIComponent(term.id)}`} variant="contained" startIcon={<AutorenewIcon />}>
              {t('renewal.termAction.start')}
            </LinkButton>
          </Stack>
        ) : state.isError ? (
          <ErrorState title={t('renewal.page.loadError')} error={state.error} onRetry={() => void state.refetch()} />
        ) : (
          <Box>
            <Typography sx={{ fontWeight: 600, mb: 1 }}>
              {t('renewal.progress.settled', { settled: state.data.progress.settled, total: state.data.progress.total })}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={state.data.progress.total ? (state.data.progress.settled / state.data.progress.total) * 100 : 0}
              aria-label={t('renewal.progress.settled', { settled: state.data.progress.settled, total: state.data.progress.total })}
              sx={{ height: 8, borderRadius: 4, mb: 2 }}
            />
            <Unsettled termId={term.id} seats={state.data.seats.filter((s) => !s.settled)} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

function Unsettled({ termId, seats }: { termId: string; seats: { seat: { id: string; label: string }; nomination: { decision: string } | null; overdue: boolean }[] }) {
  const { t } = useTranslation();
  const href = `/terms/${encodeURIComponent(termId)}/renewal`;
  if (seats.length === 0) {
    return (
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Typography>{t('renewal.reminder.allSettled')}</Typography>
        <AppLink href={href}>{t('renewal.reminder.open')}</AppLink>
      </Stack>
    );
  }
  return (
    <Box>
      <Typography sx={{ mb: 0.5 }}>{t('renewal.reminder.unsettled', { count: seats.length })}</Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {seats.slice(0, SHOWN).map((s) => (
          <li key={s.seat.id}>
            <AppLink href={`${href}?q=${encodeURIComponent(s.seat.label)}`}>{s.seat.label}</AppLink>
            {` – ${s.overdue ? t('renewal.reminder.overdue') : s.nomination ? t('renewal.reminder.waiting') : t('renewal.table.undecided')}`}
          </li>
        ))}
      </Box>
      <Box sx={{ mt: 1 }}>
        <AppLink href={`${href}?show=unsettled`}>
          {seats.length > SHOWN ? t('renewal.reminder.more', { count: seats.length - SHOWN }) : t('renewal.reminder.open')}
        </AppLink>
      </Box>
    </Box>
  );
}
