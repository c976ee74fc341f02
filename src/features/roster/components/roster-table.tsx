import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { memo, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { IsoDate } from '../../../domain/dates';
import { SECTORS, type RosterEntry, type Sector } from '../../../domain/schemas';

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

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;
/** Fixed column widths, so the tables of all sectors line up under each other. */
const WIDTHS = { seat: '22%', holder: '24%', title: '26%', organization: '18%', role: '10%' } as const;

const seatHref = (seatId: string, asOf: IsoDate) => `${recordHref('seat', seatId) ?? ''}?asOf=${asOf}`;

const RosterRow = memo(function RosterRow({
  entry,
  asOf,
  actions,
}: {
  entry: RosterEntry;
  asOf: IsoDate;
  actions: RosterRowActions | undefined;
}) {
  const { t } = useTranslation();
  const { seat, person, membership, organization } = entry;
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={hideOnPhone}>
        <AppLink href={seatHref(seat.id, asOf)}>{seat.label}</AppLink>
      </TableCell>
      <TableCell>
        {person && membership ? (
          <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
            {person.name}
          </Typography>
        ) : (
          <Chip label={t('roster.vacant')} size="small" color="warning" variant="outlined" />
        )}
        {/* On a phone, the other columns go under the name. */}
        <Typography component="span" variant="body2" sx={{ display: { xs: 'block', md: 'none' }, color: 'text.secondary' }}>
          {[membership?.title, organization?.name].filter(Boolean).join(', ')}
          <br />
          <AppLink href={seatHref(seat.id, asOf)} underline="always">
            {seat.label}
          </AppLink>
          {membership && ` · ${t(`role.${membership.role}`)}`}
        </Typography>
      </TableCell>
      <TableCell sx={hideOnPhone}>{membership?.title}</TableCell>
      <TableCell sx={hideOnPhone}>{organization?.name}</TableCell>
      <TableCell sx={hideOnPhone}>{membership && t(`role.${membership.role}`)}</TableCell>
      {actions && (
        <TableCell align="right" sx={{ displayPrint: 'none', py: 0 }}>
          {actions.render(entry, asOf)}
        </TableCell>
      )}
    </TableRow>
  );
});

function SectorTable({
  sector,
  entries,
  asOf,
  actions,
  heading,
}: {
  sector: SectorKey;
  entries: RosterEntry[];
  asOf: IsoDate;
  actions: RosterRowActions | undefined;
  heading: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="h2" component={heading} id={headingId}>
          {t(`sector.${sector}`)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('roster.sectorCount', { count: entries.length })}
        </Typography>
      </Stack>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-labelledby={headingId} sx={{ tableLayout: { md: 'fixed' } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ ...hideOnPhone, width: WIDTHS.seat }}>{t('roster.columns.seat')}</TableCell>
              <TableCell sx={{ width: { md: WIDTHS.holder } }}>{t('roster.columns.holder')}</TableCell>
              <TableCell sx={{ ...hideOnPhone, width: WIDTHS.title }}>{t('roster.columns.title')}</TableCell>
              <TableCell sx={{ ...hideOnPhone, width: WIDTHS.organization }}>{t('roster.columns.organization')}</TableCell>
              <TableCell sx={{ ...hideOnPhone, width: WIDTHS.role }}>{t('roster.columns.role')}</TableCell>
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
              <RosterRow key={e.seat.id} entry={e} asOf={asOf} actions={actions} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}

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
  return (
    <Stack spacing={3}>
      {groupBySector(entries).map(([sector, list]) => (
        <SectorTable key={sector} sector={sector} entries={list} asOf={asOf} actions={rowActions} heading={sectorHeading} />
      ))}
    </Stack>
  );
}
