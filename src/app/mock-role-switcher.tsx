/**
 * Mock mode only (`npm run dev` with the in-browser backend): pick the role the mock backend
 * signs requests in as, to demo what each role sees. The shell loads this file only under
 * import.meta.env.DEV, through a dynamic import, so `vite build` leaves it (and mocks/) out.
 */
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMockRole, setMockRole } from '../../mocks/backend';
import { USER_ROLES, type UserRole } from '../domain/auth';

const SIGNED_OUT = 'signed-out';

export default function MockRoleSwitcher() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [role, setRole] = useState<UserRole | null>(() => getMockRole());

  const change = async (value: string) => {
    const next = value === SIGNED_OUT ? null : (value as UserRole);
    setMockRole(next);
    setRole(next);
    // Everything cached was fetched as the previous role: fetch it again (the session too), and
    // let the route guard look again (signed out: to /sign-in).
    await queryClient.resetQueries();
    await router.invalidate();
  };

  return (
    <TextField
      select
      size="small"
      label={t('app.mockRole')}
      value={role ?? SIGNED_OUT}
      onChange={(e) => void change(e.target.value)}
      sx={{ minWidth: 150, '& .MuiInputBase-root': { bgcolor: 'background.paper' } }}
    >
      {USER_ROLES.map((r) => (
        <MenuItem key={r} value={r}>
          {t(`session.roles.${r}`)}
        </MenuItem>
      ))}
      <MenuItem value={SIGNED_OUT}>{t('app.mockSignedOut')}</MenuItem>
    </TextField>
  );
}
