/**
 * The new term's seats of one body: seat (a link to it), nominating organisation and sector,
 * current holder and title, the decision, where the nomination stands, the nominee and the
 * due date. An overdue request says so in words and with an icon, not by colour alone. Rows
 * have a checkbox for the bulk actions and "Beslut"/"Ret" for the seat's decision. On a phone
 * the row folds into its first cell.
 */
import WarningIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import { decisionNamesPerson, type RenewalSeat } from '../../../domain/renewal';
import { formatDate } from '../../../lib/format';
import { seatSector } from '../renewal-view';

const onDesktop = { display: { xs: 'none', md: 'table-cell' } } as const;
const onPhone = { display: { xs: 'block', md: 'none' } } as const;

interface Props {
  body: RenewalSeat['body'];
  seats: RenewalSeat[];
  /** Null after the switch-over: the table is then read-only. */
  selection: { selected: ReadonlySet<string>; toggle: (ids: string[], on: boolean) => void } | null;
  onDecide: ((seat: RenewalSeat) => void) | null;
}

export function RenewalSeatsTable({ body, seats, selection, onDecide }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const ids = seats.map((s) => s.seat.id);
  const chosen = selection ? ids.filter((id) => selection.selected.has(id)).length : 0;

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography component="h3" variant="h2" id={headingId} sx={{ fontSize: '1.05rem', mb: 1 }}>
        {body.name}
        <Typography component="span" color="textSecondary" sx={{ ml: 1, fontSize: '0.9rem', fontWeight: 400 }}>
          {t('renewal.table.seatCount', { count: seats.length })}
        </Typography>
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-labelledby={headingId} sx={{ tableLayout: { md: 'fixed' } }}>
          <TableHead>
            <TableRow>
              {selection && (
                <TableCell padding="checkbox" sx={{ displayPrint: 'none', width: 52 }}>
                  <Checkbox
                    checked={chosen > 0 && chosen === ids.length}
                    indeterminate={chosen > 0 && chosen < ids.length}
                    onChange={(e) => selection.toggle(ids, e.target.checked)}
                    slotProps={{ input: { 'aria-label': t('renewal.table.selectAllIn', { body: body.name }) } }}
                  />
                </TableCell>
              )}
              <TableCell sx={{ width: { md: '20%' } }}>{t('renewal.table.seat')}</TableCell>
              <TableCell sx={{ ...onDesktop, width: '13%' }}>{t('renewal.table.sector')}</TableCell>
              <TableCell sx={{ ...onDesktop, width: '20%' }}>{t('renewal.table.holder')}</TableCell>
              <TableCell sx={{ ...onDesktop, width: '15%' }}>{t('renewal.table.decision')}</TableCell>
              <TableCell sx={{ ...onDesktop, width: '15%' }}>{t('renewal.table.nominee')}</TableCell>
              <TableCell sx={{ ...onDesktop, width: '17%' }}>{t('renewal.table.dueDate')}</TableCell>
              {onDecide && (
                <TableCell sx={{ displayPrint: 'none', width: { xs: 72, md: 96 } }}>
                  <Box component="span" sx={visuallyHidden}>
                    {t('renewal.table.actions')}
                  </Box>
                </TableCell>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {seats.map((s) => (
              <SeatRow key={s.seat.id} seat={s} selection={selection} onDecide={onDecide} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}

function SeatRow({ seat: s, selection, onDecide }: { seat: RenewalSeat; selection: Props['selection']; onDecide: Props['onDecide'] }) {
  const { t } = useTranslation();
  const sector = seatSector(s);
  const holder = s.currentHolder;
  const decided = s.nomination !== null;
  const selected = selection?.selected.has(s.seat.id) ?? false;
  const org = s.nominatingOrganization?.name;

  const decisionCell = <DecisionText seat={s} />;
  const sameAsHolder = s.nominee !== null && s.nominee.id === holder?.person.id;
  const nomineeCell = sameAsHolder ? (
    <Typography component="span" variant="body2" color="textSecondary">
      {t('renewal.table.samePerson')}
    </Typography>
  ) : s.nominee ? (
    <AppLink href={recordHref('person', s.nominee.id) ?? '/people'}>{s.nominee.name}</AppLink>
  ) : s.nomination && decisionNamesPerson(s.nomination.decision) ? (
    <Typography component="span" variant="body2" color="textSecondary">
      {t('renewal.table.noNominee')}
    </Typography>
  ) : null;
  const dueCell = <DueDate seat={s} />;

  return (
    <TableRow id={`seat-${s.seat.id}`} selected={selected} sx={{ verticalAlign: 'top' }}>
      {selection && (
        <TableCell padding="checkbox" sx={{ displayPrint: 'none' }}>
          <Checkbox
            checked={selected}
            onChange={(e) => selection.toggle([s.seat.id], e.target.checked)}
            slotProps={{ input: { 'aria-label': t('renewal.table.select', { seat: s.seat.label }) } }}
          />
        </TableCell>
      )}
      <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
        <div>
          <AppLink href={recordHref('seat', s.seat.id) ?? '/terms'}>{s.seat.label}</AppLink>
        </div>
        {org && !s.seat.label.startsWith(org) && (
          <Typography variant="body2" color="textSecondary" sx={{ fontWeight: 400 }}>
            {t('renewal.table.nominatedByName', { name: org })}
          </Typography>
        )}
        {/* On a phone, the other columns read as lines under the seat. */}
        <Box sx={{ ...onPhone, fontWeight: 400, mt: 0.5 }}>
          <Typography variant="body2" color="textSecondary">
            {holder ? t('renewal.table.nowHeldBy', { name: holder.person.name }) : t('renewal.table.nowVacant')}
          </Typography>
          <Typography variant="body2" component="div">
            {decisionCell}
          </Typography>
          {nomineeCell && !sameAsHolder && (
            <Typography variant="body2" component="div">
              {t('renewal.table.nominee')}: {nomineeCell}
            </Typography>
          )}
          <Typography variant="body2" component="div">
            {dueCell}
          </Typography>
        </Box>
      </TableCell>
      <TableCell sx={onDesktop}>{t(`sector.${sector ?? 'none'}`)}</TableCell>
      <TableCell sx={onDesktop}>
        {holder ? (
          <>
            <AppLink href={recordHref('person', holder.person.id) ?? '/people'}>{holder.person.name}</AppLink>
            {holder.membership.title && (
              <Typography variant="body2" color="textSecondary">
                {holder.membership.title}
              </Typography>
            )}
          </>
        ) : (
          <Typography component="span" color="textSecondary">
            {t('renewal.table.nowVacant')}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={onDesktop}>{decisionCell}</TableCell>
      <TableCell sx={onDesktop}>{nomineeCell}</TableCell>
      <TableCell sx={onDesktop}>{dueCell}</TableCell>
      {onDecide && (
        <TableCell sx={{ displayPrint: 'none' }}>
          <Button
            size="small"
            variant={decided ? 'text' : 'outlined'}
            onClick={() => onDecide(s)}
            aria-label={t(decided ? 'renewal.table.editFor' : 'renewal.table.decideFor', { seat: s.seat.label })}
            sx={{ minHeight: 36 }}
          >
            {t(decided ? 'renewal.table.edit' : 'renewal.table.decide')}
          </Button>
        </TableCell>
      )}
    </TableRow>
  );
}

/** "Genudpeges · Bekræftet", "Bed om kandidat · Anmodet", or "Ikke besluttet" in words. */
function DecisionText({ seat: s }: { seat: RenewalSeat }) {
  const { t } = useTranslation();
  const n = s.nomination;
  if (!n) {
    return (
      <Typography component="span" variant="body2" sx={{ fontStyle: 'italic' }}>
        {t('renewal.table.undecided')}
      </Typography>
    );
  }
  return (
    <span>
      {t(`renewal.decisionsShort.${n.decision}`)}
      {decisionNamesPerson(n.decision) && (
        <Typography component="span" variant="body2" color={s.settled ? 'text.secondary' : 'text.primary'} sx={{ display: { xs: 'inline', md: 'block' }, fontWeight: s.settled ? 400 : 500 }}>
          <Box component="span" sx={{ display: { md: 'none' } }}>
            {' · '}
          </Box>
          {t(`renewal.statuses.${n.status}`)}
        </Typography>
      )}
    </span>
  );
}

function DueDate({ seat: s }: { seat: RenewalSeat }) {
  const { t, i18n } = useTranslation();
  const due = s.nomination?.dueDate;
  if (!due) return null;
  const date = formatDate(due, i18n.language);
  if (!s.overdue) return <span>{t('renewal.table.dueOn', { date })}</span>;
  return (
    <Stack component="span" direction="row" spacing={0.5} sx={{ display: 'inline-flex', alignItems: 'center', color: 'error.main', fontWeight: 600 }}>
      <WarningIcon fontSize="small" aria-hidden />
      <span>{t('renewal.table.overdue', { date })}</span>
    </Stack>
  );
}
