/**
 * Every segment of a seat in date order: who, role and title, from when to when, why it
 * ended, when it was decided and where, and how it follows the one before: "Erstatter X" /
 * "Erstattet af Y" for another person, "Fortsætter" for the same person in a new role or title.
 */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../../components/record-link';
import type { IsoDate } from '../../../domain/dates';
import { effectiveSpan, isActiveOn } from '../../../domain/rules';
import type { Membership, Organization, Person, Term } from '../../../domain/schemas';
import { linkSegments, SEGMENT_END_REASONS } from '../../../domain/segments';
import { formatDate, formatSpan } from '../../../lib/format';
import { endReasonText } from '../segment-text';

interface Props {
  history: Membership[] | undefined;
  people: Map<string, Person>;
  organizations: Map<string, Organization>;
  term: Term | undefined;
  asOf: IsoDate;
}

export function SeatHistory({ history, people, organizations, term, asOf }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1.5 }}>
        <Typography variant="h2" id={headingId}>
          {t('seat.history.heading')}
        </Typography>
        {history && (
          <Typography variant="body2" color="textSecondary">
            {t('seat.history.count', { count: history.length })}
          </Typography>
        )}
      </Stack>
      {!history ? (
        <Stack spacing={1}>
          {Array.from({ length: 2 }, (_, i) => (
            <Skeleton key={i} variant="rounded" height={72} />
          ))}
        </Stack>
      ) : history.length === 0 ? (
        <Typography color="textSecondary">{t('seat.history.empty')}</Typography>
      ) : (
        <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {linkSegments(history).map((link) => (
            <Segment key={link.segment.id} {...link} people={people} organizations={organizations} term={term} asOf={asOf} />
          ))}
        </Stack>
      )}
    </Box>
  );
}

function Segment({
  segment,
  previous,
  previousLink,
  next,
  nextLink,
  people,
  organizations,
  term,
  asOf,
}: ReturnType<typeof linkSegments<Membership>>[number] & Omit<Props, 'history'>) {
  const { t, i18n } = useTranslation();
  const name = (id: string) => people.get(id)?.name ?? '…';
  const active = term !== undefined && isActiveOn(effectiveSpan(segment, term.endDate), asOf);
  // The codes 'changed' and 'replaced' say what the link to the next segment says already.
  const reason = next && Object.values(SEGMENT_END_REASONS).includes(segment.endReason as never) ? null : endReasonText(t, segment.endReason);
  const hasDetails = Boolean(reason || segment.decidedOn || segment.source || segment.endDecidedOn || segment.endSource);
  const organization = segment.organizationId ? organizations.get(segment.organizationId)?.name : undefined;

  return (
    <Paper component="li" variant="outlined" sx={{ p: 2, borderColor: active ? 'primary.main' : undefined, borderWidth: active ? 2 : 1 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ justifyContent: 'space-between', gap: { xs: 0.5, sm: 2 } }}>
        <Typography sx={{ fontWeight: 600 }}>
          <RecordLink entity="person" id={segment.personId}>
            {name(segment.personId)}
          </RecordLink>
        </Typography>
        <Typography color="textSecondary" sx={{ whiteSpace: { sm: 'nowrap' } }}>
          {formatSpan(segment.startDate, segment.endDate, i18n.language)}
        </Typography>
      </Stack>
      <Typography sx={{ mt: 0.5 }}>
        {[t(`role.${segment.role}`), segment.title, organization].filter(Boolean).join(' · ')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mt: 1, alignItems: 'center' }}>
        {active && (
          <Chip size="small" color="primary" label={t('seat.history.activeOn', { date: formatDate(asOf, i18n.language) })} />
        )}
        {previous && previousLink === 'replaces' && (
          <Chip size="small" variant="outlined" label={t('seat.history.replaces', { name: name(previous.personId) })} />
        )}
        {previous && previousLink === 'continues' && (
          <Chip size="small" variant="outlined" label={t('seat.history.continues')} />
        )}
        {next && nextLink === 'replaces' && (
          <Chip size="small" variant="outlined" label={t('seat.history.replacedBy', { name: name(next.personId) })} />
        )}
        {next && nextLink === 'continues' && (
          <Chip
            size="small"
            variant="outlined"
            label={t('seat.history.continuesFrom', { date: formatDate(next.startDate, i18n.language) })}
          />
        )}
      </Stack>
      {hasDetails && (
      <Box component="dl" sx={{ m: 0, mt: 1, display: 'flex', flexWrap: 'wrap', columnGap: 3, rowGap: 0.5, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}>
        {reason && <Detail label={t('seat.history.endReason')}>{reason}</Detail>}
        {segment.decidedOn && <Detail label={t('seat.history.decidedOn')}>{formatDate(segment.decidedOn, i18n.language)}</Detail>}
        {segment.source && (
          <Detail label={t('seat.history.source')}>
            <Link href={segment.source} sx={{ overflowWrap: 'anywhere' }}>
              {t('seat.history.sourceLink')}
            </Link>
          </Detail>
        )}
        {segment.endDecidedOn && (
          <Detail label={t('seat.history.endDecidedOn')}>{formatDate(segment.endDecidedOn, i18n.language)}</Detail>
        )}
        {segment.endSource && (
          <Detail label={t('seat.history.endSource')}>
            <Link href={segment.endSource} sx={{ overflowWrap: 'anywhere' }}>
              {t('seat.history.sourceLink')}
            </Link>
          </Detail>
        )}
      </Box>
      )}
    </Paper>
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
