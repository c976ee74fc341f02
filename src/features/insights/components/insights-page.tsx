/**
 * /insights, "Sammensætning og tidslinje": a body's sector balance on a date and across terms
 * (bar charts with tables), and its seats over a term or all terms (a timeline with a table).
 * Body, term (or all terms) and date live in the URL. The chart library comes with this page's
 * chunk only (a lazy route), so the roster's first load does not carry it.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { visuallyHidden } from '../../../components/visually-hidden';
import { termView } from '../../../domain/as-of';
import { todayIso, type IsoDate } from '../../../domain/dates';
import type { Body, Term } from '../../../domain/schemas';
import { formatDate } from '../../../lib/format';
import { bodyQueries, membershipQueries, organizationQueries, personQueries, seatQueries, termQueries } from '../../../lib/resources';
import { timelineRows, type TimelineRange } from '../timeline';
import { SeatTimeline, TimelineLegend, TimelineTable } from './seat-timeline';
import { SectorBalanceAcrossTerms, SectorBalanceOnDate } from './sector-balance';

const route = getRouteApi('/insights');

export function InsightsPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIso();
  const bodies = useQuery(bodyQueries.list());
  const terms = useQuery(termQueries.list({ sort: '-startDate' }));

  const council = bodies.data?.find((b) => b.kind === 'council' && b.parentId === null) ?? bodies.data?.[0];
  const body = (search.bodyId ? bodies.data?.find((b) => b.id === search.bodyId) : undefined) ?? council;
  const all = search.span === 'all';
  const view = termView(terms.data ?? [], { termId: all ? undefined : search.termId, asOf: search.asOf }, today);
  const date = formatDate(view.asOf, i18n.language);

  const failed = bodies.isError ? bodies : terms.isError ? terms : undefined;
  let content: ReactNode;
  if (failed) {
    content = <ErrorState title={t('insights.loadError')} error={failed.error} onRetry={() => void failed.refetch()} />;
  } else if (!bodies.data || !terms.data) {
    content = (
      <Stack spacing={2} role="status">
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        <Skeleton variant="rounded" height={280} />
        <Skeleton variant="rounded" height={360} />
      </Stack>
    );
  } else if (!body) {
    content = <Alert severity="info">{t('insights.noBodies')}</Alert>;
  } else if (terms.data.length === 0) {
    content = <Alert severity="info">{t('insights.noTerms')}</Alert>;
  } else {
    content = (
      <Stack spacing={5}>
        <SectorBalanceOnDate body={body} term={view.term} asOf={view.asOf} />
        <TimelineSection body={body} terms={terms.data} term={all ? undefined : view.term} today={today} />
        <SectorBalanceAcrossTerms body={body} terms={terms.data} today={today} />
      </Stack>
    );
  }

  return (
    <Stack spacing={3}>
      <PageHeader
        title={t('insights.title')}
        subtitle={
          body &&
          (view.term && !all
            ? t('insights.subtitle', { body: body.name, term: view.term.label, date })
            : t('insights.subtitleAll', { body: body.name, date }))
        }
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, displayPrint: 'none' }}>
        <TextField
          select
          label={t('insights.bodyLabel')}
          value={body?.id ?? ''}
          onChange={(e) => void navigate({ search: (s) => ({ ...s, bodyId: e.target.value }) })}
          size="small"
          sx={{ minWidth: 240 }}
          disabled={!bodies.data?.length}
        >
          {(bodies.data ?? []).map((b) => (
            <MenuItem key={b.id} value={b.id} sx={{ pl: b.parentId ? 4 : 2 }}>
              {b.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('insights.termLabel')}
          value={all ? 'all' : (view.term?.id ?? '')}
          onChange={(e) =>
            void navigate({
              search: (s) =>
                e.target.value === 'all'
                  ? { ...s, span: 'all', termId: undefined }
                  : { ...s, span: undefined, termId: e.target.value, asOf: undefined },
            })
          }
          size="small"
          sx={{ minWidth: 180 }}
          disabled={!terms.data?.length}
        >
          {(terms.data ?? []).map((x) => (
            <MenuItem key={x.id} value={x.id}>
              {x.label}
            </MenuItem>
          ))}
          <MenuItem value="all">{t('insights.allTerms')}</MenuItem>
        </TextField>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            type="date"
            label={t('insights.asOfLabel')}
            value={view.asOf}
            onChange={(e) => {
              // A half-typed date is empty here; wait for a whole one.
              const asOf = e.target.value;
              if (asOf) void navigate({ search: (s) => ({ ...s, asOf, termId: undefined }) });
            }}
            size="small"
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: '1900-01-01', max: '2999-12-31' } }}
          />
          <Button
            variant="outlined"
            onClick={() => void navigate({ search: (s) => ({ ...s, asOf: undefined, termId: undefined }) })}
            disabled={search.asOf === undefined && search.termId === undefined}
          >
            {t('common.today')}
          </Button>
        </Stack>
      </Stack>
      {view.movedFrom && search.termId === undefined && search.asOf !== undefined && view.term && (
        <Typography color="textSecondary">
          {t('insights.moved', { asked: formatDate(view.movedFrom, i18n.language), term: view.term.label, date })}
        </Typography>
      )}
      {content}
    </Stack>
  );
}

/** The timeline of `body` over `term`, or over every term when `term` is undefined. */
function TimelineSection({ body, terms, term, today }: { body: Body; terms: readonly Term[]; term: Term | undefined; today: IsoDate }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const seats = useQuery(seatQueries.list(term ? { bodyId: body.id, termId: term.id } : { bodyId: body.id }));
  const memberships = useQuery(membershipQueries.list({ bodyId: body.id }));
  const people = useQuery(personQueries.list());
  const organizations = useQuery(organizationQueries.list());

  const range: TimelineRange = term
    ? { start: term.startDate, end: term.endDate }
    : {
        start: terms.reduce((min, x) => (x.startDate < min ? x.startDate : min), terms[0]?.startDate ?? today),
        end: terms.reduce((max, x) => (x.endDate > max ? x.endDate : max), terms[0]?.endDate ?? today),
      };
  const rows = seats.data && memberships.data ? timelineRows(seats.data, memberships.data, terms, range) : undefined;
  const lookups = useMemo(
    () => ({
      people: new Map((people.data ?? []).map((p) => [p.id, p])),
      organizations: new Map((organizations.data ?? []).map((o) => [o.id, o])),
    }),
    [people.data, organizations.data],
  );
  const rangeText = term ? t('insights.timeline.rangeTerm', { term: term.label }) : t('insights.timeline.rangeAll');

  const failed = [seats, memberships, people, organizations].find((q) => q.isError);
  let content: ReactNode;
  if (failed) {
    content = (
      <ErrorState
        title={t('insights.timeline.loadError')}
        error={failed.error}
        onRetry={() => {
          for (const q of [seats, memberships, people, organizations]) if (q.isError) void q.refetch();
        }}
      />
    );
  } else if (!rows || !people.data || !organizations.data) {
    content = (
      <Box role="status">
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        <Skeleton variant="rounded" height={360} />
      </Box>
    );
  } else if (rows.length === 0) {
    content = <Alert severity="info">{t('insights.timeline.empty', { body: body.name, range: rangeText })}</Alert>;
  } else {
    const segments = rows.reduce((n, r) => n + r.items.length, 0);
    content = (
      <>
        <TimelineLegend />
        <SeatTimeline
          rows={rows}
          range={range}
          lookups={lookups}
          today={today}
          showTerm={!term}
          label={t('insights.timeline.regionLabel', {
            body: body.name,
            span: `${formatDate(range.start, i18n.language)} – ${formatDate(range.end, i18n.language)}`,
          })}
        />
        <Box component="details" sx={{ mt: 2, '& > summary': { cursor: 'pointer', fontWeight: 600, py: 1, color: 'primary.main' } }}>
          <summary>{t('insights.timeline.tableSummary', { count: segments })}</summary>
          <Box sx={{ mt: 1 }}>
            <TimelineTable rows={rows} lookups={lookups} showTerm={!term} />
          </Box>
        </Box>
      </>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h2" id={headingId} sx={{ mb: 0.5 }}>
        {t('insights.timeline.heading', { range: rangeText })}
      </Typography>
      <Typography color="textSecondary" sx={{ mb: 2, maxWidth: '75ch' }}>
        {t('insights.timeline.intro')}
      </Typography>
      {content}
    </Box>
  );
}
