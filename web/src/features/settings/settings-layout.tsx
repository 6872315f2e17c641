import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { Suspense } from 'react';
import { Link as RouterLink, Navigate, Outlet, useLocation } from 'react-router';
import { usePermissionCheck } from '../../app/auth/can.js';
import { useLabel, useT } from '../../app/i18n/locale-provider.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { ForbiddenPage } from '../errors/forbidden-page.js';
import { getSettingsPages, settingsPagePath } from './settings-registry.js';

/** /settings — one tab per registry entry the user may see; /settings itself opens the first. */
export function SettingsLayout() {
  const t = useT();
  const label = useLabel();
  const can = usePermissionCheck();
  const { pathname } = useLocation();
  const pages = getSettingsPages().filter((p) => can(p.permission));
  const current = pages.find((p) => pathname === settingsPagePath(p) || pathname.startsWith(`${settingsPagePath(p)}/`));

  if (pathname.replace(/\/$/, '') === '/settings') {
    const first = pages.find((p) => p.component);
    return first ? <Navigate to={settingsPagePath(first)} replace /> : <ForbiddenPage />;
  }

  return (
    <>
      <PageHeader title={t.settings.title} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={current?.key ?? false} variant="scrollable" scrollButtons="auto" aria-label={t.settings.title}>
          {pages.map((p) => (
            <Tab key={p.key} value={p.key} label={label(p.label)} component={RouterLink} to={settingsPagePath(p)} />
          ))}
        </Tabs>
      </Box>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </>
  );
}
