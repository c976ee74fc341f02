/** A term's status, derived from its dates and today: "Planlagt", "Aktuel" or "Afsluttet", in words (not colour alone). */
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../domain/dates';
import { termStatus } from '../../../domain/rules';
import type { Term } from '../../../domain/schemas';

const LOOK = {
  planned: { color: 'primary', variant: 'outlined' },
  current: { color: 'success', variant: 'filled' },
  ended: { color: 'default', variant: 'outlined' },
} as const;

export function TermStatusChip({ term, today }: { term: Pick<Term, 'startDate' | 'endDate'>; today: IsoDate }) {
  const { t } = useTranslation();
  const status = termStatus(term, today);
  return <Chip size="small" label={t(`terms.status.${status}`)} {...LOOK[status]} />;
}
