import { formatJalali, parseJalaliOrIso } from '../../../common/jalali.js';

/** Cell values shared by the exports: Jalali text for dates, real numbers for amounts, Persian yes/no. */

/** `2025-03-20` (a date column) → `1403/12/30`; null stays empty. */
export const jalaliDay = (iso: string | null | undefined) => {
  const d = iso ? parseJalaliOrIso(iso) : null;
  return d ? formatJalali(d, { digits: 'latin' }) : null;
};

/** An instant → `1403/12/30 14:30` (Tehran). */
export const jalaliDateTime = (at: Date | string | null | undefined) => (at ? formatJalali(new Date(at), { digits: 'latin', time: true }) : null);

/** A decimal string from the API ("12.5", "1250000") → a number cell; kept as text only if a number would lose digits. */
export const numberCell = (v: string | null | undefined) => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) && (Number.isSafeInteger(n) || !/^-?\d{16,}/.test(v)) ? n : v;
};

export const yesNo = (v: boolean) => (v ? 'بله' : 'خیر');
