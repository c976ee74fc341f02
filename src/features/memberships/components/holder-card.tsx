/** The seat's holder on the as-of date with the actions on that holding, or "Ledig" with "Tildel plads". */
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordLink } from '../../../components/record-link';
import type { IsoDate } from '../../../domain/dates';
import type { Membership, Organization, Person, Seat } from '../../../domain/schemas';
import { formatDate, formatSpan } from '../../../lib/format';
import { ActionDialogs, type ActionKind } from './action-dialogs';
import { useCan } from '../../../lib/session';

interface Props {
  seat: Seat;
  membership: Membership | null;
  person: Person | null;
  organization: Organization | undefined;
  asOf: IsoDate;
}

export function HolderCard({ seat, membership, person, organization, asOf }: Props) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<ActionKind | null>(null);
  const holder = membership ? { seat, membership, person } : null;
  const canWrite = useCan('roster:write');
  const actions: ActionKind[] = !canWrite ? [] : membership ? ['change', 'replace', 'end'] : ['assign'];

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 2.5 } }}>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ justifyContent: 'space-between', gap: 2 }}>
        {membership ? (
          <Stack spacing={0.5} sx={{ minWidth: 0 }}>
            <Typography sx={{ fontWeight: 600, fontSize: '1.125rem' }}>
              <RecordLink entity="person" id={membership.personId}>
                {person?.name ?? t('common.loading')}
              </RecordLink>
            </Typography>
            <Typography>
              {[t(`role.${membership.role}`), membership.title, organization?.name].filter(Boolean).join(' · ')}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {formatSpan(membership.startDate, membership.endDate, i18n.language)}
            </Typography>
          </Stack>
        ) : (
          <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Chip label={t('seat.holder.vacantLabel')} color="warning" variant="outlined" size="small" />
            <Typography>{t('seat.holder.vacant', { date: formatDate(asOf, i18n.language) })}</Typography>
          </Stack>
        )}
        <Stack
          direction="row"
          sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'flex-start', alignContent: 'flex-start', displayPrint: 'none' }}
        >
          {actions.map((k) => (
            <Button key={k} variant={k === 'assign' ? 'contained' : 'outlined'} onClick={() => setKind(k)}>
              {t(`memberships.actions.${k}`)}
            </Button>
          ))}
        </Stack>
      </Stack>
      <ActionDialogs kind={kind} seat={seat} holder={holder} asOf={asOf} onClose={() => setKind(null)} />
    </Paper>
  );
}
