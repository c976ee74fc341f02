/**
 * /users (admins): who can sign in, with which role, whether they are active and when they
 * last signed in. Create a user, change name/e-mail/role, set a new password, disable or
 * enable. Users are never deleted, so the audit trail keeps its actors.
 */
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { visuallyHidden } from '../../../components/visually-hidden';
import { USER_ROLES, type User } from '../../../domain/auth';
import { useCan, useSession } from '../../../lib/session';
import { userQueries } from '../api/user-api';
import { CreateUserDialog, DisableUserDialog, EditUserDialog, PasswordDialog } from './user-dialogs';

type Open = { kind: 'create' } | { kind: 'edit' | 'password' | 'disable'; user: User } | null;

const hideOnPhone = { display: { xs: 'none', md: 'table-cell' } } as const;

/** "1. juni 2019" in Danish time. */
function formatDay(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(iso));
}

export function UsersPage() {
  const { t } = useTranslation();
  const allowed = useCan('users:manage');
  const [open, setOpen] = useState<Open>(null);
  const users = useQuery({ ...userQueries.list(), enabled: allowed });
  const close = () => setOpen(null);

  if (!allowed) {
    return (
      <Stack spacing={3}>
        <PageHeader title={t('users.title')} />
        <Alert severity="warning">{t('users.forbidden')}</Alert>
      </Stack>
    );
  }

  return (
    <Stack spacing={3}>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setOpen({ kind: 'create' })}>
            {t('users.new')}
          </Button>
        }
      />

      {users.isPending ? (
        <Stack spacing={1} role="status" aria-live="polite">
          <Typography sx={visuallyHidden}>{t('common.loading')}</Typography>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} variant="rounded" height={44} />
          ))}
        </Stack>
      ) : users.isError ? (
        <ErrorState title={t('users.loadError')} error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Stack spacing={1.5}>
          <Typography role="status" sx={{ fontWeight: 500 }}>
            {t('users.count', { count: users.data.length })}
          </Typography>
          <Paper variant="outlined">
            <UsersTable rows={users.data} onOpen={setOpen} />
          </Paper>
          <RolesExplained />
        </Stack>
      )}

      {open?.kind === 'create' && <CreateUserDialog onClose={close} />}
      {open?.kind === 'edit' && <EditUserDialog user={open.user} onClose={close} />}
      {open?.kind === 'password' && <PasswordDialog user={open.user} onClose={close} />}
      {open?.kind === 'disable' && <DisableUserDialog user={open.user} onClose={close} />}
    </Stack>
  );
}

function UsersTable({ rows, onOpen }: { rows: readonly User[]; onOpen: (open: Open) => void }) {
  const { t, i18n } = useTranslation();
  const me = useSession()?.user.id;
  return (
    <TableContainer>
      <Table size="small" aria-label={t('users.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('users.columns.name')}</TableCell>
            <TableCell sx={hideOnPhone}>{t('users.columns.email')}</TableCell>
            <TableCell sx={hideOnPhone}>{t('users.columns.role')}</TableCell>
            <TableCell sx={hideOnPhone}>{t('users.columns.status')}</TableCell>
            <TableCell sx={hideOnPhone}>{t('users.columns.lastSignIn')}</TableCell>
            <TableCell align="right">
              <Typography component="span" sx={visuallyHidden}>
                {t('users.columns.actions')}
              </Typography>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((u) => (
            <TableRow key={u.id} hover>
              <TableCell component="th" scope="row">
                <Typography component="span" sx={{ fontWeight: 600, overflowWrap: 'break-word' }}>
                  {u.name}
                </Typography>
                {u.id === me && (
                  <Typography component="span" variant="body2" color="textSecondary">
                    {` (${t('users.you')})`}
                  </Typography>
                )}
                {/* On a phone, the hidden columns go under the name. */}
                <Typography component="span" variant="body2" color="textSecondary" sx={{ display: { xs: 'block', md: 'none' }, overflowWrap: 'anywhere' }}>
                  {u.email}
                </Typography>
                <Typography component="span" variant="body2" sx={{ display: { xs: 'block', md: 'none' } }}>
                  {[t(`session.roles.${u.role}`), u.disabled ? t('users.status.disabled') : null].filter(Boolean).join(' · ')}
                </Typography>
              </TableCell>
              <TableCell sx={{ ...hideOnPhone, overflowWrap: 'anywhere' }}>{u.email}</TableCell>
              <TableCell sx={hideOnPhone}>{t(`session.roles.${u.role}`)}</TableCell>
              <TableCell sx={hideOnPhone}>
                {u.disabled ? (
                  <Chip size="small" variant="outlined" label={t('users.status.disabled')} />
                ) : (
                  t('users.status.active')
                )}
              </TableCell>
              <TableCell sx={hideOnPhone}>{u.lastSignInAt ? formatDay(u.lastSignInAt, i18n.language) : t('users.neverSignedIn')}</TableCell>
              <TableCell align="right" sx={{ py: 0.25, width: 64 }}>
                <RowActions user={u} onOpen={onOpen} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function RowActions({ user, onOpen }: { user: User; onOpen: (open: Open) => void }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const pick = (kind: 'edit' | 'password' | 'disable') => {
    setAnchor(null);
    onOpen({ kind, user });
  };
  return (
    <>
      <IconButton aria-label={t('users.actions.menu', { name: user.name })} aria-haspopup="menu" aria-expanded={anchor !== null} onClick={(e) => setAnchor(e.currentTarget)}>
        <MoreVertIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => pick('edit')}>{t('users.actions.edit')}</MenuItem>
        <MenuItem onClick={() => pick('password')}>{t('users.actions.password')}</MenuItem>
        <MenuItem onClick={() => pick('disable')}>{user.disabled ? t('users.actions.enable') : t('users.actions.disable')}</MenuItem>
      </Menu>
    </>
  );
}

function RolesExplained() {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ fontSize: '1.125rem', mb: 1 }}>
        {t('users.rolesHeading')}
      </Typography>
      <Stack component="dl" spacing={1} sx={{ m: 0 }}>
        {USER_ROLES.map((r) => (
          <div key={r}>
            <Typography component="dt" sx={{ fontWeight: 600 }}>
              {t(`session.roles.${r}`)}
            </Typography>
            <Typography component="dd" color="textSecondary" sx={{ m: 0 }}>
              {t(`users.roleDescriptions.${r}`)}
            </Typography>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
