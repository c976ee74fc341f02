/**
 * /people: everyone in the register, searched by name (the API ignores case and diacritics,
 * so "sorensen" finds "Sørensen"), sorted, a page at a time with the total shown. Each row
 * shows the seats the person holds today. Search, sort and page live in the URL.
 */
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreloadRouteCode } from '../../../lib/preload-route';
import { ErrorState } from '../../../components/error-state';
import { ListPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { SearchField } from '../../../components/search-field';
import { visuallyHidden } from '../../../components/visually-hidden';
import { LinkButton } from '../../../components/record-link';
import { todayIso } from '../../../domain/dates';
import { pageWindow } from '../../../lib/list-search';
import { bodyQueries, membershipQueries, personQueries, seatQueries } from '../../../lib/resources';
import { currentSeatsByPerson } from '../current-seats';
import { PeopleTable } from './people-table';
import { CreatePersonDialog } from './person-form-dialog';
import { useCan } from '../../../lib/session';

const route = getRouteApi('/people');

export function PeoplePage() {
  // Most visits to the list end on a person's page: have its code ready.
  usePreloadRouteCode('/people/$personId');
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);
  const canWrite = useCan('roster:write');
  const canSeePrivacy = useCan('privacy:read');
  const q = search.q ?? '';
  const sort = search.sort ?? 'name';
  const people = useQuery(personQueries.page({ q, sort, ...pageWindow(search.page, search.size) }));

  // Who sits where today: one request for every membership active today, joined here.
  const today = todayIso();
  const active = useQuery(membershipQueries.list({ asOf: today }));
  const seats = useQuery(seatQueries.list());
  const bodies = useQuery(bodyQueries.list());
  const current =
    active.data && seats.data && bodies.data ? currentSeatsByPerson(active.data, seats.data, bodies.data) : undefined;
  const currentError = active.error ?? seats.error ?? bodies.error;

  const onSearch = useCallback(
    (next: string) => void navigate({ search: (prev) => ({ ...prev, q: next || undefined, page: undefined }) }),
    [navigate],
  );

  return (
    <Stack spacing={3}>
      <PageHeader
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        actions={
          <>
            {canSeePrivacy && (
              <LinkButton variant="outlined" href="/people/retention">
                {t('people.retention.link')}
              </LinkButton>
            )}
            {canWrite && (
              <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setCreating(true)}>
                {t('people.new')}
              </Button>
            )}
          </>
        }
      />

      <SearchField value={q} onCommit={onSearch} label={t('people.search.label')} helperText={t('people.search.help')} />

      {people.isPending ? (
        <LoadingTable />
      ) : people.isError && !people.data ? (
        <ErrorState title={t('people.loadError')} error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Box aria-busy={people.isFetching} sx={{ opacity: people.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
          <Stack spacing={1.5}>
            {people.isError && (
              <ErrorState title={t('people.loadError')} error={people.error} onRetry={() => void people.refetch()} />
            )}
            {currentError && (
              <ErrorState
                title={t('people.currentError')}
                error={currentError}
                onRetry={() => {
                  void active.refetch();
                  void seats.refetch();
                  void bodies.refetch();
                }}
              />
            )}
            <Typography role="status" sx={{ fontWeight: 500 }}>
              {q ? t('people.countMatching', { count: people.data.total, q }) : t('people.count', { count: people.data.total })}
            </Typography>
            {people.data.total === 0 ? (
              <Alert
                severity="info"
                action={
                  q ? (
                    <Button color="inherit" size="small" onClick={() => onSearch('')}>
                      {t('people.clearSearch')}
                    </Button>
                  ) : undefined
                }
              >
                {q ? t('people.noMatch', { q }) : t('people.empty')}
              </Alert>
            ) : people.data.rows.length === 0 ? (
              <Alert
                severity="info"
                action={
                  <Button color="inherit" size="small" onClick={() => void navigate({ search: (prev) => ({ ...prev, page: undefined }) })}>
                    {t('people.firstPage')}
                  </Button>
                }
              >
                {t('people.pastLastPage')}
              </Alert>
            ) : (
              <Paper variant="outlined">
                <PeopleTable
                  rows={people.data.rows}
                  current={current}
                  sort={sort}
                  onSort={(next) =>
                    void navigate({ search: (prev) => ({ ...prev, sort: next === 'name' ? undefined : next, page: undefined }) })
                  }
                />
                <ListPagination
                  total={people.data.total}
                  page={search.page}
                  size={search.size}
                  sizeLabel={t('people.pageSize')}
                  onChange={(next) => void navigate({ search: (prev) => ({ ...prev, ...next }) })}
                />
              </Paper>
            )}
          </Stack>
        </Box>
      )}

      {creating && <CreatePersonDialog onClose={() => setCreating(false)} />}
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
