import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, Outlet, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserMenu } from '../features/session/components/user-menu';
import { useSessionKeepAlive } from '../features/session/keep-alive';
import { asLanguage } from '../i18n/i18n';
import { isPublicPath } from '../lib/session';

/**
 * Mock mode's role switcher (issue 6): only in the dev server with the in-browser backend.
 * In `vite build` import.meta.env.DEV is false, so this import and mocks/ are left out.
 */
const MockRoleSwitcher =
  import.meta.env.DEV && import.meta.env.MODE !== 'test' && import.meta.env.VITE_MOCKS !== 'false'
    ? lazy(() => import('./mock-role-switcher'))
    : null;

/** Top-level pages, in the order of daily use (one line each). Eight fit in one row from the lg breakpoint (1200px); below it they are in the menu. */
const NAV = [
  { to: '/', key: 'dashboard.nav' },
  { to: '/roster', key: 'app.nav.roster' },
  { to: '/people', key: 'people.nav' },
  { to: '/organizations', key: 'organizations.nav' },
  { to: '/bodies', key: 'bodies.nav' },
  { to: '/terms', key: 'terms.nav' },
  { to: '/insights', key: 'insights.nav' },
  { to: '/import', key: 'importExport.nav' },
] as const;

/** The frame around every page: skip link, app bar with navigation and language, main. */
/** The main menu's links; the current page is marked for screen readers and by an underline. */
function NavList({ direction }: { direction: 'row' | 'column' }) {
  const { t } = useTranslation();
  return (
    <Box component="ul" sx={{ display: 'flex', flexDirection: direction, gap: direction === 'row' ? 0.25 : 1, m: 0, p: 0, listStyle: 'none' }}>
      {NAV.map((item) => (
        <li key={item.to}>
          <Button
            component={RouterLink}
            to={item.to}
            color="inherit"
            activeProps={{ 'aria-current': 'page' }}
            activeOptions={{ exact: item.to === '/' }}
            fullWidth={direction === 'column'}
            sx={{
              justifyContent: direction === 'column' ? 'flex-start' : 'center',
              whiteSpace: 'nowrap',
              '&[aria-current="page"]': { textDecoration: 'underline', textUnderlineOffset: 6 },
            }}
          >
            {t(item.key)}
          </Button>
        </li>
      ))}
    </Box>
  );
}

export function Shell() {
  const { t, i18n } = useTranslation();
  useSessionKeepAlive();
  const [menuOpen, setMenuOpen] = useState(false);
  // The sign-in and setup pages show no navigation: there is nothing to reach before signing in.
  const signedIn = !useRouterState({ select: (s) => isPublicPath(s.location.pathname) });
  const other = asLanguage(t('app.language.switchToLang'));
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.tooltip,
          bgcolor: 'background.paper',
          px: 2,
          py: 1,
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <AppBar position="static" elevation={0} sx={{ displayPrint: 'none' }}>
        <Toolbar sx={{ gap: { xs: 1, sm: 2, lg: 1, xl: 2 } }}>
          <Typography component="p" variant="h6" sx={{ fontWeight: 700, whiteSpace: 'nowrap', fontSize: { xs: '1rem', sm: '1.25rem' } }}>
            {t('app.name')}
          </Typography>
          {signedIn && (
            <Box component="nav" aria-label={t('app.nav.label')} sx={{ flexGrow: 1, display: { xs: 'none', lg: 'block' } }}>
              <NavList direction="row" />
            </Box>
          )}
          <Box sx={{ flexGrow: 1, display: signedIn ? { xs: 'block', lg: 'none' } : 'block' }} />
          {MockRoleSwitcher && (
            <Suspense fallback={null}>
              <MockRoleSwitcher />
            </Suspense>
          )}
          {signedIn && (
            <>
              <IconButton
                color="inherit"
                aria-label={t('app.nav.open')}
                aria-expanded={menuOpen}
                aria-controls="main-menu"
                onClick={() => setMenuOpen(true)}
                sx={{ display: { xs: 'inline-flex', lg: 'none' } }}
              >
                <MenuIcon />
              </IconButton>
              <Drawer anchor="right" open={menuOpen} onClose={() => setMenuOpen(false)} sx={{ display: { lg: 'none' } }}>
                <Box component="nav" id="main-menu" aria-label={t('app.nav.label')} sx={{ width: 260, p: 2 }} onClick={() => setMenuOpen(false)}>
                  <NavList direction="column" />
                </Box>
              </Drawer>
              <UserMenu />
            </>
          )}
          <Button
            color="inherit"
            variant="outlined"
            size="small"
            lang={other}
            aria-label={`${t('app.language.label')}: ${t('app.language.switchTo')}`}
            onClick={() => void i18n.changeLanguage(other)}
          >
            {t('app.language.switchTo')}
          </Button>
        </Toolbar>
      </AppBar>
      <Container component="main" id="main" tabIndex={-1} maxWidth="lg" sx={{ py: { xs: 2, sm: 4 }, outline: 'none' }}>
        <Outlet />
      </Container>
    </Box>
  );
}
