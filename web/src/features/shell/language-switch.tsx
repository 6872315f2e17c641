import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client.js';
import { meQueryKey, type Me } from '../../app/auth/use-me.js';
import { isLocale, useLocale, useT, type Locale } from '../../app/i18n/locale-provider.js';

/** فا / EN. Signed in, the choice is saved on the server too (PATCH /api/me/preferences). */
export function LanguageSwitch({ color = 'standard' }: { color?: 'standard' | 'inherit' }) {
  const { locale, setLocale } = useLocale();
  const t = useT();
  const queryClient = useQueryClient();

  const change = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    const me = queryClient.getQueryData<Me>(meQueryKey);
    if (!me?.user) return;
    queryClient.setQueryData<Me>(meQueryKey, { ...me, user: { ...me.user, locale: next } });
    api.patch('/api/me/preferences', { locale: next }).catch(() => {
      // Not fatal: the choice is still kept in localStorage for this browser.
    });
  };

  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={locale}
      aria-label={t.shell.language}
      onChange={(_e, v: unknown) => {
        if (isLocale(v)) change(v);
      }}
      sx={color === 'inherit' ? { '& .MuiToggleButton-root': { color: 'inherit', borderColor: 'rgba(255,255,255,0.4)' } } : undefined}
    >
      <ToggleButton value="fa" lang="fa" sx={{ px: 1.5, py: 0.25 }}>
        فا
      </ToggleButton>
      <ToggleButton value="en" lang="en" sx={{ px: 1.5, py: 0.25 }}>
        EN
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
