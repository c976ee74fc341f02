/**
 * "/": the dashboard with the renewal reminder above its cards. The reminder shows itself
 * only within the reminder period before the current term ends (GET /api/settings), so the
 * dashboard feature needs to know nothing about renewals.
 */
import { DashboardPage } from '../features/dashboard/components/dashboard-page';
import { RenewalReminderCard } from '../features/renewal/components/renewal-reminder-card';

export function DashboardRoute() {
  return <DashboardPage banner={<RenewalReminderCard />} />;
}
