/**
 * The dashboard's latest changes (GET /api/audit), newest first, in words: "Ændret person:
 * Tanja Nyborg", when and by whom, with a link to the record unless it was deleted.
 */
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DashboardCard } from '../../../components/dashboard-card';
import { ErrorState } from '../../../components/error-state';
import { AppLink, recordHref } from '../../../components/record-link';
import { visuallyHidden } from '../../../components/visually-hidden';
import type { AuditEvent } from '../../../domain/schemas';
import { auditQueries } from '../../../lib/audit';
import { formatDateTime } from '../../../lib/format';
import { personQueries } from '../../../lib/resources';

const LIMIT = 10;
const ENTITIES = ['terms', 'bodies', 'organizations', 'people', 'seats', 'memberships', 'renewals', 'nominations'] as const;

function actorText(t: TFunction, actor: string): string {
  if (actor === 'system') return t('history.actorSystem');
  if (actor === 'anonymous') return t('history.actorAnonymous');
  return actor;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

export function RecentChangesCard() {
  const { t, i18n } = useTranslation();
  const audit = useQuery(auditQueries.recent({ limit: LIMIT }));
  const personIds = [
    ...new Set(
      (audit.data?.rows ?? [])
        .filter((e) => e.entity === 'memberships')
        .map((e) => str((e.after ?? e.before)?.personId))
        .filter((id): id is string => id !== undefined),
    ),
  ];
  const people = useQueries({ queries: personIds.map((id) => ({ ...personQueries.detail(id), retry: false })) });
  const personName = (id: string) => people[personIds.indexOf(id)]?.data?.name;

  const recordName = (e: AuditEvent): string => {
    const r = e.after ?? e.before ?? {};
    if (e.entity === 'memberships') {
      const id = str(r.personId);
      return (id && personName(id)) ?? str(r.title) ?? '';
    }
    return str(r.name) ?? str(r.label) ?? '';
  };
  const entityText = (entity: string) =>
    (ENTITIES as readonly string[]).includes(entity) ? t(`dashboard.changes.entity.${entity as (typeof ENTITIES)[number]}`) : entity;

  let content;
  if (audit.isPending) {
    content = (
      <Box role="status">
        <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
        <Skeleton variant="rounded" height={160} />
      </Box>
    );
  } else if (audit.isError) {
    content = <ErrorState title={t('dashboard.changes.loadError')} error={audit.error} onRetry={() => void audit.refetch()} />;
  } else if (audit.data.rows.length === 0) {
    content = <Typography color="textSecondary">{t('dashboard.changes.empty')}</Typography>;
  } else {
    content = (
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {audit.data.rows.map((e) => {
          const name = recordName(e);
          // A deleted record has no page left to open.
          const href = e.action === 'delete' ? undefined : recordHref(e.entity, e.entityId);
          return (
            <Box component="li" key={e.seq} sx={{ py: 1, '&:not(:last-child)': { borderBottom: 1, borderColor: 'divider' } }}>
              <Typography sx={{ overflowWrap: 'anywhere' }}>
                <Box component="span" sx={{ fontWeight: 600 }}>
                  {t('dashboard.changes.line', { action: t(`history.action.${e.action}`), entity: entityText(e.entity) })}
                </Box>
                {name && ': '}
                {name && (href ? <AppLink href={href} underline="always">{name}</AppLink> : name)}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                {' · '}
                {t('history.by', { actor: actorText(t, e.actor) })}
              </Typography>
            </Box>
          );
        })}
      </Box>
    );
  }
  return (
    <DashboardCard
      wide
      title={t('dashboard.changes.heading')}
      aside={audit.data && audit.data.total > audit.data.rows.length ? t('dashboard.changes.shownOf', { shown: audit.data.rows.length, total: audit.data.total }) : undefined}
    >
      {content}
    </DashboardCard>
  );
}
