/**
 * "Historik": the person's record as the audit trail tells it (GET /api/audit), newest first:
 * when, by whom, and for a change which fields went from what to what. A page of events at a
 * time, with the total shown and "Vis flere" for the rest. Seats over time are in the timeline.
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
import { ErrorState } from '../../../components/error-state';
import { auditQueries, type AuditEvent } from '../api/audit-queries';
import { PERSON_FIELDS } from '../api/person-writes';

const PAGE = 10;

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
  if (actor === 'system') return t('people.history.actorSystem');
  if (actor === 'anonymous') return t('people.history.actorAnonymous');
  return actor;
}

type Field = (typeof PERSON_FIELDS)[number];
const show = (v: unknown) => (typeof v === 'string' ? v : '');

/** The person's fields that an update changed, with the values before and after. */
function changes(event: AuditEvent): { field: Field; before: string; after: string }[] {
  if (event.action !== 'update' || !event.before || !event.after) return [];
  return PERSON_FIELDS.flatMap((field) => {
    const before = show(event.before?.[field]);
    const after = show(event.after?.[field]);
    return before === after ? [] : [{ field, before, after }];
  });
}

export function PersonHistory({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [limit, setLimit] = useState(PAGE);
  const audit = useQuery(auditQueries.record({ entity: 'people', entityId: personId, limit }));
  const empty = <Typography component="span" color="text.secondary">{t('people.history.emptyValue')}</Typography>;

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1, mb: 1.5 }}>
        <Typography variant="h2" id={headingId}>
          {t('people.history.heading')}
        </Typography>
        {audit.data && (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {t('people.history.count', { count: audit.data.total })}
          </Typography>
        )}
      </Stack>
      {audit.isPending ? (
        <Skeleton variant="rounded" height={72} />
      ) : audit.isError && !audit.data ? (
        <ErrorState title={t('people.history.loadError')} error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.rows.length === 0 ? (
        <Typography color="text.secondary">{t('people.history.empty')}</Typography>
      ) : (
        <Paper variant="outlined" sx={{ px: { xs: 2, sm: 2.5 }, py: 1 }}>
          <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {audit.data.rows.map((event) => {
              const changed = changes(event);
              return (
                <Box
                  component="li"
                  key={event.seq}
                  sx={{ py: 1.25, '&:not(:last-child)': { borderBottom: 1, borderColor: 'divider' } }}
                >
                  <Typography>
                    <Box component="span" sx={{ fontWeight: 600 }}>
                      {t(`people.history.action.${event.action}`)}
                    </Box>
                    {' · '}
                    <time dateTime={event.at}>{formatTime(event.at, i18n.language)}</time>
                    {' · '}
                    {t('people.history.by', { actor: actorText(t, event.actor) })}
                  </Typography>
                  {changed.length > 0 && (
                    <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
                      {changed.map((c) => (
                        <Typography component="li" variant="body2" key={c.field} sx={{ overflowWrap: 'anywhere' }}>
                          {`${t(`people.fields.${c.field}`)}: `}
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
              <Button variant="outlined" onClick={() => setLimit((n) => n + PAGE)} loading={audit.isFetching}>
                {t('people.history.more')}
              </Button>
              <Typography variant="body2" color="text.secondary">
                {t('people.history.shown', { shown: audit.data.rows.length, total: audit.data.total })}
              </Typography>
            </Stack>
          )}
        </Paper>
      )}
    </Box>
  );
}
