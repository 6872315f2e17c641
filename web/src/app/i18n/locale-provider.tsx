import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../api-client.js';
import { en } from './en.js';
import { fa, type Messages } from './fa.js';

export type Locale = 'fa' | 'en';
export type Direction = 'rtl' | 'ltr';

const STORAGE_KEY = 'crm.locale';
const dictionaries: Record<Locale, Messages> = { fa, en };

type LocaleContextValue = {
  locale: Locale;
  dir: Direction;
  setLocale: (locale: Locale) => void;
};

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function isLocale(v: unknown): v is Locale {
  return v === 'fa' || v === 'en';
}

function readStoredLocale(): Locale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : 'fa';
  } catch {
    return 'fa';
  }
}

export function directionOf(locale: Locale): Direction {
  return locale === 'fa' ? 'rtl' : 'ltr';
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);
  const dir = directionOf(locale);

  // Layout effect: flip <html dir> before paint so the first frame is not mirrored wrongly.
  useLayoutEffect(() => {
    document.documentElement.dir = dir;
    document.documentElement.lang = locale;
    document.title = dictionaries[locale].appName;
    setApiLocale(locale);
  }, [locale, dir]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this tab only
    }
  }, []);

  const value = useMemo(() => ({ locale, dir, setLocale }), [locale, dir, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const ctx = useContext(LocaleContext);
  if (!ctx) throw new Error('useLocale must be used inside <LocaleProvider>');
  return ctx;
}

/** The typed dictionary of the current language: `const t = useT(); t.common.save`. */
export function useT(): Messages {
  return dictionaries[useLocale().locale];
}

/** A `{fa, en}` label object (from the server's permission catalog, registries) in the current language. */
export function useLabel(): (label: { fa: string; en: string } | string | undefined) => string {
  const { locale } = useLocale();
  return useCallback((label) => (label === undefined ? '' : typeof label === 'string' ? label : label[locale] || label.fa), [locale]);
}
