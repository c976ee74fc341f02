/**
 * "Sektorbalance": the held and vacant seats of a body per sector on one date, and the same
 * for every term (each on its last day, or today while it runs). Each chart has a table with
 * the same numbers beside it, so nothing is only in the picture.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { visuallyHidden } from '../../../components/visually-hidden';
import { sectorBalance, type Balance } from '../../../domain/balance';
import type { IsoDate } from '../../../domain/dates';
import { SECTORS, type Body, type Term } from '../../../domain/schemas';
import { bodyRosterQuery } from '../../../lib/body-roster';
import { formatDate } from '../../../lib/format';
import { HELD_COLOR, SECTOR_COLORS, VACANT_COLOR } from '../sector-colors';
import { BalanceChart } from './balance-chart';

/** The chart beside its table on a laptop, above it on a phone. */
function ChartAndTable({ chart, table, stacked }: { chart: ReactNode; table: ReactNode; stacked?: boolean }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: stacked ? 'minmax(0, 1fr)' : 'minmax(0, 3fr) minmax(0, 2fr)' },
        gap: 3,
        alignItems: 'start',
      }}
    >
      <Paper variant="outlined" sx={{ p: { xs: 1, sm: 2 }, minWidth: 0 }}>
        {chart}
      </Paper>
      {table}
    </Box>
  );
}

function Loading({ height = 280 }: { height?: number }) {
  const { t } = useTranslation();
  return (
    <Box role="status">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      <Skeleton variant="rounded" height={height} />
    </Box>
  );
}

/** The balance of `body` on `asOf` (in `term`): a stacked bar per sector, held and vacant. */
export function SectorBalanceOnDate({ body, term, asOf }: { body: Body; term: Term | undefined; asOf: IsoDate }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const date = formatDate(asOf, i18n.language);
  const roster = useQuery({ ...bodyRosterQuery({ bodyId: body.id, asOf }), enabled: term !== undefined });

  let content: ReactNode;
  if (!term) {
    content = <Alert severity="info">{t('insights.balance.noTerm', { date, body: body.name })}</Alert>;
  } else if (roster.isPending) {
    content = <Loading />;
  } else if (roster.isError) {
    content = <ErrorState title={t('insights.balance.loadError')} error={roster.error} onRetry={() => void roster.refetch()} />;
  } else if (roster.data.entries.length === 0) {
    content = <Alert severity="info">{t('insights.balance.noSeats', { body: body.name, term: term.label })}</Alert>;
  } else {
    const balance = sectorBalance(roster.data.entries);
    const categories = balance.rows.map((r) => t(`sector.${r.sector}`));
    content = (
      <>
        <Typography sx={{ fontWeight: 500, mb: 2 }}>
          {t('insights.balance.summary', { seats: balance.held + balance.vacant, held: balance.held, count: balance.vacant })}
        </Typography>
        <ChartAndTable
          chart={
            <BalanceChart
              horizontal
              label={t('insights.balance.chartLabel', { body: body.name, date })}
              categories={categories}
              series={[
                { key: 'held', label: t('insights.balance.held'), color: HELD_COLOR, data: balance.rows.map((r) => r.held), stack: 'seats' },
                { key: 'vacant', label: t('insights.balance.vacant'), color: VACANT_COLOR, data: balance.rows.map((r) => r.vacant), stack: 'seats' },
              ]}
            />
          }
          table={<BalanceTable balance={balance} caption={t('insights.balance.tableCaption', { body: body.name, date })} />}
        />
      </>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h2" id={headingId} sx={{ mb: 1.5 }}>
        {t('insights.balance.heading', { date })}
      </Typography>
      {content}
    </Box>
  );
}

/** Sectors down, held / vacant / total across, with a total row. */
function BalanceTable({ balance, caption }: { balance: Balance; caption: string }) {
  const { t } = useTranslation();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '12px 16px 4px' }}>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell>{t('insights.balance.sector')}</TableCell>
            <TableCell align="right">{t('insights.balance.held')}</TableCell>
            <TableCell align="right">{t('insights.balance.vacant')}</TableCell>
            <TableCell align="right">{t('insights.balance.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {balance.rows.map((r) => (
            <TableRow key={r.sector}>
              <TableCell component="th" scope="row">
                {t(`sector.${r.sector}`)}
              </TableCell>
              <TableCell align="right">{r.held}</TableCell>
              <TableCell align="right">{r.vacant}</TableCell>
              <TableCell align="right">{r.held + r.vacant}</TableCell>
            </TableRow>
          ))}
          <TableRow sx={{ '& > *': { fontWeight: 600 } }}>
            <TableCell component="th" scope="row">
              {t('insights.balance.total')}
            </TableCell>
            <TableCell align="right">{balance.held}</TableCell>
            <TableCell align="right">{balance.vacant}</TableCell>
            <TableCell align="right">{balance.held + balance.vacant}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The date a term's balance is taken on: today while it runs, its first day before, its last day after. */
export function termBalanceDate(term: Term, today: IsoDate): IsoDate {
  if (today < term.startDate) return term.startDate;
  if (today > term.endDate) return term.endDate;
  return today;
}

/** The balance of `body` in every term: one group of bars per term (held per sector, and vacant). */
export function SectorBalanceAcrossTerms({ body, terms, today }: { body: Body; terms: readonly Term[]; today: IsoDate }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const ordered = [...terms].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const rosters = useQueries({
    queries: ordered.map((term) => bodyRosterQuery({ bodyId: body.id, asOf: termBalanceDate(term, today) })),
  });
  const failed = rosters.find((r) => r.isError);

  let content: ReactNode;
  if (ordered.length === 0) {
    content = <Alert severity="info">{t('insights.noTerms')}</Alert>;
  } else if (failed) {
    content = (
      <ErrorState
        title={t('insights.balance.loadError')}
        error={failed.error}
        onRetry={() => rosters.filter((r) => r.isError).forEach((r) => void r.refetch())}
      />
    );
  } else if (rosters.some((r) => !r.data)) {
    content = <Loading />;
  } else {
    const balances = rosters.map((r) => sectorBalance(r.data?.entries ?? []));
    const categories = ordered.map((term) => term.label);
    const held = (sector: (typeof SECTORS)[number]) =>
      balances.map((b) => b.rows.find((r) => r.sector === sector)?.held ?? 0);
    content = (
      <ChartAndTable
        stacked
        chart={
          <BalanceChart
            height={240}
            label={t('insights.acrossTerms.chartLabel', { body: body.name })}
            categories={categories}
            series={[
              ...SECTORS.map((sector) => ({
                key: sector,
                label: t(`sector.${sector}`),
                color: SECTOR_COLORS[sector],
                data: held(sector),
              })),
              { key: 'vacant', label: t('insights.balance.vacant'), color: VACANT_COLOR, data: balances.map((b) => b.vacant) },
            ]}
          />
        }
        table={
          <TableContainer
            component={Paper}
            variant="outlined"
            role="region"
            aria-label={t('insights.acrossTerms.tableCaption', { body: body.name })}
            tabIndex={0}
            sx={{ '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 } }}
          >
            <Table size="small">
              <caption style={{ captionSide: 'top', textAlign: 'left', padding: '12px 16px 4px' }}>
                {t('insights.acrossTerms.tableCaption', { body: body.name })}
              </caption>
              <TableHead>
                <TableRow>
                  <TableCell>{t('insights.acrossTerms.term')}</TableCell>
                  {SECTORS.map((sector) => (
                    <TableCell key={sector} align="right">
                      {t(`sector.${sector}`)}
                    </TableCell>
                  ))}
                  <TableCell align="right">{t('insights.balance.vacant')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {ordered.map((term, i) => (
                  <TableRow key={term.id}>
                    <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                      {term.label}
                      <Typography component="span" variant="body2" color="textSecondary" sx={{ display: 'block' }}>
                        {t('insights.acrossTerms.asOf', { date: formatDate(termBalanceDate(term, today), i18n.language) })}
                      </Typography>
                    </TableCell>
                    {SECTORS.map((sector) => (
                      <TableCell key={sector} align="right">
                        {held(sector)[i]}
                      </TableCell>
                    ))}
                    <TableCell align="right">{balances[i]?.vacant}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        }
      />
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h2" id={headingId} sx={{ mb: 0.5 }}>
        {t('insights.acrossTerms.heading')}
      </Typography>
      <Typography color="textSecondary" sx={{ mb: 2 }}>
        {t('insights.acrossTerms.intro')}
      </Typography>
      {content}
    </Box>
  );
}
