/**
 * /organizations: the member organisations, searched by any of their names (the API searches
 * name and other names, ignoring case and diacritics: "LO Horsens Hedensted" finds
 * "LO Horsens-Hedensted"), filtered by sector, sorted, a page at a time with the total shown.
 * Search, sector, sort and page live in the URL.
 */
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { ListPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { SearchField } from '../../../components/search-field';
import { visuallyHidden } from '../../../components/visually-hidden';
import { SECTORS, type Sector } from '../../../domain/schemas';
import { organizationQueries } from '../../../lib/resources';
import { organizationsPage } from '../organizations-view';
import { CreateOrganizationDialog } from './organization-form-dialog';
import { OrganizationsTable } from './organizations-table';
import { useCan } from '../../../lib/session';

const route = getRouteApi('/organizations');

export function OrganizationsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const canWrite = useCan('roster:write');
  const q = search.q ?? '';
  const matches = useQuery(organizationQueries.list({ q: q || undefined }));
  const page = matches.data && organizationsPage(matches.data, search);
  const filtered = Boolean(q || search.sector);

  const onSearch = useCallback(
    (next: string) => void navigate({ search: (prev) => ({ ...prev, q: next || undefined, page: undefined }) }),
    [navigate],
  );
  const clearFilters = () => void navigate({ search: (prev) => ({ ...prev, q: undefined, sector: undefined, page: undefined }) });

  return (
    <Stack spacing={3}>
      <PageHeader
        title={t('organizations.title')}
        subtitle={t('organizations.subtitle')}
        actions={
          canWrite && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('organizations.new')}
            </Button>
          )
        }
      />

      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'flex-start' } }}>
        <SearchField
          value={q}
          onCommit={onSearch}
          label={t('organizations.search.label')}
          helperText={t('organizations.search.help')}
          sx={{ flex: { sm: '1 1 320px' }, maxWidth: { sm: 480 } }}
        />
        <TextField
          select
          size="small"
          label={t('organizations.sectorFilter')}
          value={search.sector ?? ''}
          onChange={(e) =>
            void navigate({
              search: (prev) => ({ ...prev, sector: (e.target.value || undefined) as Sector | undefined, page: undefined }),
            })
          }
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 240 }}
        >
          <MenuItem value="">{t('organizations.allSectors')}</MenuItem>
          {SECTORS.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`sector.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>

      {matches.isPending ? (
        <LoadingTable />
      ) : matches.isError && !page ? (
        <ErrorState title={t('organizations.loadError')} error={matches.error} onRetry={() => void matches.refetch()} />
      ) : page ? (
        <Box aria-busy={matches.isFetching}>
          <Stack spacing={1.5}>
            {matches.isError && (
              <ErrorState title={t('organizations.loadError')} error={matches.error} onRetry={() => void matches.refetch()} />
            )}
            <Typography role="status" sx={{ fontWeight: 500 }}>
              {filtered
                ? t('organizations.countMatching', { count: page.total })
                : t('organizations.count', { count: page.total })}
            </Typography>
            {page.total === 0 ? (
              <Alert
                severity="info"
                action={
                  filtered ? (
                    <Button color="inherit" size="small" onClick={clearFilters}>
                      {t('organizations.clearFilters')}
                    </Button>
                  ) : undefined
                }
              >
                {filtered ? t('organizations.noMatch') : t('organizations.empty')}
              </Alert>
            ) : page.rows.length === 0 ? (
              <Alert
                severity="info"
                action={
                  <Button color="inherit" size="small" onClick={() => void navigate({ search: (prev) => ({ ...prev, page: undefined }) })}>
                    {t('organizations.firstPage')}
                  </Button>
                }
              >
                {t('organizations.pastLastPage')}
              </Alert>
            ) : (
              <Paper variant="outlined">
                <OrganizationsTable
                  rows={page.rows}
                  sort={search.sort ?? 'name'}
                  onSort={(next) =>
                    void navigate({ search: (prev) => ({ ...prev, sort: next === 'name' ? undefined : next, page: undefined }) })
                  }
                />
                <ListPagination
                  total={page.total}
                  page={search.page}
                  size={search.size}
                  sizeLabel={t('organizations.pageSize')}
                  onChange={(next) => void navigate({ search: (prev) => ({ ...prev, ...next }) })}
                />
              </Paper>
            )}
          </Stack>
        </Box>
      ) : null}

      {creating && <CreateOrganizationDialog onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function LoadingTable() {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} role="status" aria-live="polite">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={40} />
      ))}
    </Stack>
  );
}
