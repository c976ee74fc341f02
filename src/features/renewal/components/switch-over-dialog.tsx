/**
 * "Skift til ny periode": says what will happen (memberships created from the new term's
 * first day, the current ones ended on its last day, dropped seats removed), lets the
 * coordinator name unsettled seats that start vacant, and sends it. A refusal (409) lists
 * every reason the server gave, each naming its seat. It cannot be undone, and says so.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../../components/notifications';
import type { RenewalState } from '../../../domain/renewal';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useSwitchOver } from '../api/renewal-api';
import { switchOverPlan } from '../renewal-view';

const SWITCH_RULES = ['undecided', 'unconfirmed', 'body-chair', 'person-body', 'seat-holder', 'switched-over'] as const;

export function SwitchOverDialog({ state, onClose }: { state: RenewalState; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const titleId = useId();
  const vacantId = useId();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const switchOver = useSwitchOver(state.term.id);
  const plan = switchOverPlan(state);
  const [vacant, setVacant] = useState<ReadonlySet<string>>(new Set());
  const start = formatDate(state.nextTerm.startDate, i18n.language);
  const end = formatDate(state.term.endDate, i18n.language);
  const toggle = (id: string, on: boolean) =>
    setVacant((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const confirm = () =>
    switchOver.mutate([...vacant], {
      onSuccess: (result) => {
        onClose();
        notify({ message: t('renewal.switchOver.done', { label: result.nextTerm.label, created: result.created.length, ended: result.ended.length }) });
      },
    });

  return (
    <Dialog open onClose={switchOver.isPending ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm" fullScreen={phone}>
      <DialogTitle id={titleId}>{t('renewal.switchOver.title', { label: state.nextTerm.label })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography>{t('renewal.switchOver.intro')}</Typography>
          <ul style={{ margin: 0, paddingLeft: '1.25em' }}>
            <li>{t('renewal.switchOver.created', { count: plan.created, date: start })}</li>
            <li>{t('renewal.switchOver.ended', { count: plan.ended, date: end })}</li>
            <li>{t('renewal.switchOver.dropped', { count: plan.dropped })}</li>
          </ul>
          {plan.unsettled.length > 0 && (
            <FormGroup role="group" aria-labelledby={vacantId}>
              <Typography id={vacantId} sx={{ fontWeight: 600 }}>
                {t('renewal.switchOver.vacantHeading', { count: plan.unsettled.length })}
              </Typography>
              <Typography variant="body2" color="textSecondary" sx={{ mb: 0.5 }}>
                {t('renewal.switchOver.vacantHelp')}
              </Typography>
              {plan.unsettled.map((s) => (
                <FormControlLabel
                  key={s.seat.id}
                  control={<Checkbox checked={vacant.has(s.seat.id)} onChange={(e) => toggle(s.seat.id, e.target.checked)} />}
                  label={`${s.seat.label} (${s.body.name})`}
                />
              ))}
            </FormGroup>
          )}
          <Typography variant="body2">{t('renewal.switchOver.final')}</Typography>
          {switchOver.error ? <SwitchOverProblem error={switchOver.error} state={state} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, gap: 1 }}>
        <Button onClick={onClose} disabled={switchOver.isPending}>
          {t('form.cancel')}
        </Button>
        <Button variant="contained" onClick={confirm} loading={switchOver.isPending}>
          {t('renewal.switchOver.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function SwitchOverProblem({ error, state }: { error: unknown; state: RenewalState }) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : null;
  const conflicts = problem?.conflicts ?? [];
  const label = (id: string, summary: string | undefined) => state.seats.find((s) => s.seat.id === id)?.seat.label ?? summary ?? id;
  const ruleText = (rule: string) =>
    (SWITCH_RULES as readonly string[]).includes(rule)
      ? t(`renewal.switchOver.rules.${rule as (typeof SWITCH_RULES)[number]}`)
      : t('conflict.other');
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{t('renewal.switchOver.refused')}</AlertTitle>
      {conflicts.length === 0 ? (
        error instanceof ApiError && error.status === 0 ? t('problem.network') : (problem?.detail ?? t('problem.server'))
      ) : (
        <ul style={{ margin: '4px 0 0', paddingLeft: '1.25em' }}>
          {conflicts.map((c, i) => (
            <li key={`${c.rule}-${c.id}-${i}`}>{`${ruleText(c.rule)}: ${label(c.id, c.summary)}`}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
