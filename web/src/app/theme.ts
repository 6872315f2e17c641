import createCache, { type EmotionCache, type StylisPlugin } from '@emotion/cache';
import { enUS as coreEnUS, faIR as coreFaIR } from '@mui/material/locale';
import { createTheme, type Theme } from '@mui/material/styles';
import { prefixer } from 'stylis';
import rtlPluginModule from 'stylis-plugin-rtl';
import type { Locale } from './i18n/locale-provider.js';

// stylis-plugin-rtl is CommonJS with an ES `module` build: Vite hands us the function, while the
// NodeNext type view sees `{ default }`. Accept both shapes.
const rtlPlugin: StylisPlugin =
  (rtlPluginModule as unknown as { default?: StylisPlugin }).default ?? (rtlPluginModule as unknown as StylisPlugin);

// Two emotion caches: the RTL one flips every left/right in component styles (stylis-plugin-rtl).
// Switching the language swaps the cache, the theme direction and <html dir> together.
const rtlCache = createCache({ key: 'muirtl', stylisPlugins: [prefixer, rtlPlugin] });
const ltrCache = createCache({ key: 'muiltr', stylisPlugins: [prefixer] });

export function emotionCacheFor(locale: Locale): EmotionCache {
  return locale === 'fa' ? rtlCache : ltrCache;
}

const FONT = 'Vazirmatn, "Segoe UI", Tahoma, Roboto, sans-serif';

export function createAppTheme(locale: Locale): Theme {
  return createTheme(
    {
      direction: locale === 'fa' ? 'rtl' : 'ltr',
      palette: {
        primary: { main: '#1e5aa8' },
        secondary: { main: '#0f8b8d' },
        background: { default: '#f4f6fa', paper: '#ffffff' },
      },
      shape: { borderRadius: 8 },
      typography: {
        fontFamily: FONT,
        button: { textTransform: 'none', fontWeight: 600 },
        h1: { fontSize: '1.75rem', fontWeight: 700 },
        h2: { fontSize: '1.4rem', fontWeight: 700 },
        h3: { fontSize: '1.2rem', fontWeight: 700 },
        h4: { fontSize: '1.05rem', fontWeight: 700 },
      },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
        // Required fields: the input keeps `required` (announced by screen readers), but the label
        // gets a red dot instead of MUI's " *" text, so a label's text is exactly its words
        // (end-to-end tests find fields with getByLabel('…', { exact: true })).
        MuiInputLabel: { defaultProps: { required: false } },
        MuiFormControl: {
          defaultProps: { size: 'small' },
          styleOverrides: {
            root: ({ theme }) => ({
              '&:has(input:required, textarea:required) > .MuiInputLabel-root::after': {
                content: '""',
                display: 'inline-block',
                width: 6,
                height: 6,
                marginLeft: 4,
                marginBottom: 2,
                borderRadius: '50%',
                backgroundColor: theme.palette.error.main,
              },
            }),
          },
        },
        MuiAutocomplete: { defaultProps: { size: 'small' } },
        MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { backgroundImage: 'none' } } },
        MuiCard: { defaultProps: { variant: 'outlined' } },
        MuiTooltip: { defaultProps: { arrow: true } },
      },
    },
    locale === 'fa' ? coreFaIR : coreEnUS,
  );
}
