/** Seats per sector in the current term and in the new one, side by side, with the difference. */
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { RenewalState } from '../../../domain/renewal';
import { SECTORS } from '../../../domain/schemas';

const ROWS = [...SECTORS, 'none', 'vacant'] as const;

export function BalanceTable({ state, labelledBy }: { state: RenewalState; labelledBy: string }) {
  const { t } = useTranslation();
  const { current, next } = state.balance;
  const diff = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ maxWidth: 640 }}>
      <Table size="small" aria-labelledby={labelledBy}>
        <TableHead>
          <TableRow>
            <TableCell>{t('renewal.balance.sector')}</TableCell>
            <TableCell align="right">{state.term.label}</TableCell>
            <TableCell align="right">{state.nextTerm.label}</TableCell>
            <TableCell align="right">{t('renewal.balance.change')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ROWS.map((row) => (
            <TableRow key={row}>
              <TableCell component="th" scope="row">
                {row === 'vacant' ? t('renewal.balance.vacant') : t(`sector.${row}`)}
              </TableCell>
              <TableCell align="right">{current[row]}</TableCell>
              <TableCell align="right">{next[row]}</TableCell>
              <TableCell align="right">{diff(next[row] - current[row])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
