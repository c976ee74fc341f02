import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { styled } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { memo, useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { plain, plainTableSx } from '../../../components/plain-table';
import { PlainLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { IsoDate } from '../../../domain/dates';
import { ROLES, SECTORS, type Role, type RosterEntry, type Sector } from '../../../domain/schemas';

/**
 * Actions on a row, rendered by whoever composes the roster (src/app/router.tsx), so this
 * feature does not depend on the one that owns the actions. Hidden in print.
 */
export interface RosterRowActions {
  /** The column's header, read by screen readers. */
  label: string;
  render: (entry: RosterEntry, asOf: IsoDate) => ReactNode;
}

type SectorKey = Sector | 'none';

/** Groups entries by sector in the council's own order: municipality, business, unions, education. */
export function groupBySector(entries: readonly RosterEntry[]): [SectorKey, RosterEntry[]][] {
  const groups = new Map<SectorKey, RosterEntry[]>();
  for (const key of [...SECTORS, 'none'] as const) groups.set(key, []);
  for (const e of entries) groups.get(e.sector ?? 'none')?.push(e);
  return [...groups].filter(([, list]) => list.length > 0);
}

/** Fixed column widths, so the tables of all sectors line up under each other. */
const WIDTHS = { seat: '22%', holder: '24%', title: '26%', organization: '18%', role: '10%' } as const;
const ACTIONS = 'roster-actions';

const PlainTable = styled(Table)(({ theme }) => ({
  ...plainTableSx(theme, { fixedOnDesktop: true }),
  [`& .${ACTIONS}`]: { textAlign: 'right', paddingTop: 0, paddingBottom: 0, '@media print': { display: 'none' } },
}));

const seatHref = (seatId: string, asOf: IsoDate) => `${recordHref('seat', seatId) ?? ''}?asOf=${asOf}`;

/** The words every row uses, translated once per table rather than once per row. */
interface RowLabels {
  vacant: string;
  roles: Record<Role, string>;
}

function useRowLabels(): RowLabels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      vacant: t('roster.vacant'),
      roles: Object.fromEntries(ROLES.map((r) => [r, t(`role.${r}`)])) as Record<Role, string>,
    }),
    [t],
  );
}

/**
 * One seat: plain elements styled by the table (src/components/plain-table.ts), memoised, so
 * a new as-of date or a refetch redraws only the rows that changed.
 */
const RosterRow = memo(function RosterRow({
  entry,
  asOf,
  actions,
  labels,
}: {
  entry: RosterEntry;
  asOf: IsoDate;
  actions: RosterRowActions | undefined;
  labels: RowLabels;
}) {
  const { seat, person, membership, organization } = entry;
  const role = membership && labels.roles[membership.role];
  return (
    <tr>
      <th scope="row" className={plain.hideOnPhone}>
        <PlainLink href={seatHref(seat.id, asOf)}>{seat.label}</PlainLink>
      </th>
      <td>
        {person && membership ? (
          <span className={plain.strong}>{person.name}</span>
        ) : (
          <Chip label={labels.vacant} size="small" color="warning" variant="outlined" />
        )}
        {/* On a phone, the other columns go under the name. */}
        <span className={`${plain.phoneOnly} ${plain.secondary}`}>
          {[membership?.title, organization?.name].filter(Boolean).join(', ')}
          <br />
          <PlainLink href={seatHref(seat.id, asOf)} className={plain.underline}>
            {seat.label}
          </PlainLink>
          {role && ` · ${role}`}
        </span>
      </td>
      <td className={plain.hideOnPhone}>{membership?.title}</td>
      <td className={plain.hideOnPhone}>{organization?.name}</td>
      <td className={plain.hideOnPhone}>{role}</td>
      {actions && <td className={ACTIONS}>{actions.render(entry, asOf)}</td>}
    </tr>
  );
});

const SectorTable = memo(function SectorTable({
  sector,
  entries,
  asOf,
  actions,
  heading,
  labels,
}: {
  sector: SectorKey;
  entries: RosterEntry[];
  asOf: IsoDate;
  actions: RosterRowActions | undefined;
  heading: 'h2' | 'h3';
  labels: RowLabels;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="h2" component={heading} id={headingId}>
          {t(`sector.${sector}`)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {t('roster.sectorCount', { count: entries.length })}
        </Typography>
      </Stack>
      <TableContainer component={Paper} variant="outlined">
        <PlainTable size="small" aria-labelledby={headingId}>
          <TableHead>
            <TableRow>
              <TableCell className={plain.hideOnPhone} sx={{ width: WIDTHS.seat }}>{t('roster.columns.seat')}</TableCell>
              <TableCell sx={{ width: { md: WIDTHS.holder } }}>{t('roster.columns.holder')}</TableCell>
              <TableCell className={plain.hideOnPhone} sx={{ width: WIDTHS.title }}>{t('roster.columns.title')}</TableCell>
              <TableCell className={plain.hideOnPhone} sx={{ width: WIDTHS.organization }}>{t('roster.columns.organization')}</TableCell>
              <TableCell className={plain.hideOnPhone} sx={{ width: WIDTHS.role }}>{t('roster.columns.role')}</TableCell>
              {actions && (
                <TableCell sx={{ width: 64, displayPrint: 'none' }}>
                  <Typography component="span" sx={visuallyHidden}>
                    {actions.label}
                  </Typography>
                </TableCell>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e) => (
              <RosterRow key={e.seat.id} entry={e} asOf={asOf} actions={actions} labels={labels} />
            ))}
          </TableBody>
        </PlainTable>
      </TableContainer>
    </section>
  );
});

export function RosterTables({
  entries,
  asOf,
  rowActions,
  sectorHeading = 'h2',
}: {
  entries: readonly RosterEntry[];
  asOf: IsoDate;
  rowActions?: RosterRowActions;
  /** The sectors' heading level: h3 where the body's name is the h2 (the print of all bodies). */
  sectorHeading?: 'h2' | 'h3';
}) {
  const labels = useRowLabels();
  const groups = useMemo(() => groupBySector(entries), [entries]);
  return (
    <Stack spacing={3}>
      {groups.map(([sector, list]) => (
        <SectorTable key={sector} sector={sector} entries={list} asOf={asOf} actions={rowActions} heading={sectorHeading} labels={labels} />
      ))}
    </Stack>
  );
}
