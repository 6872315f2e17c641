import MenuIcon from '@mui/icons-material/Menu';
import SearchIcon from '@mui/icons-material/Search';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router';
import { useMe } from '../../app/auth/use-me.js';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { CommandPalette } from './command-palette.js';
import { GlobalSearch } from './global-search.js';
import { LanguageSwitch } from './language-switch.js';
import { NotificationsBell } from './notifications-bell.js';
import { Sidebar } from './sidebar.js';
import { useNotificationStream } from './use-notifications.js';
import { UserMenu } from './user-menu.js';
import { ReminderPopup } from '../reminders/reminder-popup.js';
import { AnnouncementPopup } from '../announcements/announcement-popup.js';

const DRAWER_WIDTH = 264;

/** The user's saved language wins once /api/me is known (e.g. after signing in on a new browser). */
function useLocaleFromProfile() {
  const { data: me } = useMe();
  const { setLocale } = useLocale();
  const saved = me?.user?.locale;
  useEffect(() => {
    if (saved === 'fa' || saved === 'en') setLocale(saved);
  }, [saved, setLocale]);
}

function useCommandShortcut(open: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK')) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

export function AppShell() {
  const t = useT();
  const theme = useTheme();
  const desktop = useMediaQuery(theme.breakpoints.up('md'));
  const [mobileOpen, setMobileOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const { data: me } = useMe();
  const { pathname } = useLocation();

  useLocaleFromProfile();
  useNotificationStream();
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  useCommandShortcut(openPalette);
  useEffect(() => setMobileOpen(false), [pathname]);

  const drawer = (
    <>
      <Toolbar />
      <Sidebar onNavigate={() => setMobileOpen(false)} />
    </>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar
        position="fixed"
        color="inherit"
        elevation={0}
        sx={{ zIndex: (th) => (desktop ? th.zIndex.drawer + 1 : th.zIndex.appBar), borderBottom: 1, borderColor: 'divider' }}
      >
        <Toolbar sx={{ gap: 1.5 }}>
          {!desktop && (
            <IconButton edge="start" aria-label={t.nav.openMenu} onClick={() => setMobileOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <Typography
            component={RouterLink}
            to="/"
            variant="h4"
            noWrap
            sx={{ color: 'primary.main', textDecoration: 'none', width: desktop ? DRAWER_WIDTH - 24 : 'auto', flex: desktop ? 'none' : 1, minWidth: 0 }}
          >
            {me?.user?.tenantName || t.appName}
          </Typography>
          <Box sx={{ flex: desktop ? 1 : 'none', display: 'flex', justifyContent: 'center', minWidth: 0 }}>
            {desktop ? (
              <GlobalSearch />
            ) : (
              <IconButton aria-label={t.shell.globalSearch} onClick={openPalette}>
                <SearchIcon />
              </IconButton>
            )}
          </Box>
          <LanguageSwitch />
          <NotificationsBell />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Box component="aside" sx={{ width: { md: DRAWER_WIDTH }, flexShrink: { md: 0 } }}>
        {desktop ? (
          <Drawer
            variant="permanent"
            anchor="left" /* logical start: the right edge in RTL */
            open
            sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', borderColor: 'divider' } }}
          >
            {drawer}
          </Drawer>
        ) : (
          <Drawer
            variant="temporary"
            anchor="left"
            open={mobileOpen}
            onClose={() => setMobileOpen(false)}
            ModalProps={{ keepMounted: true }}
            sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
          >
            {drawer}
          </Drawer>
        )}
      </Box>
      <Box component="main" sx={{ flex: 1, minWidth: 0, p: { xs: 2, md: 3 } }}>
        <Toolbar />
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Box>
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} />
      <ReminderPopup />
      <AnnouncementPopup />
    </Box>
  );
}
