/** The seats an organisation nominates the holder of (GET /api/seats?nominatingOrganizationId=), per term, newest term first. */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { AppLink, RecordLink, recordHref } from '../../../components/record-link';
import type { Body, Seat, Term } from '../../../domain/schemas';
import { compareDanish } from '../../../domain/text';
import { formatSpan } from '../../../lib/format';
import { bodyQueries, seatQueries, termQueries } from '../../../lib/resources';

export function NominatedSeats({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const seats = useQuery(seatQueries.list({ nominatingOrganizationId: organizationId }));
  const terms = useQuery(termQueries.list());
  const bodies = useQuery(bodyQueries.list());
  const error = seats.error ?? terms.error ?? bodies.error;

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1, mb: 1.5 }}>
        <Typography variant="h2" id={headingId}>
          {t('organizations.seats.heading')}
        </Typography>
        {seats.data && (
          <Typography variant="body2" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
            {t('organizations.seats.count', { count: seats.data.length })}
          </Typography>
        )}
      </Stack>
      {error ? (
        <ErrorState
          title={t('organizations.seats.loadError')}
          error={error}
          onRetry={() => {
            void seats.refetch();
            void terms.refetch();
            void bodies.refetch();
          }}
        />
      ) : !seats.data || !terms.data || !bodies.data ? (
        <Skeleton variant="rounded" height={120} />
      ) : seats.data.length === 0 ? (
        <Typography color="textSecondary">{t('organizations.seats.empty')}</Typography>
      ) : (
        <Stack spacing={2.5}>
          {byTerm(seats.data, terms.data).map(([term, list]) => (
            <TermSeats key={term?.id ?? 'none'} term={term} seats={list} bodies={bodies.data} />
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** Seats grouped by term, newest term first. */
function byTerm(seats: readonly Seat[], terms: readonly Term[]): [Term | undefined, Seat[]][] {
  const groups = new Map<string, Seat[]>();
  for (const s of seats) groups.set(s.termId, [...(groups.get(s.termId) ?? []), s]);
  const termById = new Map(terms.map((term) => [term.id, term]));
  return [...groups]
    .map(([termId, list]) => [termById.get(termId), list] as [Term | undefined, Seat[]])
    .sort(([a], [b]) => (b?.startDate ?? '').localeCompare(a?.startDate ?? ''));
}

function TermSeats({ term, seats: termSeats, bodies }: { term: Term | undefined; seats: Seat[]; bodies: readonly Body[] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const bodyById = new Map(bodies.map((b) => [b.id, b]));
  // The council before its fora, then by name; seats by label within a body.
  const rank = (s: Seat) => {
    const body = bodyById.get(s.bodyId);
    return `${body?.kind === 'council' ? 0 : 1}${body?.name ?? ''}`;
  };
  const sorted = termSeats.toSorted((a, b) => compareDanish(rank(a), rank(b)) || compareDanish(a.label, b.label));
  return (
    <Box>
      <Typography component="h3" variant="subtitle1" id={headingId} sx={{ fontWeight: 600, mb: 1 }}>
        {term ? (
          <>
            <AppLink href={recordHref('term', term.id) ?? ''} underline="always">
              {t('organizations.seats.term', { term: term.label })}
            </AppLink>
            <Typography component="span" variant="body2" color="textSecondary">
              {` · ${formatSpan(term.startDate, term.endDate, i18n.language)}`}
            </Typography>
          </>
        ) : (
          t('common.loading')
        )}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-labelledby={headingId}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '50%' }}>{t('organizations.seats.columns.seat')}</TableCell>
              <TableCell>{t('organizations.seats.columns.body')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((seat) => {
              const body = bodyById.get(seat.bodyId);
              return (
                <TableRow key={seat.id}>
                  <TableCell component="th" scope="row">
                    <AppLink href={recordHref('seat', seat.id) ?? ''}>{seat.label}</AppLink>
                  </TableCell>
                  <TableCell>
                    {body ? (
                      <RecordLink entity="body" id={body.id}>
                        {body.name}
                      </RecordLink>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
