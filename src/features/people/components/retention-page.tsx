/**
 * /people/retention: people who have not held a seat for the retention period (default 5
 * years, set on the server) or never did, and are not nominated for a coming term: the
 * secretariat reviews each one and anonymises them on their page when their data is no longer
 * needed (GDPR storage limitation). Nothing is deleted automatically.
 */
import Alert from '@mui/material/Alert';
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
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { IsoDateSchema } from '../../../domain/dates';
import { PersonSchema } from '../../../domain/schemas';
import { apiFetch } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useCan } from '../../../lib/session';

const RetentionSchema = z.object({
  years: z.number(),
  cutoff: IsoDateSchema,
  people: z.array(z.object({ person: PersonSchema, lastDay: IsoDateSchema.nullable() })),
});

export const retentionQuery = {
  queryKey: ['people', 'retention'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch(RetentionSchema, '/api/people/retention', { signal }),
};

export function RetentionPage() {
  const { t, i18n } = useTranslation();
  const allowed = useCan('privacy:read');
  const review = useQuery({ ...retentionQuery, enabled: allowed });
  return (
    <Stack spacing={3}>
      <PageHeader back={<AppLink href="/people">{t('people.detail.back')}</AppLink>} title={t('people.retention.title')} />
      {!allowed && <Alert severity="warning">{t('problem.forbidden')}</Alert>}
      {allowed && review.isPending && (
        <Stack spacing={1} role="status" aria-live="polite">
          <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
          <Skeleton variant="rounded" height={160} />
        </Stack>
      )}
      {review.isError && (
        <ErrorState title={t('people.retention.loadError')} error={review.error} onRetry={() => void review.refetch()} />
      )}
      {review.data && (
        <>
          <Typography sx={{ maxWidth: '70ch' }}>
            {t('people.retention.intro', { years: review.data.years, date: formatDate(review.data.cutoff, i18n.language) })}
          </Typography>
          {review.data.people.length === 0 ? (
            <Paper variant="outlined" sx={{ p: 3 }}>
              <Typography>{t('people.retention.empty')}</Typography>
            </Paper>
          ) : (
            <TableContainer component={Paper} variant="outlined">
              <Table>
                <Box component="caption" sx={visuallyHidden}>
                  {t('people.retention.caption', { count: review.data.people.length })}
                </Box>
                <TableHead>
                  <TableRow>
                    <TableCell component="th" scope="col">
                      {t('people.fields.name')}
                    </TableCell>
                    <TableCell component="th" scope="col">
                      {t('people.retention.lastDay')}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {review.data.people.map(({ person, lastDay }) => (
                    <TableRow key={person.id}>
                      <TableCell component="th" scope="row">
                        <AppLink href={recordHref('person', person.id) ?? '/people'}>{person.name}</AppLink>
                      </TableCell>
                      <TableCell>{lastDay ? formatDate(lastDay, i18n.language) : t('people.retention.never')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </>
      )}
    </Stack>
  );
}
