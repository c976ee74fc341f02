/**
 * A body's seats over time, Gantt-like: one row per seat, each membership segment a bar from
 * its start to its end (an open end runs to the term's last day), so a role or title change
 * is a new bar and a vacancy is a hatched gap marked "Ledig". Bars are links to the seat on
 * the segment's first day; hovering or focusing one shows its details. The drawing is HTML
 * (CSS grid and absolute positions in percent), so every bar is a real, focusable link; the
 * same segments are listed in a table below for reading without the picture.
 */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { IsoDate } from '../../../domain/dates';
import type { Organization, Person, Role } from '../../../domain/schemas';
import { formatDate } from '../../../lib/format';
import { place, yearTicks, type TimelineRange, type TimelineRow, type TimelineSegment } from '../timeline';

/** A role's marker, drawn in the bar and the legend, so the role is not told by colour alone. */
const ROLE_MARK: Record<Role, string> = { chair: '★', 'vice-chair': '☆', member: '' };

const BAR_STYLE: Record<Role, object> = {
  member: { bgcolor: '#d9e8ef', color: '#0b3a4f', borderColor: '#0b4f6c' },
  'vice-chair': { bgcolor: '#5b3f8c', color: '#ffffff', borderColor: '#3f2a66' },
  chair: { bgcolor: '#0b4f6c', color: '#ffffff', borderColor: '#062f41' },
};

const GAP_STYLE = {
  bgcolor: '#ffffff',
  backgroundImage: 'repeating-linear-gradient(135deg, #e3e7ea 0 5px, transparent 5px 10px)',
  border: '1px dashed #6b777e',
  color: 'text.secondary',
} as const;

const LABEL_WIDTH = { xs: 132, sm: 200 } as const;
const ROW_HEIGHT = 40;

export interface TimelineLookups {
  people: ReadonlyMap<string, Person>;
  organizations: ReadonlyMap<string, Organization>;
}

function segmentFacts(s: TimelineSegment, lookups: TimelineLookups, row: TimelineRow) {
  const m = s.membership;
  const orgId = m.organizationId ?? row.seat.nominatingOrganizationId;
  return {
    person: lookups.people.get(m.personId)?.name ?? '…',
    organization: orgId ? (lookups.organizations.get(orgId)?.name ?? '') : '',
    role: m.role,
    title: m.title,
    /** The membership's own end (null while open), not the clipped end drawn. */
    openEnded: m.endDate === null,
  };
}

export function SeatTimeline({
  rows,
  range,
  lookups,
  today,
  label,
  showTerm,
}: {
  rows: readonly TimelineRow[];
  range: TimelineRange;
  lookups: TimelineLookups;
  today: IsoDate;
  /** The scroll region's accessible name. */
  label: string;
  /** Rows of several terms: say each seat's term under its label. */
  showTerm: boolean;
}) {
  const { t, i18n } = useTranslation();
  const date = (d: IsoDate) => formatDate(d, i18n.language);
  const ticks = [range.start, ...yearTicks(range)];
  const todayAt = today >= range.start && today <= range.end ? place(range, today, today).left : undefined;

  const gridLines = (
    <>
      {ticks.slice(1).map((tick) => (
        <Box
          key={tick}
          aria-hidden
          sx={{ position: 'absolute', top: 0, bottom: 0, left: `${place(range, tick, tick).left}%`, borderLeft: 1, borderColor: 'divider' }}
        />
      ))}
      {todayAt !== undefined && (
        <Box aria-hidden sx={{ position: 'absolute', top: 0, bottom: 0, left: `${todayAt}%`, borderLeft: '2px solid', borderColor: 'error.main', zIndex: 1 }} />
      )}
    </>
  );

  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      sx={{
        overflowX: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      <Box sx={{ minWidth: 760 }}>
        {/* The axis: a year label where each year begins, and "I dag". */}
        <Box aria-hidden sx={{ display: 'flex', borderBottom: 1, borderColor: 'divider' }}>
          <Box sx={{ width: LABEL_WIDTH, flexShrink: 0, position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 2 }} />
          <Box sx={{ position: 'relative', flexGrow: 1, height: 32, mr: 1 }}>
            {ticks.map((tick) => (
              <Typography
                key={tick}
                variant="caption"
                sx={{ position: 'absolute', top: 6, left: `${place(range, tick, tick).left}%`, pl: 0.5, color: 'text.secondary', fontWeight: 600 }}
              >
                {tick.slice(0, 4)}
              </Typography>
            ))}
            {todayAt !== undefined && (
              <Typography
                variant="caption"
                sx={{ position: 'absolute', bottom: 0, left: `${todayAt}%`, transform: 'translateX(-50%)', color: 'error.dark', fontWeight: 700, bgcolor: 'background.paper', px: 0.5 }}
              >
                {t('insights.timeline.today')}
              </Typography>
            )}
          </Box>
        </Box>
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {rows.map((row) => (
            <Box
              component="li"
              key={row.seat.id}
              sx={{ display: 'flex', alignItems: 'stretch', '&:not(:last-child)': { borderBottom: 1, borderColor: 'divider' } }}
            >
              <Box
                sx={{
                  width: LABEL_WIDTH,
                  flexShrink: 0,
                  position: 'sticky',
                  left: 0,
                  zIndex: 2,
                  bgcolor: 'background.paper',
                  borderRight: 1,
                  borderColor: 'divider',
                  px: 1,
                  py: 0.5,
                  display: 'flex',
                  flexDirection: 'column',
                  justifyContent: 'center',
                  minWidth: 0,
                }}
              >
                <Typography variant="body2" sx={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={row.seat.label}>
                  {row.seat.label}
                </Typography>
                {showTerm && (
                  <Typography variant="caption" color="textSecondary">
                    {row.term.label}
                  </Typography>
                )}
              </Box>
              <Box sx={{ position: 'relative', flexGrow: 1, height: ROW_HEIGHT, mr: 1 }}>
                {gridLines}
                {row.items.map((item) => {
                  const { left, width } = place(range, item.start, item.end);
                  const box = {
                    position: 'absolute',
                    top: 5,
                    bottom: 5,
                    left: `calc(${left}% + 1px)`,
                    width: `calc(${width}% - 2px)`,
                    minWidth: 6,
                    borderRadius: 0.75,
                    px: 0.75,
                    display: 'flex',
                    alignItems: 'center',
                    overflow: 'hidden',
                    whiteSpace: 'nowrap',
                    fontSize: '0.8125rem',
                    zIndex: 1,
                  } as const;
                  if (item.kind === 'gap') {
                    return (
                      <Box key={`gap-${item.start}`} sx={{ ...box, ...GAP_STYLE }}>
                        <Box component="span" aria-hidden sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                          {t('insights.timeline.vacant')}
                        </Box>
                        <Box component="span" sx={visuallyHidden}>
                          {t('insights.timeline.gapLabel', { seat: row.seat.label, span: `${date(item.start)} – ${date(item.end)}` })}
                        </Box>
                      </Box>
                    );
                  }
                  const facts = segmentFacts(item, lookups, row);
                  const span = `${date(item.start)} – ${facts.openEnded ? t('insights.timeline.openEnd', { date: date(item.end) }) : date(item.end)}`;
                  const name = [facts.person, t(`role.${facts.role}`), facts.title, facts.organization, span].filter(Boolean).join(', ');
                  return (
                    <Tooltip
                      key={item.membership.id}
                      describeChild
                      arrow
                      title={
                        <Box sx={{ py: 0.5 }}>
                          <Typography variant="body2" sx={{ fontWeight: 700 }}>
                            {facts.person}
                          </Typography>
                          <Typography variant="body2">
                            {ROLE_MARK[facts.role] && `${ROLE_MARK[facts.role]} `}
                            {[t(`role.${facts.role}`), facts.title].filter(Boolean).join(' · ')}
                          </Typography>
                          {facts.organization && <Typography variant="body2">{facts.organization}</Typography>}
                          <Typography variant="body2">{span}</Typography>
                        </Box>
                      }
                    >
                      <AppLink
                        href={`${recordHref('seat', row.seat.id) ?? ''}?asOf=${item.start}`}
                        aria-label={name}
                        underline="none"
                        sx={{
                          ...box,
                          ...BAR_STYLE[facts.role],
                          border: 1,
                          fontWeight: 600,
                          '&:hover': { filter: 'brightness(0.93)' },
                          '&:focus-visible': { outline: '3px solid', outlineColor: '#e0a100', outlineOffset: 1, zIndex: 3 },
                        }}
                      >
                        <Box component="span" aria-hidden sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                          {ROLE_MARK[facts.role] && `${ROLE_MARK[facts.role]} `}
                          {facts.person}
                        </Box>
                      </AppLink>
                    </Tooltip>
                  );
                })}
              </Box>
            </Box>
          ))}
        </Box>
      </Box>
    </Box>
  );
}

/** What the bars' colours and marks mean. */
export function TimelineLegend() {
  const { t } = useTranslation();
  const swatch = (sx: object, mark: string) => (
    <Box
      component="span"
      aria-hidden
      sx={{ display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 28, height: 18, borderRadius: 0.75, border: 1, fontSize: 12, fontWeight: 700, ...sx }}
    >
      {mark}
    </Box>
  );
  const items = [
    [swatch(BAR_STYLE.member, ''), t('role.member')],
    [swatch(BAR_STYLE['vice-chair'], ROLE_MARK['vice-chair']), t('role.vice-chair')],
    [swatch(BAR_STYLE.chair, ROLE_MARK.chair), t('role.chair')],
    [swatch(GAP_STYLE, ''), t('insights.timeline.vacant')],
  ] as const;
  return (
    <Box component="ul" aria-label={t('insights.timeline.legend')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, listStyle: 'none', m: 0, mb: 1.5, p: 0 }}>
      {items.map(([mark, text]) => (
        <Box component="li" key={text} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
          {mark}
          <Typography variant="body2">{text}</Typography>
        </Box>
      ))}
    </Box>
  );
}

/** The timeline as a table: every segment and gap of every seat, in order. */
export function TimelineTable({ rows, lookups, showTerm }: { rows: readonly TimelineRow[]; lookups: TimelineLookups; showTerm: boolean }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const date = (d: IsoDate) => formatDate(d, i18n.language);
  return (
    <TableContainer
      component={Paper}
      variant="outlined"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      sx={{ '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 } }}
    >
      <Table size="small" sx={{ minWidth: 720 }}>
        <caption id={captionId} style={visuallyHiddenCaption}>
          {t('insights.timeline.tableCaption')}
        </caption>
        <TableHead>
          <TableRow>
            <TableCell>{t('insights.timeline.columns.seat')}</TableCell>
            <TableCell>{t('insights.timeline.columns.holder')}</TableCell>
            <TableCell>{t('insights.timeline.columns.role')}</TableCell>
            <TableCell>{t('insights.timeline.columns.title')}</TableCell>
            <TableCell>{t('insights.timeline.columns.organization')}</TableCell>
            <TableCell>{t('insights.timeline.columns.from')}</TableCell>
            <TableCell>{t('insights.timeline.columns.to')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <Fragment key={row.seat.id}>
              {row.items.map((item, i) => {
                const facts = item.kind === 'segment' ? segmentFacts(item, lookups, row) : undefined;
                return (
                  <TableRow key={item.kind === 'segment' ? item.membership.id : `gap-${item.start}`}>
                    <TableCell component="th" scope="row" sx={{ verticalAlign: 'top', fontWeight: 600 }}>
                      {/* The seat is named on each row for screen readers, shown once per seat. */}
                      <Box component="span" sx={i === 0 ? undefined : visuallyHidden}>
                        {row.seat.label}
                        {showTerm && (
                          <Typography component="span" variant="body2" color="textSecondary" sx={{ display: 'block' }}>
                            {row.term.label}
                          </Typography>
                        )}
                      </Box>
                    </TableCell>
                    <TableCell sx={{ fontWeight: facts ? 600 : undefined }}>{facts ? facts.person : t('insights.timeline.vacant')}</TableCell>
                    <TableCell>{facts && t(`role.${facts.role}`)}</TableCell>
                    <TableCell>{facts?.title}</TableCell>
                    <TableCell>{facts?.organization}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{date(item.start)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {facts?.openEnded ? t('insights.timeline.openEnd', { date: date(item.end) }) : date(item.end)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

const visuallyHiddenCaption = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
