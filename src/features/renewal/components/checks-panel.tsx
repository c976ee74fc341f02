/**
 * Every rule check over the new term, blocking ones first: what is wrong (in words, with an
 * icon, not colour alone) and the seat it is about, which opens the seat's decision.
 */
import ErrorIcon from '@mui/icons-material/ErrorOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useTranslation } from 'react-i18next';
import type { RenewalCheck, RenewalSeat } from '../../../domain/renewal';

interface Props {
  checks: RenewalCheck[];
  seats: RenewalSeat[];
  onOpenSeat: ((seat: RenewalSeat) => void) | null;
}

export function ChecksPanel({ checks, seats, onOpenSeat }: Props) {
  const { t } = useTranslation();
  if (checks.length === 0) {
    return (
      <Alert severity="success" role="status">
        {t('renewal.checks.none')}
      </Alert>
    );
  }
  const seatOf = (id: string | undefined) => (id ? seats.find((s) => s.seat.id === id) : undefined);
  const sorted = [...checks].sort((a, b) => Number(b.blocking) - Number(a.blocking));
  return (
    <List dense disablePadding aria-label={t('renewal.checks.listLabel')}>
      {sorted.map((c, i) => {
        const seat = seatOf(c.seatId);
        const other = seatOf(c.otherSeatId);
        return (
          <ListItem key={`${c.rule}-${c.seatId}-${c.otherSeatId ?? ''}-${i}`} disableGutters sx={{ alignItems: 'flex-start' }}>
            <ListItemIcon sx={{ minWidth: 32, mt: 0.5, color: c.blocking ? 'error.main' : 'text.secondary' }}>
              {c.blocking ? <ErrorIcon fontSize="small" aria-hidden /> : <InfoIcon fontSize="small" aria-hidden />}
            </ListItemIcon>
            <ListItemText
              primary={
                <>
                  <strong>{c.blocking ? t('renewal.checks.blocking') : t('renewal.checks.notice')}</strong>
                  {` ${t(`renewal.checks.rules.${c.rule}`)}: `}
                  {seat && onOpenSeat ? (
                    <Link component="button" type="button" onClick={() => onOpenSeat(seat)} sx={{ verticalAlign: 'baseline' }}>
                      {seat.seat.label}
                    </Link>
                  ) : (
                    (seat?.seat.label ?? c.summary)
                  )}
                  {other && ` ${t('renewal.checks.andSeat', { seat: other.seat.label })}`}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
