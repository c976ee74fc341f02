/**
 * /terms/$termId: a term's dates and status, its edit and delete, and its seats per body (the
 * council first, then its fora), each with its holder on a date in the URL (default today,
 * kept inside the term). Seats are added, edited and removed here.
 */
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Facts } from '../../../components/facts';
import { PageHeader } from '../../../components/page-header';
import { AppLink } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { clampDate } from '../../../domain/as-of';
import { bodiesInTreeOrder } from '../../../domain/body-tree';
import { todayIso, type IsoDate } from '../../../domain/dates';
import type { Body, Seat, Term } from '../../../domain/schemas';
import { formatDate, formatSpan } from '../../../lib/format';
import { bodyQueries, seatQueries, termQueries } from '../../../lib/resources';
import { BodySeatsTable } from './body-seats-table';
import { DeleteTermDialog } from './delete-term-dialog';
import { RemoveSeatDialog } from './remove-seat-dialog';
import { CreateSeatDialog, EditSeatDialog } from './seat-form-dialog';
import { EditTermDialog } from './term-form-dialog';
import { TermStatusChip } from './term-status-chip';
import { useCan } from '../../../lib/session';

const route = getRouteApi('/terms/$termId');

/** `renderActions` adds actions to the page header (composed in src/app, e.g. the term renewal). */
export function TermPage({ renderActions }: { renderActions?: (term: Term) => ReactNode } = {}) {
  const { t } = useTranslation();
  const { termId } = route.useParams();
  const term = useQuery(termQueries.detail(termId));
  if (term.isPending) return <LoadingTerm />;
  if (term.isError) {
    return (
      <Stack spacing={2}>
        <AppLink href="/terms">{t('terms.detail.back')}</AppLink>
        <Typography variant="h1">{t('terms.title')}</Typography>
        <ErrorState title={t('terms.detail.loadError')} error={term.error} onRetry={() => void term.refetch()} />
      </Stack>
    );
  }
  return <TermView term={term.data} renderActions={renderActions} />;
}

type Dialog =
  | { kind: 'edit-term' }
  | { kind: 'delete-term' }
  | { kind: 'add-seat'; body: Body }
  | { kind: 'edit-seat'; seat: Seat }
  | { kind: 'remove-seat'; seat: Seat; body: Body };

function TermView({ term, renderActions }: { term: Term; renderActions?: (term: Term) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIso();
  const wanted = search.asOf ?? today;
  const asOf = clampDate(wanted, term.startDate, term.endDate);
  const seatCount = useQuery(seatQueries.page({ termId: term.id, limit: 1, offset: 0 }));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canWrite = useCan('roster:write');
  const close = () => setDialog(null);
  const span = formatSpan(term.startDate, term.endDate, i18n.language);

  return (
    <Stack spacing={4}>
      <PageHeader
        back={<AppLink href="/terms">{t('terms.detail.back')}</AppLink>}
        title={t('terms.detail.heading', { label: term.label })}
        subtitle={span}
        actions={
          <>
            {renderActions?.(term)}
            {canWrite && (
              <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setDialog({ kind: 'edit-term' })}>
                {t('terms.edit.action')}
              </Button>
            )}
            {canWrite && (
              <Button variant="outlined" color="error" startIcon={<DeleteIcon />} onClick={() => setDialog({ kind: 'delete-term' })}>
                {t('terms.delete.action')}
              </Button>
            )}
          </>
        }
      />
      <Facts
        items={[
          [t('terms.detail.facts.status'), <TermStatusChip key="status" term={term} today={today} />],
          [t('terms.detail.facts.seats'), seatCount.data ? String(seatCount.data.total) : <Skeleton key="count" width={40} />],
        ]}
      />

      <SeatsSection
        term={term}
        asOf={asOf}
        wanted={wanted}
        today={today}
        onAsOf={(next) => void navigate({ search: { asOf: next }, replace: false })}
        onDialog={setDialog}
      />

      {dialog?.kind === 'edit-term' && <EditTermDialog term={term} onClose={close} />}
      {dialog?.kind === 'delete-term' && <DeleteTermDialog term={term} onClose={close} />}
      {dialog?.kind === 'add-seat' && (
        <CreateSeatDialog term={term} bodyId={dialog.body.id} onClose={close} />
      )}
      {dialog?.kind === 'edit-seat' && <EditSeatDialog seat={dialog.seat} onClose={close} />}
      {dialog?.kind === 'remove-seat' && (
        <RemoveSeatDialog seat={dialog.seat} bodyName={dialog.body.name} termLabel={term.label} onClose={close} />
      )}
    </Stack>
  );
}

function SeatsSection({
  term,
  asOf,
  wanted,
  today,
  onAsOf,
  onDialog,
}: {
  term: Term;
  asOf: IsoDate;
  wanted: IsoDate;
  today: IsoDate;
  onAsOf: (next: IsoDate | undefined) => void;
  onDialog: (d: Dialog) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const bodies = useQuery(bodyQueries.list());
  const ordered = useMemo(() => bodiesInTreeOrder(bodies.data ?? []), [bodies.data]);
  const todayInTerm = term.startDate <= today && today <= term.endDate;

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, gap: 2, mb: 1 }}>
        <Typography variant="h2" id={headingId}>
          {t('terms.detail.seatsHeading')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', displayPrint: 'none' }}>
          <TextField
            type="date"
            label={t('terms.detail.asOfLabel')}
            value={asOf}
            onChange={(e) => {
              // A half-typed date is empty here; wait for a whole one.
              if (e.target.value) onAsOf(e.target.value);
            }}
            size="small"
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: term.startDate, max: term.endDate } }}
          />
          {todayInTerm && (
            <Button variant="outlined" onClick={() => onAsOf(undefined)} disabled={asOf === today}>
              {t('common.today')}
            </Button>
          )}
        </Stack>
      </Stack>
      <Typography color="textSecondary" sx={{ mb: 3 }} role="status">
        {wanted === asOf
          ? t('terms.detail.shownOn', { date: formatDate(asOf, i18n.language) })
          : t('terms.detail.moved', { asked: formatDate(wanted, i18n.language), date: formatDate(asOf, i18n.language) })}
      </Typography>
      {bodies.isPending ? (
        <Skeleton variant="rounded" height={120} />
      ) : bodies.isError ? (
        <ErrorState title={t('terms.detail.bodiesError')} error={bodies.error} onRetry={() => void bodies.refetch()} />
      ) : ordered.length === 0 ? (
        <Alert severity="info" role="status">{t('terms.detail.noBodies')}</Alert>
      ) : (
        <Stack spacing={4}>
          {ordered.map(({ body, depth }) => (
            <BodySeatsTable
              key={body.id}
              body={body}
              depth={depth}
              term={term}
              asOf={asOf}
              onAdd={() => onDialog({ kind: 'add-seat', body })}
              onEdit={(seat) => onDialog({ kind: 'edit-seat', seat })}
              onRemove={(seat) => onDialog({ kind: 'remove-seat', seat, body })}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
}

function LoadingTerm() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} role="status" aria-live="polite">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      <Skeleton variant="text" width="40%" height={48} />
      <Skeleton variant="rounded" height={96} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} height={32} />
        ))}
      </Paper>
    </Stack>
  );
}

