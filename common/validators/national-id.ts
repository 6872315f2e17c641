// کد ملی: 10 digits, the last one a mod-11 check digit.
import { isRepeatedDigit, stripSeparators } from './clean-input.js';

/** Canonical 10-digit national ID, or null. 8–9 digits are left-padded: legacy data lost leading zeros. */
export function normalizeNationalId(raw: string): string | null {
  const digits = stripSeparators(raw);
  if (!/^\d{8,10}$/.test(digits)) return null;
  const code = digits.padStart(10, '0');
  // The ten repeated-digit codes pass the checksum, and no code has digits 4–9 all zero.
  if (isRepeatedDigit(code) || code.slice(3, 9) === '000000') return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(code[i]) * (10 - i);
  const r = sum % 11;
  const check = r < 2 ? r : 11 - r;
  return check === Number(code[9]) ? code : null;
}

export function isValidNationalId(raw: string): boolean {
  return normalizeNationalId(raw) !== null;
}
