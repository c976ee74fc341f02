/**
 * /roster/print?termId=&asOf=: the roster of every body of a term on a date, each in its own
 * section that starts a new printed page, with the body, the term and the date at its top.
 * On screen it is a long page with a print button; the print stylesheet (src/theme) keeps
 * table rows whole and hides the app's navigation. It lives in src/app (it composes the roster
 * feature's tables for every body), so its chunk is not counted as the roster page's own.
 */
import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../components/error-state';
import { PageHeader } from '../components/page-header';
import { AppLink } from '../components/record-link';
import { visuallyHidden } from '../components/visually-hidden';
import { termView } from '../domain/as-of';
import { todayIso } from '../domain/dates';
import type { Body, Roster } from '../domain/schemas';
import { compareDanish } from '../domain/text';
import { withQuery } from '../lib/api-client';
import { bodyRosterQuery } from '../lib/body-roster';
import { formatDate } from '../lib/format';
import { bodyQueries, termQueries } from '../lib/resources';
import { RosterTables } from '../features/roster/components/roster-table';

const route = getRouteApi('/roster/print');

/** The council (top-level bodies) first, each followed by its fora, names in Danish order. */
function inTreeOrder(bodies: readonly Body[]): Body[] {
  const byName = (a: Body, b: Body) => compareDanish(a.name, b.name);
  const out: Body[] = [];
  const visit = (parentId: string | null) => {
    for (const b of bodies.filter((x) => x.parentId === parentId).sort(byName)) {
      out.push(b);
      visit(b.id);
    }
  };
  visit(null);
  // Bodies whose parent is missing still print, last.
  return [...out, ...bodies.filter((b) => !out.includes(b)).sort(byName)];
}

export function RosterPrintPage() {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const today = todayIso();
  const bodies = useQuery(bodyQueries.list());
  const terms = useQuery(termQueries.list({ sort: '-startDate' }));
  const view = termView(terms.data ?? [], search, today);
  const ordered = inTreeOrder(bodies.data ?? []);
  const rosters = useQueries({
    queries: ordered.map((b) => ({ ...bodyRosterQuery({ bodyId: b.id, asOf: view.asOf }), enabled: view.term !== undefined })),
  });
  const date = formatDate(view.asOf, i18n.language);
  const failed = bodies.isError ? bodies : terms.isError ? terms : rosters.find((r) => r.isError);

  let content: ReactNode;
  if (failed) {
    content = <ErrorState title={t('rosterPrint.loadError')} error={failed.error} onRetry={() => void failed.refetch()} />;
  } else if (!bodies.data || !terms.data || (view.term && rosters.some((r) => !r.data))) {
    content = (
      <Stack spacing={2} role="status">
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        <Skeleton variant="rounded" height={320} />
      </Stack>
    );
  } else if (!view.term) {
    content = <Alert severity="info">{t('rosterPrint.noTerm', { date })}</Alert>;
  } else {
    const loaded = rosters.map((r) => r.data).filter((r): r is Roster => r !== undefined);
    const withSeats = loaded.filter((r) => r.entries.length > 0);
    const empty = loaded.filter((r) => r.entries.length === 0);
    content = (
      <>
        {withSeats.map((roster, i) => (
          <BodySection key={roster.body.id} roster={roster} last={i === withSeats.length - 1 && empty.length === 0} />
        ))}
        {empty.length > 0 && (
          <Box sx={{ '@media print': { breakInside: 'avoid' } }}>
            {empty.map((r) => (
              <Typography key={r.body.id} color="textSecondary">
                {t('rosterPrint.empty', { body: r.body.name, term: view.term?.label ?? '' })}
              </Typography>
            ))}
          </Box>
        )}
      </>
    );
  }

  return (
    <Stack spacing={4}>
      <PageHeader
        back={<AppLink href={withQuery('/roster', { asOf: search.asOf })}>{t('rosterPrint.back')}</AppLink>}
        title={t('rosterPrint.title')}
        subtitle={view.term ? t('rosterPrint.subtitle', { term: view.term.label, date }) : undefined}
        actions={
          <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!view.term}>
            {t('common.print')}
          </Button>
        }
      />
      {content}
    </Stack>
  );
}

function BodySection({ roster, last }: { roster: Roster; last: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const vacant = roster.entries.filter((e) => e.vacant).length;
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      sx={{ '@media print': { breakAfter: last ? 'auto' : 'page' } }}
    >
      <Box sx={{ borderBottom: 2, borderColor: 'primary.main', pb: 1, mb: 2 }}>
        <Typography variant="h2" id={headingId} sx={{ fontSize: '1.375rem' }}>
          {roster.body.name}
        </Typography>
        <Typography color="textSecondary">
          {t('rosterPrint.subtitle', { term: roster.term?.label ?? '', date: formatDate(roster.asOf, i18n.language) })}
          {' · '}
          {t('roster.summary', { seats: roster.entries.length, held: roster.entries.length - vacant, vacant })}
        </Typography>
      </Box>
      <RosterTables entries={roster.entries} asOf={roster.asOf} sectorHeading="h3" />
    </Box>
  );
}
