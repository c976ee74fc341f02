/**
 * The seats of one body in a term: name (a link to the seat), nominating organisation,
 * reserved sector and the holder on the as-of date, or "Ledig"; with edit and remove per seat
 * and "Tilføj plads" for the body. Holders come from GET /api/roster for the body and date.
 */
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { IsoDate } from '../../../domain/dates';
import type { Body, RosterEntry, Seat, Term } from '../../../domain/schemas';
import { bodyRosterQuery } from '../../../lib/body-roster';
import { organizationQueries } from '../../../lib/resources';
import { useCan } from '../../../lib/session';

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;
const WIDTHS = { seat: '26%', nominatedBy: '24%', sector: '16%', holder: '24%', actions: 104 } as const;

interface Props {
  body: Body;
  /** 0 for the council, 1 for a forum under it. */
  depth: number;
  term: Term;
  asOf: IsoDate;
  onAdd: () => void;
  onEdit: (seat: Seat) => void;
  onRemove: (seat: Seat) => void;
}

export function BodySeatsTable({ body, depth, term, asOf, onAdd, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const canWrite = useCan('roster:write');
  const headingId = useId();
  const roster = useQuery(bodyRosterQuery({ bodyId: body.id, asOf }));
  const entries = roster.data?.term?.id === term.id ? roster.data.entries : roster.data ? [] : undefined;

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ pl: { md: depth * 3 } }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography component="h3" variant="h2" id={headingId} sx={{ fontSize: '1rem' }}>
            <AppLink href={recordHref('body', body.id) ?? '/bodies'}>{body.name}</AppLink>
          </Typography>
          {entries && (
            <Typography variant="body2" color="textSecondary">
              {t('seats.count', { count: entries.length })}
            </Typography>
          )}
        </Stack>
        {canWrite && (
          <Button
            size="small"
            startIcon={<AddIcon />}
            onClick={onAdd}
            aria-label={t('seats.addIn', { body: body.name })}
            sx={{ displayPrint: 'none' }}
          >
            {t('seats.add')}
          </Button>
        )}
      </Stack>
      {roster.isError && !roster.data ? (
        <ErrorState title={t('seats.loadError')} error={roster.error} onRetry={() => void roster.refetch()} />
      ) : !entries ? (
        <Skeleton variant="rounded" height={72} />
      ) : entries.length === 0 ? (
        <Typography color="textSecondary" sx={{ py: 1 }}>
          {t('seats.noSeats', { body: body.name, term: term.label })}
        </Typography>
      ) : (
        <SeatsTable headingId={headingId} entries={entries} asOf={asOf} onEdit={onEdit} onRemove={onRemove} />
      )}
    </Box>
  );
}

function SeatsTable({
  headingId,
  entries,
  asOf,
  onEdit,
  onRemove,
}: {
  headingId: string;
  entries: RosterEntry[];
  asOf: IsoDate;
  onEdit: (seat: Seat) => void;
  onRemove: (seat: Seat) => void;
}) {
  const { t } = useTranslation();
  const canWrite = useCan('roster:write');
  const organizations = useQuery(organizationQueries.list());
  const orgName = (id: string | null) => (id ? organizations.data?.find((o) => o.id === id)?.name : undefined);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-labelledby={headingId} sx={{ tableLayout: { md: 'fixed' } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: { md: WIDTHS.seat } }}>{t('seats.columns.seat')}</TableCell>
            <TableCell sx={{ ...hideOnPhone, width: WIDTHS.nominatedBy }}>{t('seats.columns.nominatedBy')}</TableCell>
            <TableCell sx={{ ...hideOnPhone, width: WIDTHS.sector }}>{t('seats.columns.sector')}</TableCell>
            <TableCell sx={{ ...hideOnPhone, width: WIDTHS.holder }}>{t('seats.columns.holder')}</TableCell>
            {canWrite && (
              <TableCell sx={{ width: WIDTHS.actions, displayPrint: 'none' }}>
                <Typography component="span" sx={visuallyHidden}>
                  {t('seats.columns.actions')}
                </Typography>
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map(({ seat, person }) => {
            const nominator = orgName(seat.nominatingOrganizationId);
            const sector = seat.reservedSector ? t(`sector.${seat.reservedSector}`) : undefined;
            const holder = person ? (
              <AppLink href={recordHref('person', person.id) ?? ''}>{person.name}</AppLink>
            ) : (
              <Chip label={t('seats.vacant')} size="small" variant="outlined" sx={{ borderColor: 'warning.main', fontWeight: 600 }} />
            );
            return (
              <TableRow key={seat.id}>
                <TableCell component="th" scope="row" sx={{ overflowWrap: 'break-word' }}>
                  {/* A block of its own: the link is not "in a text block" with the phone details. */}
                  <Box component="span" sx={{ display: 'block' }}>
                    <AppLink href={`${recordHref('seat', seat.id) ?? ''}?asOf=${asOf}`}>{seat.label}</AppLink>
                  </Box>
                  {/* On a phone, the hidden columns go under the name. */}
                  <Typography component="span" variant="body2" sx={{ display: { xs: 'block', md: 'none' }, color: 'text.secondary' }}>
                    {[nominator, sector].filter(Boolean).join(' · ')}
                  </Typography>
                  <Typography component="span" variant="body2" sx={{ display: { xs: 'block', md: 'none' }, mt: 0.5 }}>
                    {holder}
                  </Typography>
                </TableCell>
                <TableCell sx={{ ...hideOnPhone, overflowWrap: 'break-word' }}>{nominator ?? t('seats.none')}</TableCell>
                <TableCell sx={hideOnPhone}>{sector ?? t('seats.none')}</TableCell>
                <TableCell sx={{ ...hideOnPhone, overflowWrap: 'break-word' }}>{holder}</TableCell>
                {canWrite && (
                  <TableCell sx={{ displayPrint: 'none', py: 0, whiteSpace: 'nowrap' }} align="right">
                    <Tooltip title={t('seats.editSeat', { seat: seat.label })}>
                      <IconButton aria-label={t('seats.editSeat', { seat: seat.label })} onClick={() => onEdit(seat)}>
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={t('seats.removeSeat', { seat: seat.label })}>
                      <IconButton aria-label={t('seats.removeSeat', { seat: seat.label })} onClick={() => onRemove(seat)}>
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
