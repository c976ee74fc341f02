/**
 * A seat: where it belongs (body, term, nominating organisation, reserved sector), who holds
 * it on the as-of date with the actions on that holding, and its whole history, segment by
 * segment, with who replaced whom, and the changes to the seat record itself (audit trail).
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { Facts } from '../../../components/facts';
import { PageHeader } from '../../../components/page-header';
import { defaultValueText, RecordHistory } from '../../../components/record-history';
import { AppLink, RecordLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { todayIso, type IsoDate } from '../../../domain/dates';
import { effectiveSpan, isActiveOn } from '../../../domain/rules';
import type { Membership, Organization, Person, Seat, Term } from '../../../domain/schemas';
import { formatDate, formatSpan } from '../../../lib/format';
import {
  bodyQueries,
  membershipQueries,
  organizationQueries,
  personQueries,
  seatQueries,
  termQueries,
} from '../../../lib/resources';
import { HolderCard } from './holder-card';
import { SeatHistory } from './seat-history';

const route = getRouteApi('/seats/$seatId');

export function SeatPage() {
  const { t } = useTranslation();
  const { seatId } = route.useParams();
  const seat = useQuery(seatQueries.detail(seatId));

  if (seat.isPending) return <LoadingSeat />;
  if (seat.isError) {
    return (
      <Stack spacing={2}>
        <Typography variant="h1">{t('seat.title')}</Typography>
        <ErrorState title={t('seat.loadError')} error={seat.error} onRetry={() => void seat.refetch()} />
      </Stack>
    );
  }
  return <SeatView seat={seat.data} />;
}

function SeatView({ seat }: { seat: Seat }) {
  const { t, i18n } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const today = todayIso();
  const asOf = search.asOf ?? today;
  const body = useQuery(bodyQueries.detail(seat.bodyId));
  const term = useQuery(termQueries.detail(seat.termId));
  const organizations = useQuery(organizationQueries.list());
  const memberships = useQuery(membershipQueries.list({ seatId: seat.id }));
  const history = [...(memberships.data ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const personIds = [...new Set(history.map((m) => m.personId))];
  const people = useQueries({
    queries: personIds.map((id) => personQueries.detail(id)),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : []))),
  });
  const orgById = new Map((organizations.data ?? []).map((o) => [o.id, o]));
  const nominator = seat.nominatingOrganizationId ? orgById.get(seat.nominatingOrganizationId) : undefined;
  const holdingsError = memberships.error ?? term.error;

  return (
    <Stack spacing={4}>
      <PageHeader
        back={
          <AppLink href={`/roster?bodyId=${encodeURIComponent(seat.bodyId)}&asOf=${asOf}`}>
            {t('seat.back', { body: body.data?.name ?? t('seat.roster') })}
          </AppLink>
        }
        title={seat.label}
        subtitle={
          body.data && term.data ? t('seat.subtitle', { body: body.data.name, term: term.data.label }) : undefined
        }
      />

      <Facts
        items={[
          [
            t('seat.facts.body'),
            body.data ? (
              <RecordLink entity="body" id={seat.bodyId}>
                {body.data.name}
              </RecordLink>
            ) : (
              <Skeleton width={160} />
            ),
          ],
          [
            t('seat.facts.term'),
            term.data ? (
              <>
                {/* Underlined: the link sits in a line of text, so colour alone would not mark it. */}
                <AppLink href={recordHref('term', seat.termId) ?? ''} underline="always">
                  {term.data.label}
                </AppLink>
                {` (${formatSpan(term.data.startDate, term.data.endDate, i18n.language)})`}
              </>
            ) : (
              <Skeleton width={160} />
            ),
          ],
          [
            t('seat.facts.nominatedBy'),
            seat.nominatingOrganizationId ? (
              <RecordLink entity="organization" id={seat.nominatingOrganizationId}>
                {nominator?.name ?? t('common.loading')}
              </RecordLink>
            ) : (
              t('seat.facts.none')
            ),
          ],
          [t('seat.facts.reservedSector'), seat.reservedSector ? t(`sector.${seat.reservedSector}`) : t('seat.facts.none')],
        ]}
      />

      {holdingsError ? (
        <ErrorState
          title={t('seat.historyError')}
          error={holdingsError}
          onRetry={() => {
            void memberships.refetch();
            void term.refetch();
          }}
        />
      ) : (
        <>
          <HolderSection
            seat={seat}
            term={term.data}
            history={memberships.data && history}
            people={people}
            organizations={orgById}
            asOf={asOf}
            today={today}
            onAsOf={(next) => void navigate({ search: { asOf: next }, replace: false })}
          />
          <SeatHistory
            history={memberships.data && history}
            people={people}
            organizations={orgById}
            term={term.data}
            asOf={asOf}
          />
        </>
      )}

      <RecordHistory
        entity="seats"
        entityId={seat.id}
        heading={t('history.seatHeading')}
        fields={[
          { key: 'label', label: t('seats.fields.label') },
          { key: 'nominatingOrganizationId', label: t('seats.fields.organization') },
          { key: 'reservedSector', label: t('seats.fields.sector') },
        ]}
        formatValue={(key, value) => {
          if (typeof value !== 'string') return defaultValueText(value);
          // An organisation that no longer exists (or is still loading) reads as "ændret", not an id.
          if (key === 'nominatingOrganizationId') return orgById.get(value)?.name ?? t('history.changedReference');
          if (key === 'reservedSector') return t(`sector.${value}`, { defaultValue: value });
          return value;
        }}
      />
    </Stack>
  );
}

function HolderSection({
  seat,
  term,
  history,
  people,
  organizations,
  asOf,
  today,
  onAsOf,
}: {
  seat: Seat;
  term: Term | undefined;
  history: Membership[] | undefined;
  people: Map<string, Person>;
  organizations: Map<string, Organization>;
  asOf: IsoDate;
  today: IsoDate;
  onAsOf: (next: IsoDate | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const date = formatDate(asOf, i18n.language);
  let content: ReactNode;
  if (!term || !history) {
    content = (
      <Box role="status">
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        <Skeleton variant="rounded" height={96} />
      </Box>
    );
  } else if (asOf < term.startDate || asOf > term.endDate) {
    content = <Alert severity="info">{t('seat.holder.outsideTerm', { date, term: term.label })}</Alert>;
  } else {
    const membership = history.find((m) => isActiveOn(effectiveSpan(m, term.endDate), asOf)) ?? null;
    content = (
      <HolderCard
        seat={seat}
        membership={membership}
        person={membership ? (people.get(membership.personId) ?? null) : null}
        organization={membership?.organizationId ? organizations.get(membership.organizationId) : undefined}
        asOf={asOf}
      />
    );
  }
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, gap: 2, mb: 1.5 }}
      >
        <Typography variant="h2" id={headingId}>
          {t('seat.holder.heading', { date })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', displayPrint: 'none' }}>
          <TextField
            type="date"
            label={t('seat.asOfLabel')}
            value={asOf}
            onChange={(e) => {
              if (e.target.value) onAsOf(e.target.value);
            }}
            size="small"
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: '1900-01-01', max: '2999-12-31' } }}
          />
          <Button variant="outlined" onClick={() => onAsOf(undefined)} disabled={asOf === today}>
            {t('common.today')}
          </Button>
        </Stack>
      </Stack>
      {content}
    </Box>
  );
}

function LoadingSeat() {
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
