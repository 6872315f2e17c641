import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useT } from '../../app/i18n/locale-provider.js';

export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const t = useT();
  return (
    <Box
      role="status"
      aria-label={t.common.loading}
      sx={{ display: 'grid', placeItems: 'center', minHeight: fullScreen ? '100vh' : 240, width: '100%' }}
    >
      <CircularProgress size={32} />
    </Box>
  );
}
