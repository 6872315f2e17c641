import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { enUS as pickersEnUS, faIR as pickersFaIR } from '@mui/x-date-pickers/locales';
import { enUS as dfEnUS } from 'date-fns-jalali/locale/en-US';
import { faIR as dfFaIR } from 'date-fns-jalali/locale/fa-IR';
import type { ReactNode } from 'react';
import { useLocale } from '../../../app/i18n/locale-provider.js';
import { JalaliAdapterEn, JalaliAdapterFa } from './jalali-adapter.js';

// The Iranian week starts on Saturday in English too (date-fns-jalali's en-US starts on Sunday).
const enJalali = { ...dfEnUS, options: { ...dfEnUS.options, weekStartsOn: 6 as const } };

/**
 * Jalali calendar for MUI X pickers in both languages. Lives with the pickers (not in the app
 * providers) so the picker code is loaded only by the screens that use it.
 */
export function JalaliLocalizationProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const fa = locale === 'fa';
  return (
    <LocalizationProvider
      dateAdapter={fa ? JalaliAdapterFa : JalaliAdapterEn}
      adapterLocale={fa ? dfFaIR : enJalali}
      localeText={(fa ? pickersFaIR : pickersEnUS).components.MuiLocalizationProvider.defaultProps.localeText}
    >
      {children}
    </LocalizationProvider>
  );
}
