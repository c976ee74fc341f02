/**
 * /terms/$termId/renewal (termId = the CURRENT term): preparing the next term as one batch.
 * Both terms; progress ("x af N pladser afklaret") with what is undecided and overdue; the
 * new term's seats per body with a decision each, quick filters and bulk actions; the checks
 * before the switch-over and the sector balance of both terms; the switch-over itself and
 * cancelling the renewal. After the switch-over: what happened, with links to both rosters.
 */
import CheckIcon from '@mui/icons-material/Check';
import CompareIcon from '@mui/icons-material/CompareArrows';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import MailIcon from '@mui/icons-material/MailOutlined';
import WarningIcon from '@mui/icons-material/WarningAmber';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorState } from '../../../components/error-state';
import { FormProblem } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { PageHeader } from '../../../components/page-header';
import { AppLink } from '../../../components/record-link';
import { SearchField } from '../../../components/search-field';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { RenewalSeat, RenewalState } from '../../../domain/renewal';
import { SECTORS, type Sector } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { formatDate, formatSpan } from '../../../lib/format';
import { renewalQueries, useCancelRenewal } from '../api/renewal-api';
import type { RenewalSearch, RenewalShow } from '../renewal-search';
import { filterSeats, seatsByBody } from '../renewal-view';
import { BalanceTable } from './balance-table';
import { BulkActions } from './bulk-actions';
import { ChecksPanel } from './checks-panel';
import { DecisionDialog } from './decision-dialog';
import { LinkButton } from '../../../components/record-link';
import { renewalHref } from './renewal-href';
import { RenewalSeatsTable } from './renewal-seats-table';
import { SwitchOverDialog } from './switch-over-dialog';
import { useCan } from '../../../lib/session';

const route = getRouteApi('/terms/$termId/renewal');

/** The renewal's state, or the page's loading, missing and error states. */
export function useRenewalState(termId: string) {
  return useQuery(renewalQueries.state(termId));
}

export function RenewalStateGate({
  termId,
  query,
  children,
}: {
  termId: string;
  query: ReturnType<typeof useRenewalState>;
  children: (state: RenewalState) => React.ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingRenewal />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Stack spacing={2}>
        <AppLink href={`/terms/${encodeURIComponent(termId)}`}>{t('renewal.page.backToTerm')}</AppLink>
        <Typography variant="h1">{t('renewal.page.titleShort')}</Typography>
        {missing ? (
          <Alert severity="info">{t('renewal.page.none')}</Alert>
        ) : (
          <ErrorState title={t('renewal.page.loadError')} error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  return <>{children(query.data)}</>;
}

export function RenewalWorkspacePage() {
  const { termId } = route.useParams();
  const query = useRenewalState(termId);
  return (
    <RenewalStateGate termId={termId} query={query}>
      {(state) => <Workspace state={state} />}
    </RenewalStateGate>
  );
}

type Dialog = { kind: 'decide'; seat: RenewalSeat } | { kind: 'switch' } | { kind: 'cancel' };

function Workspace({ state }: { state: RenewalState }) {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const switched = state.renewal.switchedOverAt !== null;
  // Read-only after the switch-over, and for roles that may not plan a renewal (viewers).
  const canPlan = useCan('renewal:write');
  const readOnly = switched || !canPlan;
  const seatsId = useId();
  const checksId = useId();
  const balanceId = useId();
  const close = () => setDialog(null);

  const shown = useMemo(() => filterSeats(state.seats, search), [state.seats, search]);
  const groups = useMemo(() => seatsByBody(shown), [shown]);
  // Only seats still shown can be acted on: a filter change leaves hidden ones out.
  const selectedSeats = shown.filter((s) => selected.has(s.seat.id));
  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const setSearch = (next: Partial<RenewalSearch>) => void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const openSeat = readOnly ? null : (seat: RenewalSeat) => setDialog({ kind: 'decide', seat });

  const termId = state.term.id;
  const { settled, total, undecided, overdue } = state.progress;

  return (
    <Stack spacing={4}>
      <PageHeader
        back={<AppLink href={`/terms/${encodeURIComponent(termId)}`}>{t('renewal.page.backTo', { label: state.term.label })}</AppLink>}
        title={t('renewal.page.title', { from: state.term.label, to: state.nextTerm.label })}
        subtitle={
          <>
            {t('renewal.page.current', { label: state.term.label, dates: formatSpan(state.term.startDate, state.term.endDate, i18n.language) })}
            <br />
            {t('renewal.page.next', { label: state.nextTerm.label, dates: formatSpan(state.nextTerm.startDate, state.nextTerm.endDate, i18n.language) })}
          </>
        }
        actions={
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
            <LinkButton href={renewalHref(termId, '/compare')} variant="outlined" startIcon={<CompareIcon />}>
              {t('renewal.page.compare')}
            </LinkButton>
            <LinkButton href={renewalHref(termId, '/requests')} variant="outlined" startIcon={<MailIcon />}>
              {t('renewal.page.requests')}
            </LinkButton>
          </Box>
        }
      />

      {switched ? (
        <Alert severity="success" role="status">
          <AlertTitle>{t('renewal.done.title', { label: state.nextTerm.label })}</AlertTitle>
          <Stack spacing={0.5}>
            <span>{t('renewal.done.body', { date: formatDate(state.nextTerm.startDate, i18n.language) })}</span>
            <AppLink href={`/roster?asOf=${state.nextTerm.startDate}`}>
              {t('renewal.done.newRoster', { date: formatDate(state.nextTerm.startDate, i18n.language) })}
            </AppLink>
            <AppLink href={`/roster?asOf=${state.term.endDate}`}>
              {t('renewal.done.oldRoster', { date: formatDate(state.term.endDate, i18n.language) })}
            </AppLink>
          </Stack>
        </Alert>
      ) : (
        <Paper variant="outlined" component="section" aria-labelledby={`${seatsId}-progress`} sx={{ p: { xs: 2, sm: 3 } }}>
          <Typography variant="h2" id={`${seatsId}-progress`} sx={{ mb: 1.5 }}>
            {t('renewal.progress.heading')}
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: { md: 'center' } }}>
            <Box sx={{ flexGrow: 1 }}>
              <Typography sx={{ fontWeight: 600, mb: 1 }}>{t('renewal.progress.settled', { settled, total })}</Typography>
              <LinearProgress
                variant="determinate"
                value={total ? (settled / total) * 100 : 0}
                aria-label={t('renewal.progress.settled', { settled, total })}
                sx={{ height: 10, borderRadius: 5 }}
              />
              <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', gap: 1 }}>
                <Chip size="small" variant="outlined" label={t('renewal.progress.undecided', { count: undecided })} />
                <Chip
                  size="small"
                  variant="outlined"
                  color={overdue > 0 ? 'error' : 'default'}
                  icon={overdue > 0 ? <WarningIcon aria-hidden /> : undefined}
                  label={t('renewal.progress.overdue', { count: overdue })}
                />
              </Stack>
            </Box>
            {canPlan && (
              <Stack spacing={1} sx={{ alignItems: { xs: 'stretch', md: 'flex-end' }, displayPrint: 'none' }}>
                <Button variant="contained" size="large" onClick={() => setDialog({ kind: 'switch' })}>
                  {t('renewal.switchOver.action')}
                </Button>
                <Button color="error" startIcon={<DeleteIcon />} onClick={() => setDialog({ kind: 'cancel' })}>
                  {t('renewal.cancel.action')}
                </Button>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}

      <Box component="section" aria-labelledby={seatsId}>
        <Typography variant="h2" id={seatsId} sx={{ mb: 2 }}>
          {t('renewal.seats.heading', { label: state.nextTerm.label })}
        </Typography>
        <Filters search={search} onChange={setSearch} />
        <Typography role="status" color="textSecondary" sx={{ my: 1.5 }}>
          {t('renewal.seats.shown', { shown: shown.length, total: state.seats.length })}
        </Typography>
        {groups.length === 0 ? (
          <Alert severity="info">{t('renewal.seats.noneShown')}</Alert>
        ) : (
          <Stack spacing={3}>
            {groups.map((g) => (
              <RenewalSeatsTable
                key={g.body.id}
                body={g.body}
                seats={g.seats}
                selection={readOnly ? null : { selected, toggle }}
                onDecide={openSeat}
              />
            ))}
          </Stack>
        )}
        {!readOnly && selectedSeats.length > 0 && (
          <Box sx={{ mt: 2, position: 'sticky', bottom: 8, zIndex: 2 }}>
            <BulkActions seats={selectedSeats} onDone={() => setSelected(new Set())} />
          </Box>
        )}
      </Box>

      <Box component="section" aria-labelledby={checksId}>
        <Typography variant="h2" id={checksId} sx={{ mb: 1 }}>
          {t('renewal.checks.heading')}
        </Typography>
        <ChecksPanel checks={state.checks} seats={state.seats} onOpenSeat={openSeat} />
      </Box>

      <Box component="section" aria-labelledby={balanceId}>
        <Typography variant="h2" id={balanceId} sx={{ mb: 1 }}>
          {t('renewal.balance.heading')}
        </Typography>
        <BalanceTable state={state} labelledBy={balanceId} />
      </Box>

      {dialog?.kind === 'decide' && <DecisionDialog termId={termId} seat={dialog.seat} onClose={close} />}
      {dialog?.kind === 'switch' && <SwitchOverDialog state={state} onClose={close} />}
      {dialog?.kind === 'cancel' && <CancelRenewalDialog state={state} onClose={close} />}
    </Stack>
  );
}

const SHOWS: readonly Exclude<RenewalShow, 'all'>[] = ['unsettled', 'undecided', 'overdue'];

/** Search and quick filters: one click each, pressed state in words (a check mark) as well as colour. */
function Filters({ search, onChange }: { search: RenewalSearch; onChange: (next: Partial<RenewalSearch>) => void }) {
  const { t } = useTranslation();
  const groupId = useId();
  const chip = (pressed: boolean, label: string, onClick: () => void) => (
    <Chip
      key={label}
      label={label}
      clickable
      onClick={onClick}
      aria-pressed={pressed}
      color={pressed ? 'primary' : 'default'}
      variant={pressed ? 'filled' : 'outlined'}
      icon={pressed ? <CheckIcon aria-hidden /> : undefined}
      sx={{ minHeight: 32 }}
    />
  );
  return (
    <Stack spacing={1.5} sx={{ displayPrint: 'none' }}>
      <SearchField value={search.q ?? ''} onCommit={(q) => onChange({ q: q || undefined })} label={t('renewal.filters.search')} />
      <Box role="group" aria-labelledby={groupId}>
        <Typography id={groupId} variant="body2" color="textSecondary" sx={{ mb: 0.5 }}>
          {t('renewal.filters.label')}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {SHOWS.map((show) =>
            chip(search.show === show, t(`renewal.filters.${show}`), () => onChange({ show: search.show === show ? undefined : show })),
          )}
          {SECTORS.map((sector: Sector) =>
            chip(search.sector === sector, t(`renewal.filters.sector.${sector}`), () =>
              onChange({ sector: search.sector === sector ? undefined : sector }),
            ),
          )}
        </Stack>
      </Box>
    </Stack>
  );
}

function CancelRenewalDialog({ state, onClose }: { state: RenewalState; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const cancel = useCancelRenewal();
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={t('renewal.cancel.title', { label: state.nextTerm.label })}
      body={t('renewal.cancel.body', { label: state.nextTerm.label, count: state.seats.length })}
      confirmLabel={t('renewal.cancel.confirm')}
      pending={cancel.isPending}
      problem={<FormProblem error={cancel.error} fields={[]} />}
      onConfirm={() =>
        cancel.mutate(state, {
          onSuccess: () => {
            onClose();
            notify({ message: t('renewal.cancel.done', { label: state.nextTerm.label }) });
            void navigate({ to: '/terms/$termId', params: { termId: state.term.id } });
          },
        })
      }
    />
  );
}

function LoadingRenewal() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} role="status" aria-live="polite">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      <Skeleton variant="text" width="50%" height={48} />
      <Skeleton variant="rounded" height={120} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height={32} />
        ))}
      </Paper>
    </Stack>
  );
}
