/**
 * On a term's page: "Forbered næste periode" for the latest term while no renewal from it
 * exists; once one exists, a link to its workspace ("Fornyelse 2022-2025"). The new term a
 * renewal prepares links back to the workspace of the renewal that created it.
 */
import AutorenewIcon from '@mui/icons-material/Autorenew';
import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../domain/dates';
import type { Term } from '../../../domain/schemas';
import { ApiError } from '../../../lib/api-client';
import { termQueries } from '../../../lib/resources';
import { renewalQueries } from '../api/renewal-api';
import { LinkButton } from '../../../components/record-link';
import { renewalHref } from './renewal-href';
import { StartRenewalDialog } from './start-renewal-dialog';
import { useCan } from '../../../lib/session';

const notFound = (error: unknown) => error instanceof ApiError && error.status === 404;

export function RenewalTermAction({ term }: { term: Term }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const canPlan = useCan('renewal:write');
  const terms = useQuery(termQueries.list({ sort: '-startDate' }));
  const state = useQuery(renewalQueries.state(term.id));
  const previous = terms.data?.find((other) => other.endDate === addDays(term.startDate, -1));
  const previousState = useQuery({ ...renewalQueries.state(previous?.id ?? ''), enabled: previous !== undefined });

  const dialog = open && <StartRenewalDialog term={term} onClose={() => setOpen(false)} />;
  if (state.data && !notFound(state.error)) {
    return (
      <>
        {dialog}
        <LinkButton href={renewalHref(term.id)} variant="contained" startIcon={<AutorenewIcon />}>
          {t('renewal.termAction.open', { label: state.data.nextTerm.label })}
        </LinkButton>
      </>
    );
  }
  if (previous && previousState.data?.renewal.toTermId === term.id) {
    return (
      <LinkButton href={renewalHref(previous.id)} variant="outlined" startIcon={<AutorenewIcon />}>
        {t('renewal.termAction.openFrom', { label: previous.label })}
      </LinkButton>
    );
  }
  const latest = terms.data?.every((other) => other.startDate <= term.startDate) ?? false;
  const previousSettled = previous === undefined || !previousState.isPending;
  if (!canPlan || !latest || !notFound(state.error) || !previousSettled) return null;
  return (
    <>
      {dialog}
      <Button variant="contained" startIcon={<AutorenewIcon />} onClick={() => setOpen(true)}>
        {t('renewal.termAction.start')}
      </Button>
    </>
  );
}
