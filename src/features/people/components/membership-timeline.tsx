/**
 * Every seat the person has held, over all terms, newest first: one entry per unbroken run on
 * a seat (src/domain/segments.ts chains segments that continue each other: same seat, the next
 * day, a new role or title), with each segment's role, title, dates, end reason, decision date
 * and decision link. A vertical line joins the segments of a run; the words say it too.
 *
 * A busy person has dozens of segments: they are plain elements styled once by the list
 * (as src/components/plain-table.ts does for tables), and the list is drawn once, when the
 * memberships and everything they name have arrived, not once per answer. Decision 018.
 */
import { TERM_ENDED_REASON } from '../../../domain/renewal';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { styled, type CSSObject } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { memo, useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { plain, plainTextSx } from '../../../components/plain-table';
import { PlainLink, recordHref } from '../../../components/record-link';
import { todayIso, type IsoDate } from '../../../domain/dates';
import { effectiveSpan, isActiveOn } from '../../../domain/rules';
import type { Body, Membership, Organization, Seat, Term } from '../../../domain/schemas';
import { SEGMENT_END_REASONS, segmentChains } from '../../../domain/segments';
import { formatDate, formatSpan } from '../../../lib/format';
import { timelineQueries } from '../api/timeline-queries';

interface Lookups {
  seats: Map<string, Seat>;
  bodies: Map<string, Body>;
  terms: Map<string, Term>;
  organizations: Map<string, Organization>;
  today: IsoDate;
}

const byId = <T extends { id: string }>(rows: readonly T[] | undefined) => new Map((rows ?? []).map((r) => [r.id, r]));

/** End reasons the API writes as codes read as words; others as typed. */
function endReasonText(t: TFunction, reason: string | null): string | null {
  if (reason === SEGMENT_END_REASONS.continues) return t('people.timeline.reasonChanged');
  if (reason === SEGMENT_END_REASONS.replaces) return t('people.timeline.reasonReplaced');
  if (reason === TERM_ENDED_REASON) return t('people.timeline.reasonTermEnded');
  return reason;
}

export function MembershipTimeline({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queries = timelineQueries(personId);
  const memberships = useQuery(queries.memberships);
  const seatList = useQuery(queries.seats);
  const organizations = useQuery(queries.organizations);
  const bodies = useQuery(queries.bodies);
  const terms = useQuery(queries.terms);

  // Oldest first into the chains; the newest run (by its latest segment) comes first on screen.
  const chains = useMemo(() => {
    const sorted = [...(memberships.data ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate));
    return segmentChains(sorted).sort((a, b) => (b.at(-1)?.startDate ?? '').localeCompare(a.at(-1)?.startDate ?? ''));
  }, [memberships.data]);
  const lookups = useMemo<Lookups>(
    () => ({
      seats: byId(seatList.data),
      bodies: byId(bodies.data),
      terms: byId(terms.data),
      organizations: byId(organizations.data),
      today: todayIso(),
    }),
    [seatList.data, bodies.data, terms.data, organizations.data],
  );
  // Wait for what the runs name (a failed lookup does not hold the list back: its names are left out).
  const waiting = [seatList, organizations, bodies, terms].some((q) => q.isLoading);

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1, mb: 1.5 }}>
        <Typography variant="h2" id={headingId}>
          {t('people.timeline.heading')}
        </Typography>
        {memberships.data && (
          <Typography variant="body2" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
            {t('people.timeline.count', { count: memberships.data.length })}
          </Typography>
        )}
      </Stack>
      {memberships.isPending || (waiting && chains.length > 0) ? (
        <Stack spacing={1}>
          <Skeleton variant="rounded" height={96} />
          <Skeleton variant="rounded" height={96} />
        </Stack>
      ) : memberships.isError ? (
        <ErrorState title={t('people.timeline.loadError')} error={memberships.error} onRetry={() => void memberships.refetch()} />
      ) : chains.length === 0 ? (
        <Typography color="textSecondary">{t('people.timeline.empty')}</Typography>
      ) : (
        <RunList>
          {chains.map((chain) => (
            <Run key={chain[0]?.id} chain={chain} lookups={lookups} />
          ))}
        </RunList>
      )}
    </Box>
  );
}

/** Class names of the list's plain elements, styled once by `RunList`. */
const c = {
  run: 'timeline-run',
  active: 'timeline-active',
  runHead: 'timeline-run-head',
  seat: 'timeline-seat',
  segments: 'timeline-segments',
  segment: 'timeline-segment',
  last: 'timeline-last',
  segmentHead: 'timeline-segment-head',
  role: 'timeline-role',
  dates: 'timeline-dates',
  details: 'timeline-details',
  detail: 'timeline-detail',
  anywhere: 'timeline-anywhere',
} as const;

const RunList = styled('ol')(({ theme }): CSSObject => {
  const sm = theme.breakpoints.up('sm');
  const body2 = { ...theme.typography.body2, margin: 0 };
  return {
    ...plainTextSx(theme),
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    // Paper variant="outlined", thicker in the primary colour for the run active today.
    [`& .${c.run}`]: {
      backgroundColor: theme.palette.background.paper,
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(2),
      [sm]: { padding: theme.spacing(2.5) },
    },
    [`& .${c.run}.${c.active}`]: { borderColor: theme.palette.primary.main, borderWidth: 2 },
    [`& .${c.runHead}`]: {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      gap: theme.spacing(1),
      marginBottom: theme.spacing(1.5),
      [sm]: { flexDirection: 'row' },
      '& > div': { minWidth: 0 },
      '& > .MuiChip-root': { alignSelf: 'flex-start' },
    },
    [`& .${c.seat}`]: { ...theme.typography.subtitle1, fontWeight: 600, lineHeight: 1.4, margin: 0 },
    '& p': { margin: 0 },
    [`& .${c.segments}`]: { listStyle: 'none', margin: 0, padding: 0 },
    // The line of the run, and a dot per segment (filled for the one active today).
    [`& .${c.segment}`]: {
      position: 'relative',
      paddingLeft: theme.spacing(3),
      paddingBottom: theme.spacing(2),
      '&::before': {
        content: '""',
        position: 'absolute',
        left: 5,
        top: 14,
        bottom: 0,
        borderLeft: `2px solid ${theme.palette.divider}`,
      },
      '&::after': {
        content: '""',
        position: 'absolute',
        left: 0,
        top: 6,
        width: 12,
        height: 12,
        boxSizing: 'border-box',
        borderRadius: '50%',
        border: `2px solid ${theme.palette.primary.main}`,
        backgroundColor: theme.palette.background.paper,
      },
    },
    [`& .${c.segment}.${c.last}`]: { paddingBottom: 0, '&::before': { content: 'none' } },
    [`& .${c.segment}.${c.active}::after`]: { backgroundColor: theme.palette.primary.main },
    [`& .${c.segmentHead}`]: {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      columnGap: theme.spacing(2),
      [sm]: { flexDirection: 'row' },
    },
    [`& .${c.role}`]: { ...theme.typography.body1, fontWeight: 500, margin: 0 },
    [`& .${c.dates}`]: { ...body2, color: theme.palette.text.secondary, [sm]: { whiteSpace: 'nowrap' } },
    [`& .${c.details}`]: {
      margin: 0,
      marginTop: theme.spacing(0.5),
      display: 'flex',
      flexWrap: 'wrap',
      columnGap: theme.spacing(3),
      rowGap: theme.spacing(0.25),
    },
    [`& .${c.detail}`]: { display: 'flex', gap: theme.spacing(0.75) },
    [`& .${c.detail} > dt`]: { ...body2, color: theme.palette.text.secondary },
    [`& .${c.detail} > dd`]: body2,
    [`& .${c.anywhere}`]: { overflowWrap: 'anywhere' },
  };
});

/** One unbroken run on a seat: the seat and where it belongs, then its segments, newest first. */
const Run = memo(function Run({ chain, lookups }: { chain: Membership[]; lookups: Lookups }) {
  const { t } = useTranslation();
  const first = chain[0];
  if (!first) return null;
  const seat = lookups.seats.get(first.seatId);
  const body = seat && lookups.bodies.get(seat.bodyId);
  const term = seat && lookups.terms.get(seat.termId);
  const newestFirst = [...chain].reverse();
  const activeId = term
    ? chain.find((m) => isActiveOn(effectiveSpan(m, term.endDate), lookups.today))?.id
    : undefined;

  return (
    <li className={activeId ? `${c.run} ${c.active}` : c.run}>
      <div className={c.runHead}>
        <div>
          <h3 className={c.seat}>
            <PlainLink href={recordHref('seat', first.seatId) ?? ''}>{seat?.label ?? t('people.timeline.unknownSeat')}</PlainLink>
          </h3>
          <p className={plain.secondary}>
            {body ? (
              <PlainLink href={recordHref('body', body.id) ?? ''} className={plain.underline}>
                {body.name}
              </PlainLink>
            ) : null}
            {term ? `${body ? ' · ' : ''}${t('people.timeline.term', { term: term.label })}` : null}
          </p>
        </div>
        {activeId && <Chip size="small" color="primary" label={t('people.timeline.current')} />}
      </div>
      <ol className={c.segments}>
        {newestFirst.map((segment, i) => (
          <Segment
            key={segment.id}
            segment={segment}
            // The segment it continues (the next one down the list, older).
            continues={newestFirst[i + 1]}
            last={i === newestFirst.length - 1}
            active={segment.id === activeId}
            lookups={lookups}
          />
        ))}
      </ol>
    </li>
  );
});

function Segment({
  segment,
  continues,
  last,
  active,
  lookups,
}: {
  segment: Membership;
  continues: Membership | undefined;
  last: boolean;
  active: boolean;
  lookups: Lookups;
}) {
  const { t, i18n } = useTranslation();
  const organization = segment.organizationId ? lookups.organizations.get(segment.organizationId)?.name : undefined;
  const reason = endReasonText(t, segment.endReason);
  // An open end lasts until the term ends: once that day has passed, show it.
  const seat = lookups.seats.get(segment.seatId);
  const termEnd = seat && lookups.terms.get(seat.termId)?.endDate;
  const endShown = segment.endDate ?? (termEnd && termEnd < lookups.today ? termEnd : null);
  return (
    <li className={[c.segment, last && c.last, active && c.active].filter(Boolean).join(' ')}>
      <div className={c.segmentHead}>
        <p className={c.role}>{[t(`role.${segment.role}`), segment.title].filter(Boolean).join(' · ')}</p>
        <p className={c.dates}>{formatSpan(segment.startDate, endShown, i18n.language)}</p>
      </div>
      {continues && (
        <p className={plain.secondary}>{t('people.timeline.continues', { date: formatDate(segment.startDate, i18n.language) })}</p>
      )}
      {(organization || reason || segment.decidedOn || segment.source) && (
        <dl className={c.details}>
          {organization && <Detail label={t('people.timeline.onBehalfOf')}>{organization}</Detail>}
          {reason && <Detail label={t('people.timeline.endReason')}>{reason}</Detail>}
          {segment.decidedOn && (
            <Detail label={t('people.timeline.decidedOn')}>{formatDate(segment.decidedOn, i18n.language)}</Detail>
          )}
          {segment.source && (
            <Detail label={t('people.timeline.source')}>
              <a href={segment.source} className={c.anywhere}>
                {t('people.timeline.sourceLink')}
              </a>
            </Detail>
          )}
        </dl>
      )}
    </li>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={c.detail}>
      <dt>{label}:</dt>
      <dd>{children}</dd>
    </div>
  );
}
