// کد پستی: 10 digits. No public checksum; a repeated digit (0000000000) is a placeholder, not a code.
import { isRepeatedDigit, stripSeparators } from './clean-input.js';

export function normalizePostalCode(raw: string): string | null {
  const code = stripSeparators(raw);
  return /^\d{10}$/.test(code) && !isRepeatedDigit(code) ? code : null;
}

export function isValidPostalCode(raw: string): boolean {
  return normalizePostalCode(raw) !== null;
}
