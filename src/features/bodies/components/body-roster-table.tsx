/**
 * A body's seats on a date: seat (a link to the seat on that date), holder (a link to the
 * person) or "Ledig", title, organisation and role. On a phone, the holder's details go under
 * the name.
 */
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { AppLink, recordHref } from '../../../components/record-link';
import type { IsoDate } from '../../../domain/dates';
import type { RosterEntry } from '../../../domain/schemas';

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;
const WIDTHS = { seat: '22%', holder: '24%', title: '26%', organization: '18%', role: '10%' } as const;

export function BodyRosterTable({ headingId, entries, asOf }: { headingId: string; entries: readonly RosterEntry[]; asOf: IsoDate }) {
  const { t } = useTranslation();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-labelledby={headingId} sx={{ tableLayout: { md: 'fixed' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: { md: WIDTHS.seat } }}>{t('seats.columns.seat')}</TableCell>
            <TableCell sx={{ width: { md: WIDTHS.holder } }}>{t('seats.columns.holder')}</TableCell>
            <TableCell sx={{ ...hideOnPhone, width: WIDTHS.title }}>{t('seats.columns.title')}</TableCell>
            <TableCell sx={{ ...hideOnPhone, width: WIDTHS.organization }}>{t('seats.columns.organization')}</TableCell>
            <TableCell sx={{ ...hideOnPhone, width: WIDTHS.role }}>{t('seats.columns.role')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map(({ seat, person, membership, organization }) => (
            <TableRow key={seat.id}>
              <TableCell component="th" scope="row" sx={{ overflowWrap: 'break-word' }}>
                <AppLink href={`${recordHref('seat', seat.id) ?? ''}?asOf=${asOf}`}>{seat.label}</AppLink>
              </TableCell>
              <TableCell sx={{ overflowWrap: 'break-word' }}>
                {person ? (
                  <AppLink href={recordHref('person', person.id) ?? ''} sx={{ fontWeight: 600 }}>
                    {person.name}
                  </AppLink>
                ) : (
                  <Chip label={t('seats.vacant')} size="small" variant="outlined" sx={{ borderColor: 'warning.main', fontWeight: 600 }} />
                )}
                <Typography component="span" variant="body2" sx={{ display: { xs: 'block', md: 'none' }, color: 'text.secondary' }}>
                  {[membership?.title, organization?.name, membership && t(`role.${membership.role}`)].filter(Boolean).join(' · ')}
                </Typography>
              </TableCell>
              <TableCell sx={{ ...hideOnPhone, overflowWrap: 'break-word' }}>{membership?.title}</TableCell>
              <TableCell sx={{ ...hideOnPhone, overflowWrap: 'break-word' }}>{organization?.name}</TableCell>
              <TableCell sx={hideOnPhone}>{membership && t(`role.${membership.role}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
