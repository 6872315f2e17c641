// Landline numbers: 0 + two-digit area code + eight digits (021 Tehran, 031 Isfahan…), stored as 11 digits.
import { stripSeparators } from './clean-input.js';

// Area codes start with 1–8; a leading 9 would be a mobile number.
const LANDLINE = /^0[1-8]\d{9}$/;

/**
 * `021-1234 5678`, `+98 21 12345678`, `۰۲۱۱۲۳۴۵۶۷۸` → `02112345678`; null when not a landline.
 * An 8-digit local number gets `defaultAreaCode` (e.g. '021' or '21') when one is given.
 */
export function normalizePhone(raw: string, defaultAreaCode?: string): string | null {
  let s = stripSeparators(raw).replace(/[()]/g, '').replace(/^(?:\+|00)98(?:0)?/, '0');
  if (/^\d{8}$/.test(s) && defaultAreaCode !== undefined) {
    const area = stripSeparators(defaultAreaCode).replace(/^0/, '');
    s = `0${area}${s}`;
  }
  return LANDLINE.test(s) ? s : null;
}

export function isValidPhone(raw: string, defaultAreaCode?: string): boolean {
  return normalizePhone(raw, defaultAreaCode) !== null;
}
