import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { ConfirmProvider } from '../components/ui/confirm-dialog.js';
import { ToastProvider } from '../components/ui/toast-provider.js';
import { LocaleProvider, useLocale } from './i18n/locale-provider.js';
import { queryClient } from './query-client.js';
import { createAppTheme, emotionCacheFor } from './theme.js';

/** Direction-dependent styling: emotion cache (rtl/ltr), theme direction and MUI texts follow the language. */
function ThemeRoot({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const theme = useMemo(() => createAppTheme(locale), [locale]);
  return (
    <CacheProvider value={emotionCacheFor(locale)}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </CacheProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <ThemeRoot>
          <ToastProvider>
            <ConfirmProvider>{children}</ConfirmProvider>
          </ToastProvider>
        </ThemeRoot>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
