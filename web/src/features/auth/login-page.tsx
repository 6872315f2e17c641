import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Collapse from '@mui/material/Collapse';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { toLatinDigits } from '@common/text.js';
import { isApiError } from '../../app/api-client.js';
import { fetchMe, meQueryKey } from '../../app/auth/use-me.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { LanguageSwitch } from '../shell/language-switch.js';
import { login, safeNext } from './auth-api.js';

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [tenant, setTenant] = useState('');
  const [showTenant, setShowTenant] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      const body = { username: toLatinDigits(username.trim()), password, ...(tenant.trim() ? { tenant: tenant.trim() } : {}) };
      await login(body);
      queryClient.clear(); // nothing of a previous user may survive
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      // The same username in several companies: ask for the company code.
      if (isApiError(err) && err.code === 'tenant_required') setShowTenant(true);
      setError(isApiError(err) && err.status === 401 && !err.detail ? t.login.failed : errorText(err, t));
      setBusy(false);
    }
  }

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2, bgcolor: 'background.default' }}
    >
      <Box sx={{ width: '100%', maxWidth: 400 }}>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 1 }}>
          <LanguageSwitch />
        </Box>
        <Card>
          <CardContent sx={{ p: 4 }}>
            <Typography variant="body2" color="primary" sx={{ fontWeight: 700, mb: 0.5 }}>
              {t.appName}
            </Typography>
            <Typography variant="h1" component="h1" sx={{ mb: 3 }}>
              {t.login.title}
            </Typography>
            <Box component="form" onSubmit={submit} noValidate>
              <Stack spacing={2}>
                {error && (
                  <Alert severity="error" role="alert">
                    {error}
                  </Alert>
                )}
                <TextField
                  label={t.login.username}
                  name="username"
                  autoComplete="username"
                  value={username}
                  onChange={(e) => setUsername(e.target.value)}
                  required
                  autoFocus
                  size="medium"
                  error={submitted && !username.trim()}
                  helperText={submitted && !username.trim() ? t.common.required : undefined}
                />
                <TextField
                  label={t.login.password}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  required
                  size="medium"
                  error={submitted && !password}
                  helperText={submitted && !password ? t.common.required : undefined}
                />
                <Collapse in={showTenant} unmountOnExit>
                  <TextField
                    label={t.login.tenant}
                    name="tenant"
                    autoComplete="organization"
                    value={tenant}
                    onChange={(e) => setTenant(e.target.value)}
                    size="medium"
                  />
                </Collapse>
                {!showTenant && (
                  <Link component="button" type="button" variant="body2" onClick={() => setShowTenant(true)} sx={{ alignSelf: 'flex-start' }}>
                    {t.login.showTenant}
                  </Link>
                )}
                <Button type="submit" variant="contained" size="large" disabled={busy}>
                  {t.login.submit}
                </Button>
              </Stack>
            </Box>
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
}
