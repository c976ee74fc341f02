/**
 * One page of people: the name is a link to the person's page; today's seats with title; and
 * how to reach them (mail and phone are links, so a phone can call). On a phone, contact
 * details go under the name.
 */
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { styled } from '@mui/material/styles';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { plain, plainTableSx } from '../../../components/plain-table';
import { PlainLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { Person } from '../../../domain/schemas';
import type { CurrentSeat } from '../current-seats';
import type { PeopleSort } from '../people-search';

const TOP = 'people-top';
const NOWRAP = 'people-nowrap';
const BLOCK = 'people-block';
const ANYWHERE = 'people-anywhere';

const PlainTable = styled(Table)(({ theme }) => ({
  ...plainTableSx(theme, { hover: true, fixedOnDesktop: true }),
  [`& .${TOP}`]: { verticalAlign: 'top' },
  [`& .${NOWRAP}`]: { whiteSpace: 'nowrap' },
  [`& .${BLOCK}`]: { display: 'block' },
  [`& .${ANYWHERE}`]: { overflowWrap: 'anywhere' },
}));

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
      <PlainTable size="small" aria-label={t('people.title')}>
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
            <TableCell className={plain.hideOnPhone} sx={{ width: '24%' }}>{t('people.columns.email')}</TableCell>
            <TableCell className={plain.hideOnPhone} sx={{ width: '14%' }}>{t('people.columns.phone')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((person) => (
            <PersonRow key={person.id} person={person} seats={current?.get(person.id)} loading={current === undefined} />
          ))}
        </TableBody>
      </PlainTable>
    </TableContainer>
  );
}

/**
 * One person: plain elements styled by the table (src/components/plain-table.ts), memoised,
 * so a new search redraws only the rows that changed.
 */
const PersonRow = memo(function PersonRow({
  person,
  seats,
  loading,
}: {
  person: Person;
  seats: CurrentSeat[] | undefined;
  loading: boolean;
}) {
  return (
    <tr>
      <th scope="row" className={TOP}>
        <PlainLink href={recordHref('person', person.id) ?? ''} className={`${plain.strong} ${ANYWHERE}`}>
          {person.name}
        </PlainLink>
        {/* On a phone, contact details go under the name, one to a line. */}
        {[person.email, person.phone].filter(Boolean).map((contact) => (
          <span key={contact} className={`${plain.phoneOnly} ${plain.secondary} ${ANYWHERE}`}>
            {contact}
          </span>
        ))}
      </th>
      <td className={TOP}>
        <CurrentSeats seats={seats} loading={loading} />
      </td>
      <td className={`${plain.hideOnPhone} ${TOP} ${ANYWHERE}`}>{person.email && <a href={`mailto:${person.email}`}>{person.email}</a>}</td>
      <td className={`${plain.hideOnPhone} ${TOP} ${NOWRAP}`}>
        {person.phone && <a href={`tel:${person.phone.replace(/[\s-]/g, '')}`}>{person.phone}</a>}
      </td>
    </tr>
  );
});

function CurrentSeats({ seats, loading }: { seats: CurrentSeat[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading) return <span className={plain.secondary}>…</span>;
  if (!seats?.length) {
    // A dash reads calmer than the same words in every row; screen readers get the words.
    return (
      <span className={plain.secondary}>
        <span aria-hidden>–</span>
        <span className={plain.visuallyHidden}>{t('people.noCurrent')}</span>
      </span>
    );
  }
  return (
    <>
      {seats.map(({ membership, seat, body }) => (
        <span key={membership.id} className={BLOCK}>
          {[membership.role !== 'member' ? t(`role.${membership.role}`) : '', membership.title].filter(Boolean).join(', ')}
          {(membership.title || membership.role !== 'member') && <br />}
          <PlainLink href={recordHref('seat', membership.seatId) ?? ''} className={plain.underline}>
            {seat?.label ?? '…'}
          </PlainLink>
          {body && <span className={plain.secondary}>{` · ${body.name}`}</span>}
        </span>
      ))}
    </>
  );
}
