/**
 * /bodies/$bodyId: the page of the council or a forum: its purpose, the body it is part of,
 * and its seats and members in a term on a date (both in the URL: the date defaults to today,
 * the term to the one covering the date), from GET /api/roster. "Who sat on Jobtaskforce on
 * 1 June 2019?" is: Råd og fora, Jobtaskforce, pick the date.
 *
 * Adding a seat uses the seat form of the terms feature, passed in by src/app (a feature does
 * not import another), as `renderAddSeat`.
 */
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import TimelineIcon from '@mui/icons-material/ViewTimelineOutlined';
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
import { Fragment, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Facts } from '../../../components/facts';
import { PageHeader } from '../../../components/page-header';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { termView } from '../../../domain/as-of';
import { todayIso } from '../../../domain/dates';
import type { Body, Term } from '../../../domain/schemas';
import { compareDanish } from '../../../domain/text';
import { withQuery } from '../../../lib/api-client';
import { bodyRosterQuery } from '../../../lib/body-roster';
import { formatDate } from '../../../lib/format';
import { bodyQueries, termQueries } from '../../../lib/resources';
import { BodyRosterTable } from './body-roster-table';
import { DeleteBodyDialog } from './delete-body-dialog';
import { EditBodyDialog } from './body-form-dialog';
import { useCan } from '../../../lib/session';

const route = getRouteApi('/bodies/$bodyId');

/** Renders the dialog that adds a seat to `body` in `term` (composed in src/app). */
export type RenderAddSeat = (args: { body: Body; term: Term; onClose: () => void }) => ReactNode;

export function BodyPage({ renderAddSeat }: { renderAddSeat?: RenderAddSeat }) {
  const { t } = useTranslation();
  const { bodyId } = route.useParams();
  const body = useQuery(bodyQueries.detail(bodyId));
  if (body.isPending) return <LoadingBody />;
  if (body.isError) {
    return (
      <Stack spacing={2}>
        <AppLink href="/bodies">{t('bodies.detail.back')}</AppLink>
        <Typography variant="h1">{t('bodies.title')}</Typography>
        <ErrorState title={t('bodies.detail.loadError')} error={body.error} onRetry={() => void body.refetch()} />
      </Stack>
    );
  }
  return <BodyView body={body.data} renderAddSeat={renderAddSeat} />;
}

function BodyView({ body, renderAddSeat }: { body: Body; renderAddSeat?: RenderAddSeat }) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyQueries.list());
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const canWrite = useCan('roster:write');
  const purposeId = useId();
  const parent = body.parentId ? bodies.data?.find((b) => b.id === body.parentId) : undefined;
  const children = (bodies.data ?? []).filter((b) => b.parentId === body.id).sort((a, b) => compareDanish(a.name, b.name));

  return (
    <Stack spacing={4}>
      <PageHeader
        back={<AppLink href="/bodies">{t('bodies.detail.back')}</AppLink>}
        title={body.name}
        subtitle={t(`bodies.kind.${body.kind}`)}
        actions={
          canWrite && (
            <>
              <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setDialog('edit')}>
                {t('bodies.edit.action')}
              </Button>
              <Button variant="outlined" color="error" startIcon={<DeleteIcon />} onClick={() => setDialog('delete')}>
                {t('bodies.delete.action')}
              </Button>
            </>
          )
        }
      />
      <Facts
        items={[
          [
            t('bodies.detail.facts.parent'),
            body.parentId === null ? (
              t('bodies.noParent')
            ) : parent ? (
              <AppLink key="parent" href={recordHref('body', parent.id) ?? '/bodies'}>
                {parent.name}
              </AppLink>
            ) : (
              <Skeleton key="parent" width={160} />
            ),
          ],
          ...(children.length > 0
            ? [
                [
                  t('bodies.detail.facts.fora'),
                  children.map((c, i) => (
                    <Fragment key={c.id}>
                      {i > 0 && ', '}
                      <AppLink href={recordHref('body', c.id) ?? '/bodies'}>{c.name}</AppLink>
                    </Fragment>
                  )),
                ] as const,
              ]
            : []),
        ]}
      />
      <Box component="section" aria-labelledby={purposeId}>
        <Typography variant="h2" id={purposeId} sx={{ mb: 1 }}>
          {t('bodies.detail.purposeHeading')}
        </Typography>
        {body.purpose.trim() ? (
          <Typography sx={{ whiteSpace: 'pre-line', maxWidth: '75ch', overflowWrap: 'anywhere' }}>{body.purpose}</Typography>
        ) : (
          <Typography color="textSecondary">{t('bodies.noPurpose')}</Typography>
        )}
      </Box>
      <MembersSection body={body} renderAddSeat={renderAddSeat} />
      {dialog === 'edit' && <EditBodyDialog body={body} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteBodyDialog body={body} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function MembersSection({ body, renderAddSeat }: { body: Body; renderAddSeat?: RenderAddSeat }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIso();
  const terms = useQuery(termQueries.list({ sort: '-startDate' }));
  const [adding, setAdding] = useState(false);
  const view = termView(terms.data ?? [], search, today);
  const { term, asOf } = view;
  const roster = useQuery({ ...bodyRosterQuery({ bodyId: body.id, asOf }), enabled: term !== undefined });
  const date = formatDate(asOf, i18n.language);
  const canWrite = useCan('roster:write');
  const addSeat = canWrite && renderAddSeat && term ? () => setAdding(true) : undefined;
  const entries = roster.data?.term?.id === term?.id ? roster.data?.entries : undefined;

  let content: ReactNode;
  if (terms.isPending) {
    content = <Skeleton variant="rounded" height={120} />;
  } else if (terms.isError) {
    content = <ErrorState title={t('bodies.detail.termsError')} error={terms.error} onRetry={() => void terms.refetch()} />;
  } else if (terms.data.length === 0) {
    content = <Alert severity="info" role="status">{t('bodies.detail.noTerms')}</Alert>;
  } else if (!term) {
    content = <Alert severity="info" role="status">{t('bodies.detail.noTerm', { date })}</Alert>;
  } else if (roster.isError && !roster.data) {
    content = <ErrorState title={t('bodies.detail.rosterError')} error={roster.error} onRetry={() => void roster.refetch()} />;
  } else if (!entries) {
    content = (
      <Box role="status">
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        <Skeleton variant="rounded" height={120} />
      </Box>
    );
  } else if (entries.length === 0) {
    content = (
      <Alert severity="info" role="status">
        {t('bodies.detail.emptyForum', { body: body.name, term: term.label })}
        {addSeat && (
          <Box sx={{ mt: 1.5 }}>
            <Button variant="outlined" color="inherit" size="small" startIcon={<AddIcon />} onClick={addSeat}>
              {t('seats.add')}
            </Button>
          </Box>
        )}
      </Alert>
    );
  } else {
    const vacant = entries.filter((e) => e.vacant).length;
    content = (
      <Stack spacing={1.5}>
        <Typography role="status" sx={{ fontWeight: 500 }}>
          {[
            t('seats.count', { count: entries.length }),
            t('seats.heldCount', { count: entries.length - vacant }),
            t('seats.vacantCount', { count: vacant }),
          ].join(' · ')}
        </Typography>
        <BodyRosterTable headingId={headingId} entries={entries} asOf={asOf} />
      </Stack>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, gap: 2, mb: 2 }}
      >
        <Typography variant="h2" id={headingId}>
          {t('bodies.detail.membersHeading')}
        </Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, displayPrint: 'none' }}>
          {term && (
            <Button
              variant="text"
              startIcon={<TimelineIcon />}
              component={AppLink}
              href={withQuery('/insights', { bodyId: body.id, termId: search.termId, asOf: search.asOf })}
            >
              {t('insights.openInsights')}
            </Button>
          )}
          {addSeat && entries && entries.length > 0 && (
            <Button variant="outlined" startIcon={<AddIcon />} onClick={addSeat}>
              {t('seats.add')}
            </Button>
          )}
        </Stack>
      </Stack>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ alignItems: { sm: 'center' }, mb: 1.5, displayPrint: 'none' }}
      >
        <TextField
          select
          label={t('bodies.detail.termLabel')}
          value={term?.id ?? ''}
          onChange={(e) => void navigate({ search: { termId: e.target.value, asOf: undefined } })}
          size="small"
          sx={{ minWidth: 200 }}
          disabled={!terms.data?.length}
        >
          {(terms.data ?? []).map((x) => (
            <MenuItem key={x.id} value={x.id}>
              {x.label}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            type="date"
            label={t('bodies.detail.asOfLabel')}
            value={asOf}
            onChange={(e) => {
              // A half-typed date is empty here; wait for a whole one.
              if (e.target.value) void navigate({ search: { asOf: e.target.value, termId: undefined } });
            }}
            size="small"
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: '1900-01-01', max: '2999-12-31' } }}
          />
          <Button
            variant="outlined"
            onClick={() => void navigate({ search: {} })}
            disabled={search.asOf === undefined && search.termId === undefined}
          >
            {t('common.today')}
          </Button>
        </Stack>
      </Stack>
      {term && (
        <Typography color="textSecondary" sx={{ mb: 2 }}>
          {t('bodies.detail.termAndDate', { term: term.label, date })}
          {view.movedFrom && search.termId === undefined && (
            <>
              {' '}
              {t('bodies.detail.moved', { asked: formatDate(view.movedFrom, i18n.language), term: term.label, date })}
            </>
          )}
        </Typography>
      )}
      <Box aria-busy={roster.isFetching}>{content}</Box>
      {adding && term && renderAddSeat?.({ body, term, onClose: () => setAdding(false) })}
    </Box>
  );
}

function LoadingBody() {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} role="status" aria-live="polite">
      <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
      <Skeleton variant="text" width="40%" height={48} />
      <Skeleton variant="rounded" height={96} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} height={32} />
        ))}
      </Paper>
    </Stack>
  );
}
