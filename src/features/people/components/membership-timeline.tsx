/**
 * Every seat the person has held, over all terms, newest first: one entry per unbroken run on
 * a seat (src/domain/segments.ts chains segments that continue each other: same seat, the next
 * day, a new role or title), with each segment's role, title, dates, end reason, decision date
 * and decision link. A vertical line joins the segments of a run; the words say it too.
 */
import { TERM_ENDED_REASON } from '../../../domain/renewal';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { AppLink, recordHref } from '../../../components/record-link';
import { todayIso, type IsoDate } from '../../../domain/dates';
import { effectiveSpan, isActiveOn } from '../../../domain/rules';
import type { Body, Membership, Organization, Seat, Term } from '../../../domain/schemas';
import { SEGMENT_END_REASONS, segmentChains } from '../../../domain/segments';
import { formatDate, formatSpan } from '../../../lib/format';
import { bodyQueries, membershipQueries, termQueries } from '../../../lib/resources';
import { timelineOrganizationIds, timelineOrganizationsQuery, timelineSeatIds, timelineSeatsQuery } from '../api/timeline-queries';

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
  const memberships = useQuery(membershipQueries.list({ personId }));
  const seatList = useQuery(timelineSeatsQuery(timelineSeatIds(memberships.data ?? [])));
  const organizations = useQuery(timelineOrganizationsQuery(timelineOrganizationIds(memberships.data ?? [])));
  const bodies = useQuery(bodyQueries.list());
  const terms = useQuery(termQueries.list());

  // Oldest first into the chains; the newest run (by its latest segment) comes first on screen.
  const sorted = [...(memberships.data ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const chains = segmentChains(sorted).sort((a, b) => (b.at(-1)?.startDate ?? '').localeCompare(a.at(-1)?.startDate ?? ''));
  const lookups: Lookups = {
    seats: byId(seatList.data),
    bodies: byId(bodies.data),
    terms: byId(terms.data),
    organizations: byId(organizations.data),
    today: todayIso(),
  };

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1, mb: 1.5 }}>
        <Typography variant="h2" id={headingId}>
          {t('people.timeline.heading')}
        </Typography>
        {memberships.data && (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {t('people.timeline.count', { count: memberships.data.length })}
          </Typography>
        )}
      </Stack>
      {memberships.isPending ? (
        <Stack spacing={1}>
          <Skeleton variant="rounded" height={96} />
          <Skeleton variant="rounded" height={96} />
        </Stack>
      ) : memberships.isError ? (
        <ErrorState title={t('people.timeline.loadError')} error={memberships.error} onRetry={() => void memberships.refetch()} />
      ) : chains.length === 0 ? (
        <Typography color="text.secondary">{t('people.timeline.empty')}</Typography>
      ) : (
        <Stack component="ol" spacing={2} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {chains.map((chain) => (
            <Run key={chain[0]?.id} chain={chain} lookups={lookups} />
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** One unbroken run on a seat: the seat and where it belongs, then its segments, newest first. */
function Run({ chain, lookups }: { chain: Membership[]; lookups: Lookups }) {
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
    <Paper component="li" variant="outlined" sx={{ p: { xs: 2, sm: 2.5 }, borderColor: activeId ? 'primary.main' : undefined, borderWidth: activeId ? 2 : 1 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ justifyContent: 'space-between', gap: 1, mb: 1.5 }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, lineHeight: 1.4 }}>
            <AppLink href={recordHref('seat', first.seatId) ?? ''}>{seat?.label ?? t('common.loading')}</AppLink>
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {body ? (
              <AppLink href={recordHref('body', body.id) ?? ''} underline="always">
                {body.name}
              </AppLink>
            ) : null}
            {term ? `${body ? ' · ' : ''}${t('people.timeline.term', { term: term.label })}` : null}
          </Typography>
        </Box>
        {activeId && (
          <Chip size="small" color="primary" label={t('people.timeline.current')} sx={{ alignSelf: 'flex-start' }} />
        )}
      </Stack>
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
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
      </Box>
    </Paper>
  );
}

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
    <Box
      component="li"
      sx={{
        position: 'relative',
        pl: 3,
        pb: last ? 0 : 2,
        // The line of the run, and a dot per segment (filled for the one active today).
        '&::before': last
          ? undefined
          : { content: '""', position: 'absolute', left: 5, top: 14, bottom: 0, borderLeft: 2, borderColor: 'divider' },
        '&::after': {
          content: '""',
          position: 'absolute',
          left: 0,
          top: 6,
          width: 12,
          height: 12,
          borderRadius: '50%',
          border: 2,
          borderColor: 'primary.main',
          bgcolor: active ? 'primary.main' : 'background.paper',
        },
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ justifyContent: 'space-between', columnGap: 2 }}>
        <Typography sx={{ fontWeight: 500 }}>
          {[t(`role.${segment.role}`), segment.title].filter(Boolean).join(' · ')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: { sm: 'nowrap' } }}>
          {formatSpan(segment.startDate, endShown, i18n.language)}
        </Typography>
      </Stack>
      {continues && (
        <Typography variant="body2" color="text.secondary">
          {t('people.timeline.continues', { date: formatDate(segment.startDate, i18n.language) })}
        </Typography>
      )}
      {(organization || reason || segment.decidedOn || segment.source) && (
      <Box
        component="dl"
        sx={{
          m: 0,
          mt: 0.5,
          display: 'flex',
          flexWrap: 'wrap',
          columnGap: 3,
          rowGap: 0.25,
          '& dt': { color: 'text.secondary' },
          '& dd': { m: 0 },
        }}
      >
        {organization && <Detail label={t('people.timeline.onBehalfOf')}>{organization}</Detail>}
        {reason && <Detail label={t('people.timeline.endReason')}>{reason}</Detail>}
        {segment.decidedOn && (
          <Detail label={t('people.timeline.decidedOn')}>{formatDate(segment.decidedOn, i18n.language)}</Detail>
        )}
        {segment.source && (
          <Detail label={t('people.timeline.source')}>
            <Link href={segment.source} sx={{ overflowWrap: 'anywhere' }}>
              {t('people.timeline.sourceLink')}
            </Link>
          </Detail>
        )}
      </Box>
      )}
    </Box>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 0.75 }}>
      <Typography component="dt" variant="body2">
        {label}:
      </Typography>
      <Typography component="dd" variant="body2">
        {children}
      </Typography>
    </Box>
  );
}
