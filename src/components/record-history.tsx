/**
 * "Historik": a record as the audit trail tells it (GET /api/audit), newest first: when, by
 * whom, and for a change which of the given fields went from what to what. A page of events
 * at a time, with the total shown and "Vis flere" for the rest.
 *
 * Values are shown as text: strings as they are, lists joined with ", ", and anything else
 * (ids, codes) through `formatValue`, which the page gives to turn an organisation id into its
 * name or a sector code into its translation.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../domain/schemas';
import { auditQueries, HISTORY_PAGE, type AuditEntity } from '../lib/audit';
import { ErrorState } from './error-state';
import { visuallyHidden } from './visually-hidden';

export interface HistoryField {
  key: string;
  label: string;
}

export interface RecordHistoryProps {
  entity: AuditEntity;
  entityId: string;
  /** The fields whose changes are listed, in this order; other fields are not shown. */
  fields: readonly HistoryField[];
  /** A field's value as text; '' reads as "(tom)". Defaults to {@link defaultValueText}. */
  formatValue?: (key: string, value: unknown) => string;
  /** The section's heading; "Historik" unless the page has another section of that name. */
  heading?: string;
}

/** Strings as they are, lists joined with ", ", numbers as digits, nothing as ''. */
export function defaultValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(defaultValueText).filter(Boolean).join(', ');
  return '';
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** "27. november 2026 kl. 14.05" / "27 November 2026 at 14:05", in Danish time. */
function formatTime(iso: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  let f = timeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
    timeFormats.set(locale, f);
  }
  return f.format(new Date(iso));
}

function actorText(t: TFunction, actor: string): string {
  if (actor === 'system') return t('history.actorSystem');
  if (actor === 'anonymous') return t('history.actorAnonymous');
  return actor;
}

/** The fields that an update changed, with the values before and after as text. */
function changes(
  event: AuditEvent,
  fields: readonly HistoryField[],
  text: (key: string, value: unknown) => string,
): { field: HistoryField; before: string; after: string }[] {
  if (event.action !== 'update' || !event.before || !event.after) return [];
  return fields.flatMap((field) => {
    const before = text(field.key, event.before?.[field.key]);
    const after = text(field.key, event.after?.[field.key]);
    return before === after ? [] : [{ field, before, after }];
  });
}

export function RecordHistory({ entity, entityId, fields, formatValue, heading }: RecordHistoryProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const audit = useQuery(auditQueries.record({ entity, entityId, limit }));
  const text = (key: string, value: unknown) =>
    value === null || value === undefined ? '' : formatValue ? formatValue(key, value) : defaultValueText(value);
  const empty = (
    <Typography component="span" variant="inherit" color="textSecondary">
      {t('history.emptyValue')}
    </Typography>
  );

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1, mb: 1.5 }}>
        <Typography variant="h2" id={headingId}>
          {heading ?? t('history.heading')}
        </Typography>
        {audit.data && (
          <Typography variant="body2" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
            {t('history.count', { count: audit.data.total })}
          </Typography>
        )}
      </Stack>
      {audit.isPending ? (
        <Box role="status">
          <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
          <Skeleton variant="rounded" height={72} />
        </Box>
      ) : audit.isError && !audit.data ? (
        <ErrorState title={t('history.loadError')} error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.rows.length === 0 ? (
        <Typography color="textSecondary">{t('history.empty')}</Typography>
      ) : (
        <Paper variant="outlined" sx={{ px: { xs: 2, sm: 2.5 }, py: 1 }}>
          <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {audit.data.rows.map((event) => {
              const changed = changes(event, fields, text);
              return (
                <Box
                  component="li"
                  key={event.seq}
                  sx={{ py: 1.25, '&:not(:last-child)': { borderBottom: 1, borderColor: 'divider' } }}
                >
                  <Typography>
                    <Box component="span" sx={{ fontWeight: 600 }}>
                      {t(`history.action.${event.action}`)}
                    </Box>
                    {' · '}
                    <time dateTime={event.at}>{formatTime(event.at, i18n.language)}</time>
                    {' · '}
                    {t('history.by', { actor: actorText(t, event.actor) })}
                  </Typography>
                  {changed.length > 0 && (
                    <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
                      {changed.map((c) => (
                        <Typography component="li" variant="body2" key={c.field.key} sx={{ overflowWrap: 'anywhere' }}>
                          {`${c.field.label}: `}
                          {c.before ? <del>{c.before}</del> : empty}
                          {' → '}
                          {c.after ? <ins style={{ textDecoration: 'none', fontWeight: 600 }}>{c.after}</ins> : empty}
                        </Typography>
                      ))}
                    </Box>
                  )}
                </Box>
              );
            })}
          </Box>
          {audit.data.total > audit.data.rows.length && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', py: 1 }}>
              <Button variant="outlined" onClick={() => setLimit((n) => n + HISTORY_PAGE)} loading={audit.isFetching}>
                {t('history.more')}
              </Button>
              <Typography variant="body2" color="textSecondary">
                {t('history.shown', { shown: audit.data.rows.length, total: audit.data.total })}
              </Typography>
            </Stack>
          )}
        </Paper>
      )}
    </Box>
  );
}
