/**
 * The signed-in user in the app bar: a button with their name opens a small panel with the
 * name, e-mail and role in words, the user administration (admins) and "Log ud".
 */
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import LogoutIcon from '@mui/icons-material/Logout';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { useCan, useSession } from '../../../lib/session';
import { useSignOut } from '../api/session-api';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const canManageUsers = useCan('users:manage');
  const signOut = useSignOut();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const panelId = useId();
  const titleId = useId();
  if (!session) return null;
  const { user } = session;
  const close = () => setAnchor(null);

  return (
    <>
      {/* Below the xl breakpoint only the icon shows: the native title names the user for sighted
          users too (MUI's Tooltip would add Popper to every page's first load: the bundle budget). */}
      <Button
        title={user.name}
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-expanded={anchor !== null}
        aria-controls={anchor ? panelId : undefined}
        aria-haspopup="dialog"
        aria-label={t('session.menu.button', { name: user.name })}
        startIcon={<AccountCircleIcon />}
        sx={{ minWidth: 44, minHeight: 44, '& .MuiButton-startIcon': { mr: { xs: 0, xl: 1 }, ml: { xs: 0, xl: -0.5 } } }}
      >
        <Box component="span" sx={{ display: { xs: 'none', xl: 'inline' }, maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {user.name}
        </Box>
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { id: panelId, role: 'dialog', 'aria-labelledby': titleId, sx: { width: 280, maxWidth: 'calc(100vw - 32px)' } } as object }}
      >
        <Box sx={{ p: 2 }}>
          <Typography id={titleId} component="p" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
            {user.name}
          </Typography>
          <Typography variant="body2" color="textSecondary" sx={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Typography>
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {t('session.menu.role', { role: t(`session.roles.${user.role}`) })}
          </Typography>
        </Box>
        <Divider />
        <Stack sx={{ p: 1 }} spacing={0.5}>
          {canManageUsers && (
            <Button component={RouterLink} to="/users" onClick={close} startIcon={<ManageAccountsIcon />} sx={{ justifyContent: 'flex-start' }}>
              {t('users.nav')}
            </Button>
          )}
          <Button onClick={() => signOut.mutate()} loading={signOut.isPending} startIcon={<LogoutIcon />} sx={{ justifyContent: 'flex-start' }}>
            {t('session.menu.signOut')}
          </Button>
          {signOut.isError && <ErrorState title={t('session.menu.signOutFailed')} error={signOut.error} />}
        </Stack>
      </Popover>
    </>
  );
}
