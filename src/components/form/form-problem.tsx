/**
 * A refused write, explained: field errors go next to their fields (react-hook-form's
 * setError), and this alert says what else went wrong: the conflicting records with who,
 * which seat and when, each a link; a stale version with a way to load the latest; or a
 * server or network failure.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../domain/schemas';
import { formatSpan } from '../../lib/format';
import { membershipQueries, personQueries, seatQueries } from '../../lib/resources';
import { RecordLink, recordHref } from '../record-link';
import { problemParts, validationText } from './field-error';

const KNOWN_RULES = ['seat-holder', 'body-chair', 'person-body', 'within-term', 'term-overlap', 'in-use', 'stale-version', 'last-admin', 'unique'] as const;
const ruleText = (t: TFunction, rule: string) =>
  (KNOWN_RULES as readonly string[]).includes(rule) ? t(`conflict.${rule as (typeof KNOWN_RULES)[number]}`) : t('conflict.other');

/**
 * Puts the server's field errors and conflicts on the form's fields whenever `error` changes.
 * `fields` are the form's field names as the API names them.
 */
export function useServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly Path<T>[]) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!error) return;
    const parts = problemParts(error, fields);
    for (const e of parts.fieldErrors) {
      setError(e.field as Path<T>, { type: 'server', message: validationText(t, e.code, e.message) }, { shouldFocus: true });
    }
    for (const c of parts.conflicts) {
      if (c.field && (fields as readonly string[]).includes(c.field)) {
        setError(c.field as Path<T>, { type: 'server', message: ruleText(t, c.rule) });
      }
    }
    // `fields` is a constant list per form; `t` changes only with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error, setError]);
}

export function FormProblem({ error, fields, onReload }: { error: unknown; fields: readonly string[]; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const parts = problemParts(error, fields);
  const stale = parts.conflicts.some((c) => c.rule === 'stale-version');
  const conflicts = parts.conflicts.filter((c) => c.rule !== 'stale-version');
  let message: string;
  if (stale) message = t('form.stale');
  else if (parts.status === 0) message = t('problem.network');
  else if (parts.status >= 500) message = t('problem.server');
  else if (parts.status === 403) message = t('problem.forbidden');
  else if (conflicts.length > 0) message = t('conflict.heading');
  else if (parts.fieldErrors.length > 0 && parts.otherErrors.length === 0) message = t('form.checkFields');
  else message = parts.problem?.detail ?? t('problem.server');

  return (
    <Alert
      severity="error"
      role="alert"
      action={
        stale && onReload ? (
          <Button color="inherit" size="small" onClick={onReload}>
            {t('form.reload')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{t('form.notSaved')}</AlertTitle>
      {message}
      {(conflicts.length > 0 || parts.otherErrors.length > 0) && (
        <ul style={{ margin: '4px 0 0', paddingLeft: '1.25em' }}>
          {conflicts.map((c) => (
            <li key={`${c.rule}-${c.id}-${c.field ?? ''}`}>
              <ConflictItem conflict={c} />
            </li>
          ))}
          {parts.otherErrors.map((e) => (
            <li key={e.field}>{`${e.field}: ${validationText(t, e.code, e.message)}`}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** One conflicting record: for a membership, who holds which seat when; else the server's summary. */
function ConflictItem({ conflict }: { conflict: Conflict }) {
  const { t, i18n } = useTranslation();
  const isMembership = conflict.entity === 'membership';
  const membership = useQuery({ ...membershipQueries.detail(conflict.id), enabled: isMembership });
  const personId = membership.data?.personId;
  const seatId = membership.data?.seatId;
  const person = useQuery({ ...personQueries.detail(personId ?? ''), enabled: personId !== undefined });
  const seat = useQuery({ ...seatQueries.detail(seatId ?? ''), enabled: seatId !== undefined });
  const rule = ruleText(t, conflict.rule);

  if (isMembership && membership.data) {
    const m = membership.data;
    const who = person.data?.name;
    return (
      <>
        {`${rule}: `}
        {who && personId ? (
          <RecordLink entity="person" id={personId}>
            {who}
          </RecordLink>
        ) : null}
        {`${who ? ', ' : ''}${seat.data?.label ?? ''}${seat.data ? ', ' : ''}${formatSpan(m.startDate, m.endDate, i18n.language)}`}
      </>
    );
  }
  // A record without a page of its own (a user) and without a summary: the rule says it all.
  if (!recordHref(conflict.entity, conflict.id) && !conflict.summary) return <>{rule}</>;
  return (
    <>
      {`${rule}: `}
      <RecordLink entity={conflict.entity} id={conflict.id}>
        {conflict.summary ?? t('conflict.open')}
      </RecordLink>
    </>
  );
}
