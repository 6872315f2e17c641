import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../../app/i18n/locale-provider.js';
import { NotFoundPage } from './not-found-page.js';

/** Route errorElement: a crashed screen or a chunk that failed to load after a deploy. */
export function RouteErrorPage() {
  const error = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (import.meta.env.DEV) console.error(error);
  return (
    <Box sx={{ p: 4, maxWidth: 560, mx: 'auto' }}>
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => window.location.reload()}>
            {t.errors.reload}
          </Button>
        }
      >
        {t.errors.crashed}
      </Alert>
    </Box>
  );
}
