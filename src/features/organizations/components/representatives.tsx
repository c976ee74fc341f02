/**
 * Everyone who has represented the organisation, over time, newest first: the memberships on
 * its behalf (GET /api/memberships?organizationId=) and, on the seats it nominates, those
 * that name no organisation (they count for the seat's nominator, as on the roster). Each row
 * is one segment: person, seat, title, role, dates; those active today are marked in words.
 */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
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
import { useQueries, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { AppLink, recordHref } from '../../../components/record-link';
import { todayIso } from '../../../domain/dates';
import { effectiveSpan, isActiveOn } from '../../../domain/rules';
import type { Membership, Person, Seat } from '../../../domain/schemas';
import { compareDanish } from '../../../domain/text';
import { formatSpan } from '../../../lib/format';
import { membershipQueries, personQueries, seatQueries, termQueries } from '../../../lib/resources';

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;

const toMap = <T extends { id: string }>(results: { data?: T }[]) =>
  new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : [])));

export function Representatives({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const onBehalf = useQuery(membershipQueries.list({ organizationId }));
  const nominated = useQuery(seatQueries.list({ nominatingOrganizationId: organizationId }));
  const onNominatedSeats = useQueries({
    queries: (nominated.data ?? []).map((s) => membershipQueries.list({ seatId: s.id })),
    combine: (results) => ({
      rows: results.flatMap((r) => r.data ?? []).filter((m) => m.organizationId === null),
      pending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
  const terms = useQuery(termQueries.list());

  const memberships = onBehalf.data && nominated.data && !onNominatedSeats.pending ? [...onBehalf.data, ...onNominatedSeats.rows] : undefined;
  const nominatedById = new Map((nominated.data ?? []).map((s) => [s.id, s]));
  const otherSeatIds = [...new Set((memberships ?? []).map((m) => m.seatId))].filter((id) => !nominatedById.has(id));
  const otherSeats = useQueries({ queries: otherSeatIds.map((id) => seatQueries.detail(id)), combine: toMap<Seat> });
  const personIds = [...new Set((memberships ?? []).map((m) => m.personId))];
  const people = useQueries({ queries: personIds.map((id) => personQueries.detail(id)), combine: toMap<Person> });
  const seatOf = (id: string) => nominatedById.get(id) ?? otherSeats.get(id);
  const termEnd = new Map((terms.data ?? []).map((term) => [term.id, term.endDate]));
  const today = todayIso();
  const isCurrent = (m: Membership) => {
    const seat = seatOf(m.seatId);
    return seat !== undefined && termEnd.has(seat.termId) && isActiveOn(effectiveSpan(m, termEnd.get(seat.termId)), today);
  };
  const name = (m: Membership) => people.get(m.personId)?.name ?? '';
  const rows = [...(memberships ?? [])].sort(
    (a, b) => b.startDate.localeCompare(a.startDate) || compareDanish(name(a), name(b)),
  );
  const error = onBehalf.error ?? nominated.error ?? onNominatedSeats.error ?? terms.error;

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1, mb: 1.5 }}>
        <Typography variant="h2" id={headingId}>
          {t('organizations.representatives.heading')}
        </Typography>
        {memberships && (
          <Typography variant="body2" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
            {t('organizations.representatives.count', { count: personIds.length })}
          </Typography>
        )}
      </Stack>
      {error ? (
        <ErrorState
          title={t('organizations.representatives.loadError')}
          error={error}
          onRetry={() => {
            void onBehalf.refetch();
            void nominated.refetch();
            onNominatedSeats.refetch();
            void terms.refetch();
          }}
        />
      ) : !memberships ? (
        <Skeleton variant="rounded" height={160} />
      ) : rows.length === 0 ? (
        <Typography color="textSecondary">{t('organizations.representatives.empty')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-labelledby={headingId}>
            <TableHead>
              <TableRow>
                <TableCell>{t('organizations.representatives.columns.person')}</TableCell>
                <TableCell sx={hideOnPhone}>{t('organizations.representatives.columns.seat')}</TableCell>
                <TableCell sx={hideOnPhone}>{t('organizations.representatives.columns.title')}</TableCell>
                <TableCell sx={hideOnPhone}>{t('organizations.representatives.columns.period')}</TableCell>
                <TableCell>{t('organizations.representatives.columns.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((m) => (
                <Row key={m.id} membership={m} person={people.get(m.personId)} seat={seatOf(m.seatId)} current={isCurrent(m)} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}

function Row({
  membership: m,
  person,
  seat,
  current,
}: {
  membership: Membership;
  person: Person | undefined;
  seat: Seat | undefined;
  current: boolean;
}) {
  const { t, i18n } = useTranslation();
  const roleAndTitle = [m.role !== 'member' ? t(`role.${m.role}`) : '', m.title].filter(Boolean).join(', ');
  const span = formatSpan(m.startDate, m.endDate, i18n.language);
  const seatLink = (
    <AppLink href={recordHref('seat', m.seatId) ?? ''} underline="always">
      {seat?.label ?? t('common.loading')}
    </AppLink>
  );
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ verticalAlign: 'top' }}>
        <AppLink href={recordHref('person', m.personId) ?? ''} sx={{ fontWeight: 600 }}>
          {person?.name ?? t('common.loading')}
        </AppLink>
        {/* On a phone, the other columns go under the name. */}
        <Typography component="span" variant="body2" color="textSecondary" sx={{ display: { xs: 'block', md: 'none' } }}>
          {roleAndTitle && (
            <>
              {roleAndTitle}
              <br />
            </>
          )}
          {seatLink}
          <br />
          {span}
        </Typography>
      </TableCell>
      <TableCell sx={{ ...hideOnPhone, verticalAlign: 'top' }}>{seatLink}</TableCell>
      <TableCell sx={{ ...hideOnPhone, verticalAlign: 'top' }}>{roleAndTitle}</TableCell>
      <TableCell sx={{ ...hideOnPhone, verticalAlign: 'top' }}>{span}</TableCell>
      <TableCell sx={{ verticalAlign: 'top' }}>
        {current ? (
          <Chip size="small" color="primary" label={t('organizations.representatives.current')} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            {t('organizations.representatives.former')}
          </Typography>
        )}
      </TableCell>
    </TableRow>
  );
}
