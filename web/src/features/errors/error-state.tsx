import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useT } from '../../app/i18n/locale-provider.js';

type ErrorStateProps = { code: string; title: string; body: string; icon?: ReactNode };

export function ErrorState({ code, title, body, icon }: ErrorStateProps) {
  const t = useT();
  return (
    <Box sx={{ textAlign: 'center', py: 8, px: 2, maxWidth: 520, mx: 'auto' }}>
      {icon}
      <Typography sx={{ fontSize: 64, fontWeight: 800, color: 'primary.main', lineHeight: 1 }} aria-hidden>
        {code}
      </Typography>
      <Typography variant="h1" component="h1" sx={{ mt: 2 }}>
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ mt: 1.5, mb: 3 }}>
        {body}
      </Typography>
      <Button component={RouterLink} to="/" variant="contained">
        {t.errors.goHome}
      </Button>
    </Box>
  );
}
