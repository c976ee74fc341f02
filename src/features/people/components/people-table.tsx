/**
 * One page of people: the name is a link to the person's page; today's seats with title; and
 * how to reach them (mail and phone are links, so a phone can call). On a phone, contact
 * details go under the name.
 */
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { Person } from '../../../domain/schemas';
import type { CurrentSeat } from '../current-seats';
import type { PeopleSort } from '../people-search';

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;

interface Props {
  rows: readonly Person[];
  /** Seats held today by person id; undefined while loading. */
  current: Map<string, CurrentSeat[]> | undefined;
  sort: PeopleSort;
  onSort: (next: PeopleSort) => void;
}

export function PeopleTable({ rows, current, sort, onSort }: Props) {
  const { t } = useTranslation();
  const descending = sort === '-name';
  return (
    <TableContainer>
      <Table size="small" aria-label={t('people.title')} sx={{ tableLayout: { md: 'fixed' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: { md: '28%' } }} aria-sort={descending ? 'descending' : 'ascending'}>
              <TableSortLabel active direction={descending ? 'desc' : 'asc'} onClick={() => onSort(descending ? 'name' : '-name')}>
                {t('people.columns.name')}
                <Typography component="span" sx={visuallyHidden}>
                  {descending ? t('people.sortedDescending') : t('people.sortedAscending')}
                </Typography>
              </TableSortLabel>
            </TableCell>
            <TableCell sx={{ width: { md: '34%' } }}>{t('people.columns.current')}</TableCell>
            <TableCell sx={{ ...hideOnPhone, width: '24%' }}>{t('people.columns.email')}</TableCell>
            <TableCell sx={{ ...hideOnPhone, width: '14%' }}>{t('people.columns.phone')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((person) => (
            <TableRow key={person.id} hover>
              <TableCell component="th" scope="row" sx={{ verticalAlign: 'top' }}>
                <AppLink href={recordHref('person', person.id) ?? ''} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                  {person.name}
                </AppLink>
                {/* On a phone, contact details go under the name, one to a line. */}
                {[person.email, person.phone].filter(Boolean).map((contact) => (
                  <Typography
                    key={contact}
                    component="span"
                    variant="body2"
                    color="text.secondary"
                    sx={{ display: { xs: 'block', md: 'none' }, overflowWrap: 'anywhere' }}
                  >
                    {contact}
                  </Typography>
                ))}
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>
                <CurrentSeats seats={current?.get(person.id)} loading={current === undefined} />
              </TableCell>
              <TableCell sx={{ ...hideOnPhone, verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                {person.email && <Link href={`mailto:${person.email}`}>{person.email}</Link>}
              </TableCell>
              <TableCell sx={{ ...hideOnPhone, verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                {person.phone && <Link href={`tel:${person.phone.replace(/[\s-]/g, '')}`}>{person.phone}</Link>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function CurrentSeats({ seats, loading }: { seats: CurrentSeat[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading) return <Typography variant="body2" color="text.secondary">…</Typography>;
  if (!seats?.length) {
    // A dash reads calmer than the same words in every row; screen readers get the words.
    return (
      <Typography variant="body2" color="text.secondary">
        <span aria-hidden>–</span>
        <Typography component="span" sx={visuallyHidden}>
          {t('people.noCurrent')}
        </Typography>
      </Typography>
    );
  }
  return (
    <>
      {seats.map(({ membership, seat, body }) => (
        <Typography key={membership.id} component="span" variant="body2" sx={{ display: 'block' }}>
          {[membership.role !== 'member' ? t(`role.${membership.role}`) : '', membership.title].filter(Boolean).join(', ')}
          {(membership.title || membership.role !== 'member') && <br />}
          <AppLink href={recordHref('seat', membership.seatId) ?? ''} underline="always">
            {seat?.label ?? '…'}
          </AppLink>
          {body && (
            <Typography component="span" variant="body2" color="text.secondary">
              {` · ${body.name}`}
            </Typography>
          )}
        </Typography>
      ))}
    </>
  );
}
