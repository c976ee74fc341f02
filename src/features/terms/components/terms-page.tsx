/**
 * /terms: every term, newest first, with its dates, its status (derived from the dates and
 * today) and how many seats it has; "Opret periode" opens the form. A term's own page edits
 * and deletes it and holds its seats.
 */
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { todayIso } from '../../../domain/dates';
import type { Term } from '../../../domain/schemas';
import { formatSpan } from '../../../lib/format';
import { seatQueries, termQueries } from '../../../lib/resources';
import { CreateTermDialog } from './term-form-dialog';
import { TermStatusChip } from './term-status-chip';
import { useCan } from '../../../lib/session';

const hideOnPhone = { display: { xs: 'none', sm: 'table-cell' } } as const;

export function TermsPage() {
  const { t } = useTranslation();
  const terms = useQuery(termQueries.list({ sort: '-startDate' }));
  const [creating, setCreating] = useState(false);
  const canWrite = useCan('roster:write');

  return (
    <Stack spacing={3}>
      <PageHeader
        title={t('terms.title')}
        subtitle={t('terms.subtitle')}
        actions={
          canWrite && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('terms.create.action')}
            </Button>
          )
        }
      />
      {terms.isPending ? (
        <LoadingTable />
      ) : terms.isError ? (
        <ErrorState title={t('terms.loadError')} error={terms.error} onRetry={() => void terms.refetch()} />
      ) : terms.data.length === 0 ? (
        <Alert severity="info" role="status">{t('terms.empty')}</Alert>
      ) : (
        <TermsTable terms={terms.data} />
      )}
      {creating && <CreateTermDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function TermsTable({ terms }: { terms: Term[] }) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  // How many seats each term has: the total of a one-row page (X-Total-Count), one request per term.
  const seatCounts = useQueries({
    queries: terms.map((term) => seatQueries.page({ termId: term.id, limit: 1, offset: 0 })),
  });
  return (
    <Stack spacing={1}>
      <Typography role="status" sx={{ fontWeight: 500 }}>
        {t('terms.count', { count: terms.length })}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('terms.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('terms.columns.label')}</TableCell>
              <TableCell sx={hideOnPhone}>{t('terms.columns.dates')}</TableCell>
              <TableCell>{t('terms.columns.status')}</TableCell>
              <TableCell align="right">{t('terms.columns.seats')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {terms.map((term, i) => {
              const count = seatCounts[i];
              const span = formatSpan(term.startDate, term.endDate, i18n.language);
              return (
                <TableRow key={term.id}>
                  <TableCell component="th" scope="row">
                    <AppLink href={recordHref('term', term.id) ?? '/terms'} sx={{ fontWeight: 600 }}>
                      {term.label}
                    </AppLink>
                    <Typography component="span" variant="body2" sx={{ display: { xs: 'block', sm: 'none' }, color: 'text.secondary' }}>
                      {span}
                    </Typography>
                  </TableCell>
                  <TableCell sx={hideOnPhone}>{span}</TableCell>
                  <TableCell>
                    <TermStatusChip term={term} today={today} />
                  </TableCell>
                  <TableCell align="right">
                    {count?.data ? (
                      count.data.total
                    ) : count?.isError ? (
                      '–'
                    ) : (
                      <Skeleton width={24} sx={{ display: 'inline-block' }} />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}

function LoadingTable() {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} role="status" aria-live="polite">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={36} />
      ))}
    </Stack>
  );
}
