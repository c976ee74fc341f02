/**
 * /bodies: the council and its fora as a tree (the council first, its fora indented under
 * it), with kind, the body each is part of, and the start of its purpose. A body's name opens
 * its page (purpose, seats and members on a date).
 */
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
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
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { bodiesInTreeOrder } from '../../../domain/body-tree';
import type { Body } from '../../../domain/schemas';
import { bodyQueries } from '../../../lib/resources';
import { CreateBodyDialog } from './body-form-dialog';
import { useCan } from '../../../lib/session';

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;

export function BodiesPage() {
  const { t } = useTranslation();
  const bodies = useQuery(bodyQueries.list());
  const [creating, setCreating] = useState(false);
  const canWrite = useCan('roster:write');
  return (
    <Stack spacing={3}>
      <PageHeader
        title={t('bodies.title')}
        subtitle={t('bodies.subtitle')}
        actions={
          canWrite && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('bodies.create.action')}
            </Button>
          )
        }
      />
      {bodies.isPending ? (
        <Stack spacing={1} role="status" aria-live="polite">
          <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} variant="rounded" height={44} />
          ))}
        </Stack>
      ) : bodies.isError ? (
        <ErrorState title={t('bodies.loadError')} error={bodies.error} onRetry={() => void bodies.refetch()} />
      ) : bodies.data.length === 0 ? (
        <Alert severity="info" role="status">{t('bodies.empty')}</Alert>
      ) : (
        <BodiesTable bodies={bodies.data} />
      )}
      {creating && <CreateBodyDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}

/** The first line of a purpose, for a glance; the body's page shows it whole. */
const excerpt = (purpose: string) => purpose.split('\n').find((l) => l.trim())?.trim() ?? '';

function BodiesTable({ bodies }: { bodies: Body[] }) {
  const { t } = useTranslation();
  const tree = bodiesInTreeOrder(bodies);
  const nameOf = new Map(bodies.map((b) => [b.id, b.name]));
  return (
    <Stack spacing={1}>
      <Typography role="status" sx={{ fontWeight: 500 }}>
        {t('bodies.count', { count: bodies.length })}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('bodies.title')} sx={{ tableLayout: { md: 'fixed' } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: { md: '28%' } }}>{t('bodies.columns.name')}</TableCell>
              <TableCell sx={{ ...hideOnPhone, width: '10%' }}>{t('bodies.columns.kind')}</TableCell>
              <TableCell sx={{ ...hideOnPhone, width: '20%' }}>{t('bodies.columns.parent')}</TableCell>
              <TableCell sx={hideOnPhone}>{t('bodies.columns.purpose')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tree.map(({ body, depth }) => {
              const purpose = excerpt(body.purpose);
              const parent = body.parentId ? nameOf.get(body.parentId) : undefined;
              return (
                <TableRow key={body.id}>
                  <TableCell component="th" scope="row" sx={{ pl: { xs: 2 + depth * 2, md: 2 + depth * 3 } }}>
                    <AppLink href={recordHref('body', body.id) ?? '/bodies'} sx={{ fontWeight: depth === 0 ? 700 : 600 }}>
                      {body.name}
                    </AppLink>
                    {/* On a phone, kind and purpose go under the name. */}
                    <Box sx={{ display: { xs: 'block', md: 'none' }, color: 'text.secondary', typography: 'body2' }}>
                      {t(`bodies.kind.${body.kind}`)}
                      {parent && ` · ${parent}`}
                      {purpose && <Box component="span" sx={clamp}>{purpose}</Box>}
                    </Box>
                  </TableCell>
                  <TableCell sx={hideOnPhone}>{t(`bodies.kind.${body.kind}`)}</TableCell>
                  <TableCell sx={hideOnPhone}>
                    {body.parentId && parent ? (
                      <AppLink href={recordHref('body', body.parentId) ?? '/bodies'}>{parent}</AppLink>
                    ) : (
                      t('bodies.noParent')
                    )}
                  </TableCell>
                  <TableCell sx={{ ...hideOnPhone, color: purpose ? 'text.primary' : 'text.secondary' }}>
                    <Box sx={clamp}>{purpose || t('bodies.noPurpose')}</Box>
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

/** Two lines at most, ending in "…". */
const clamp = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
} as const;
