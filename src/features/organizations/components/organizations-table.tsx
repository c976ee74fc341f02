/**
 * One page of organisations: the name is a link to the organisation's page, with its sector
 * and the other names it is known by (on a phone, under the name). Name and sector sort.
 */
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
import type { Organization } from '../../../domain/schemas';
import type { OrganizationSort } from '../organizations-search';

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;

interface Props {
  rows: readonly Organization[];
  sort: OrganizationSort;
  onSort: (next: OrganizationSort) => void;
}

export function OrganizationsTable({ rows, sort, onSort }: Props) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <Table size="small" aria-label={t('organizations.title')} sx={{ tableLayout: { md: 'fixed' } }}>
        <TableHead>
          <TableRow>
            <SortableHeader field="name" sort={sort} onSort={onSort} width="40%">
              {t('organizations.columns.name')}
            </SortableHeader>
            <SortableHeader field="sector" sort={sort} onSort={onSort} width="25%">
              {t('organizations.columns.sector')}
            </SortableHeader>
            <TableCell sx={{ ...hideOnPhone, width: '35%' }}>{t('organizations.columns.otherNames')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((o) => (
            <TableRow key={o.id} hover>
              <TableCell component="th" scope="row" sx={{ verticalAlign: 'top' }}>
                <AppLink href={recordHref('organization', o.id) ?? ''} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                  {o.name}
                </AppLink>
                {o.otherNames.length > 0 && (
                  <Typography
                    component="span"
                    variant="body2"
                    color="textSecondary"
                    sx={{ display: { xs: 'block', md: 'none' }, overflowWrap: 'anywhere' }}
                  >
                    {t('organizations.alsoKnownAs', { names: o.otherNames.join(', ') })}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>{t(`sector.${o.sector}`)}</TableCell>
              <TableCell sx={{ ...hideOnPhone, verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                {o.otherNames.join(', ')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function SortableHeader({
  field,
  sort,
  onSort,
  width,
  children,
}: {
  field: 'name' | 'sector';
  sort: OrganizationSort;
  onSort: (next: OrganizationSort) => void;
  width: string;
  children: string;
}) {
  const { t } = useTranslation();
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  return (
    <TableCell
      sx={{ width: { md: width } }}
      aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
    >
      <TableSortLabel
        active={active}
        direction={descending ? 'desc' : 'asc'}
        onClick={() => onSort(active && !descending ? `-${field}` : field)}
      >
        {children}
        {active && (
          <Typography component="span" sx={visuallyHidden}>
            {descending ? t('organizations.sortedDescending') : t('organizations.sortedAscending')}
          </Typography>
        )}
      </TableSortLabel>
    </TableCell>
  );
}
