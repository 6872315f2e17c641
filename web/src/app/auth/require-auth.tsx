import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { ForbiddenPage } from '../../features/errors/forbidden-page.js';
import { isApiError } from '../api-client.js';
import { errorText } from '../format.js';
import { useT } from '../i18n/locale-provider.js';
import { useCan } from './can.js';
import { useMe } from './use-me.js';

export function loginPath(next: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** Layout route: loads /api/me once; anonymous visitors go to /login?next=<here>. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const t = useT();
  if (me.isPending) return <PageLoader fullScreen />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to={loginPath(location.pathname + location.search)} replace />;
    }
    return (
      <Box sx={{ p: 4, maxWidth: 560, mx: 'auto' }}>
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void me.refetch()}>
              {t.common.retry}
            </Button>
          }
        >
          {errorText(me.error, t)}
        </Alert>
      </Box>
    );
  }
  return <>{children ?? <Outlet />}</>;
}

/** Route element wrapper: the 403 page instead of the screen when the permission is missing. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  return useCan(permission) ? <>{children}</> : <ForbiddenPage />;
}
