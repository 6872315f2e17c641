// Locale-aware display helpers: Persian digits in the Persian UI, Jalali dates in both languages.
import { useMemo } from 'react';
import { formatJalali, toJalali } from '@common/jalali.js';
import { formatMoney, type CurrencyDisplay, type MoneyInput } from '@common/money.js';
import { toPersianDigits } from '@common/text.js';
import { isApiError } from './api-client.js';
import { en as enMessages } from './i18n/en.js';
import { fa as faMessages, type Messages } from './i18n/fa.js';
import { useLocale, type Locale } from './i18n/locale-provider.js';

const FA_MONTHS = faMessages.months;
const EN_MONTHS = enMessages.months;

export type DateInput = Date | string | number | null | undefined;

function toDate(v: DateInput): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function groupDigits(s: string, sep: string): string {
  const [int = '', frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const body = sign ? int.slice(1) : int;
  const grouped = body.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

export type Formatter = ReturnType<typeof makeFormatter>;

export function makeFormatter(locale: Locale, months: readonly string[]) {
  const fa = locale === 'fa';
  const digits = (v: string | number | bigint): string => (fa ? toPersianDigits(v) : String(v));
  return {
    locale,
    digits,
    /** 1234567 → ۱٬۲۳۴٬۵۶۷ (fa) / 1,234,567 (en). */
    number(v: number | bigint | string | null | undefined): string {
      if (v === null || v === undefined || v === '') return '';
      const grouped = groupDigits(String(v), fa ? '٬' : ',');
      return fa ? toPersianDigits(grouped).replace('.', '٫') : grouped;
    },
    /** ۱۴۰۳/۰۱/۱۵ */
    date(v: DateInput): string {
      const d = toDate(v);
      return d ? formatJalali(d, { digits: fa ? 'fa' : 'latin' }) : '';
    },
    /** ۱۴۰۳/۰۱/۱۵ ۱۴:۳۰ */
    dateTime(v: DateInput): string {
      const d = toDate(v);
      return d ? formatJalali(d, { digits: fa ? 'fa' : 'latin', time: true }) : '';
    },
    /** Rial amount shown in Rial or Toman (see useCurrencyDisplay), with the unit word on request. */
    money(rial: MoneyInput | null | undefined, display: CurrencyDisplay = 'rial', unit = false): string {
      if (rial === null || rial === undefined || rial === '') return '';
      const text = formatMoney(rial, display, { digits: fa ? 'fa' : 'latin', unit: fa && unit });
      return !fa && unit ? `${text} ${display === 'toman' ? 'Toman' : 'Rial'}` : text;
    },
    /** ۱۵ فروردین ۱۴۰۳ / 15 Farvardin 1403 */
    longDate(v: DateInput): string {
      const d = toDate(v);
      if (!d) return '';
      const j = toJalali(d);
      return digits(`${j.day} ${months[j.month - 1] ?? j.month} ${j.year}`);
    },
  };
}

export function useFormat(): Formatter {
  const { locale } = useLocale();
  return useMemo(() => makeFormatter(locale, locale === 'fa' ? FA_MONTHS : EN_MONTHS), [locale]);
}


/** The text to show for a failed request: the server's Persian detail when there is one. */
export function errorText(err: unknown, t: Messages): string {
  if (isApiError(err)) {
    if (err.status === 0) return t.errors.network;
    return err.detail || err.title || t.errors.generic;
  }
  return t.errors.generic;
}
