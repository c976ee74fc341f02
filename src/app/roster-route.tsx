/**
 * The roster page with the membership actions on each row: the roster feature renders a
 * column through its `rowActions` prop, and the memberships feature fills it, so neither
 * feature imports the other.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MembershipRowActions } from '../features/memberships/components/membership-row-actions';
import { RosterPage } from '../features/roster/components/roster-page';
import type { RosterRowActions } from '../features/roster/components/roster-table';
import { useCan } from '../lib/session';

export function RosterRoute() {
  const { t } = useTranslation();
  const canWrite = useCan('roster:write');
  const rowActions = useMemo<RosterRowActions>(
    () => ({
      label: t('memberships.actions.column'),
      render: (entry, asOf) => (
        <MembershipRowActions entry={entry} asOf={asOf} menuLabel={t('memberships.actions.menu', { seat: entry.seat.label })} />
      ),
    }),
    [t],
  );
  // Viewers and coordinators see the roster without the actions column (they may not write it).
  return <RosterPage rowActions={canWrite ? rowActions : undefined} />;
}
